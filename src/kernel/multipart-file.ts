import type { FastifyRequest } from 'fastify';
import type { AppError } from './errors.js';
import { errors } from './errors.js';

export interface UploadedFile {
  filename: string;
  content: Buffer;
}

/**
 * The one file in the multipart field "file" and the text fields beside it. Other file parts are
 * drained and ignored; a file over `maxBytes` (the route's multipart limit) is a 413 naming the
 * limit, never a cut file; no file, or an empty one, is the route's own `missing` error.
 */
export async function readMultipartFile(
  request: FastifyRequest,
  options: { maxBytes: number; missing: () => AppError },
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw options.missing();
  let file: UploadedFile | null = null;
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
      if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.bodyTooLarge(options.maxBytes);
      throw err;
    }
  }
  if (!file || !file.content.length) throw options.missing();
  return { file, fields };
}
