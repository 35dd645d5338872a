import type { FastifyError, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errors } from './errors.js';

export interface DbError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

/** Maps database constraint failures that slipped past the services' own checks to 4xx errors. */
function fromDatabase(err: DbError): AppError | null {
  const code = err.code ?? '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const field =
      /\(([^)]+)\)=/.exec(err.detail ?? '')?.[1] ?? /UNIQUE constraint failed: \w+\.(\w+)/.exec(err.message ?? '')?.[1] ?? 'value';
    return errors.duplicate('A record', field);
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return errors.referenceMissing('record', 'reference');
  // PostgreSQL refuses numbers its column type cannot hold (an underflowing double, an integer past
  // its range) where SQLite stores them: the caller sent a value out of range, not a server fault.
  if (code === '22003') return errors.validation('A number in the request is out of range.', { location: 'body' });
  return null;
}

function isMalformedMultipart(err: { message?: string }): boolean {
  return /^(Multipart: Boundary not found|Unexpected end of form|Malformed part header)/.test(err.message ?? '');
}

function describePath(path: PropertyKey[] | string | undefined): string {
  if (Array.isArray(path)) return path.map(String).join('.');
  return (path ?? '').replace(/^\//, '').replaceAll('/', '.');
}

/**
 * Turns anything a route, hook or the database throws into an AppError from the catalogue (or a
 * logged 500). The server's error handler renders it in the one error shape; the Zendesk-compatible
 * API (issue 18) renders the same AppError in Zendesk's shape.
 */
export function toAppError(err: FastifyError & DbError, request: FastifyRequest): AppError {
  let appError: AppError;
  if (err instanceof AppError) {
    appError = err;
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = err.validation.map((v) => ({
      path: describePath(v.instancePath),
      message: v.message ?? 'is invalid',
    }));
    const first = issues[0];
    const where = err.validationContext ?? 'body';
    const message = first ? `${where}${first.path ? `.${first.path}` : ''}: ${first.message}` : `The request ${where} is not valid.`;
    appError = errors.validation(message, { location: where, issues });
  } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) {
    appError = errors.malformedJson();
  } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // A raw body in the route's own content type (the e-mail intake's message/rfc822, 25 MiB by
    // default) has the route's limit; JSON everywhere has the server's.
    const raw = !/json/i.test(request.headers['content-type'] ?? '') ? request.routeOptions.config?.rawBodyLimitBytes : undefined;
    appError = errors.bodyTooLarge(raw ?? request.server.initialConfig.bodyLimit ?? 1024 * 1024);
  } else if (isMalformedMultipart(err)) {
    // busboy's refusals of a broken upload (no boundary, cut off) carry no status of their own.
    appError = errors.validation(`The upload is not well-formed multipart/form-data (${err.message}).`, {
      location: 'body',
      field: 'file',
    });
  } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    appError = errors.unsupportedMediaType();
  } else if (isResponseSerializationError(err)) {
    request.log.error({ err }, 'response did not match its schema');
    appError = new AppError('server.error', 500, 'Something went wrong on our side; it has been logged.');
  } else {
    const fromDb = fromDatabase(err);
    if (fromDb) appError = fromDb;
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      appError = new AppError(`request.${(err.code ?? 'invalid').toLowerCase()}`, err.statusCode, err.message);
    } else {
      request.log.error({ err }, 'unhandled error');
      appError = new AppError('server.error', 500, 'Something went wrong on our side; it has been logged.');
    }
  }
  return appError;
}
