import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { COLLATERAL_FILE_FIELD } from '../contract/collateral.js';

/** The longest text field an upload carries (the metadata JSON with a 5,000-character description fits easily). */
export const UPLOAD_FIELD_MAX = 100_000;

export interface UploadParts {
  file: { filename: string; content: Buffer } | null;
  fields: Record<string, string>;
}

/**
 * Reads a collateral upload: the one file in the field "file" (refused with 413 past `maxBytes`,
 * counted while it streams in) and the text fields. Anything else is drained and ignored.
 */
export async function readUploadParts(request: FastifyRequest, maxBytes: number): Promise<UploadParts> {
  if (!request.isMultipart()) throw errors.collateralFileMissing();
  const parts: UploadParts = { file: null, fields: {} };
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== COLLATERAL_FILE_FIELD || parts.file) {
        await part.toBuffer().catch(() => undefined);
        continue;
      }
      try {
        parts.file = { filename: part.filename, content: await part.toBuffer() };
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.collateralFileTooLarge(maxBytes);
        throw err;
      }
    } else {
      if (part.valueTruncated) throw errors.collateralFieldTooLarge();
      parts.fields[part.fieldname] = String(part.value);
    }
  }
  return parts;
}

/**
 * A multipart text field parsed against its schema, refused in the API's one validation shape
 * (`field.path: message`), and with the same NUL-character rule as JSON bodies.
 */
export function parseField<T extends z.ZodType>(schema: T, raw: unknown, field: string): z.output<T> {
  if (JSON.stringify(raw ?? null).includes('\\u0000')) throw errors.nulCharacter({ location: 'body', path: field });
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: [field, ...i.path.map(String)].join('.'), message: i.message }));
  const first = issues[0]!;
  throw errors.validation(`body.${first.path}: ${first.message}`, { location: 'body', issues });
}

/** The "metadata" field's JSON, or a validation error naming it. */
export function jsonField(raw: string | undefined, field: string): unknown {
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw errors.validation(`body.${field}: is not valid JSON`, {
      location: 'body',
      issues: [{ path: field, message: 'is not valid JSON' }],
    });
  }
}
