import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import { readMultipartFile } from '../multipart-file.js';
import { SPREADSHEET_LIMITS } from './read-spreadsheet.js';
import type { ImportMode, UploadedSpreadsheet } from './spreadsheet-import.js';

/** Lets a plugin's routes take one spreadsheet upload (and the mapping and mode beside it), no larger than an import reads. */
export async function acceptSpreadsheetUploads(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: SPREADSHEET_LIMITS.bytes, files: 1, fields: 4, fieldSize: 20_000, parts: 6 },
  });
}

/**
 * The spreadsheet in the multipart field "file", the column mapping ("mapping", JSON) and the
 * mode ("mode"): a file over the limit is a 413 that names the limit, not a cut file.
 */
export async function readSpreadsheetUpload(
  request: FastifyRequest,
): Promise<{ file: UploadedSpreadsheet; mapping: string | undefined; mode: ImportMode }> {
  const { file, fields } = await readMultipartFile(request, {
    maxBytes: SPREADSHEET_LIMITS.bytes,
    missing: () => errors.spreadsheetFileMissing({ field: 'file' }),
  });
  const mode = fields.mode ?? 'valid_rows';
  if (mode !== 'valid_rows' && mode !== 'all_or_nothing')
    throw errors.spreadsheetMappingInvalid('mode', 'send "mode" as valid_rows or all_or_nothing.');
  return { file, mapping: fields.mapping, mode };
}
