import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
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
  if (!request.isMultipart()) throw errors.spreadsheetFileMissing({ field: 'file' });
  let file: UploadedSpreadsheet | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file' || file) {
      await part.toBuffer().catch(() => undefined);
      continue;
    }
    try {
      file = { filename: part.filename, content: await part.toBuffer() };
    } catch (err) {
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.bodyTooLarge(SPREADSHEET_LIMITS.bytes);
      throw err;
    }
  }
  if (!file || !file.content.length) throw errors.spreadsheetFileMissing({ field: 'file' });
  const mode = fields.mode ?? 'valid_rows';
  if (mode !== 'valid_rows' && mode !== 'all_or_nothing')
    throw errors.spreadsheetMappingInvalid('mode', 'send "mode" as valid_rows or all_or_nothing.');
  return { file, mapping: fields.mapping, mode };
}
