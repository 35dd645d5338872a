import { AppError, make } from './make.js';

/**
 * Errors of request handling every module shares: validation, malformed or hostile input, unknown
 * routes, conflicts, rate limits and the event stream. Spread into the one catalogue in
 * ../errors.ts.
 */
export const requestsErrors = {
  rateLimited: make('request.rate_limited', 429, 'Too many requests: wait a moment, then try again.'),
  validation: (message: string, details: Record<string, unknown>) => new AppError('request.invalid', 400, message, details),
  malformedJson: make('request.malformed_json', 400, 'The request body is not valid JSON.'),
  invalidUtf8: make('request.invalid_utf8', 400, 'The request is not valid UTF-8: send text encoded as UTF-8.'),
  nulCharacter: make(
    'request.nul_character',
    400,
    'The request contains a NUL character (\\u0000), which no text field accepts: remove it and send again.',
  ),
  bodyTooLarge: (limitBytes: number) =>
    new AppError(
      'request.too_large',
      413,
      `The request body is larger than this endpoint accepts (${(limitBytes / 1024 / 1024).toFixed(limitBytes < 1024 * 1024 ? 2 : 0)} MiB).`,
      { limitBytes },
    ),
  unsupportedMediaType: make('request.unsupported_media_type', 415, 'Send the body as application/json.'),
  routeNotFound: make('route.not_found', 404, 'There is no such API route.'),
  idempotencyMismatch: make(
    'request.idempotency_key_reused',
    422,
    'This Idempotency-Key was already used with a different request; use a new key for a new request.',
  ),
  idempotencyInProgress: make(
    'request.idempotency_in_progress',
    409,
    'A request with this Idempotency-Key is still being processed; retry in a moment to get its result.',
  ),
  /** `field` is the request field a form shows the message under; `label` how a person reads it. */
  duplicate: (what: string, field: string, label: string = field) =>
    new AppError('conflict.duplicate', 409, `${what} with this ${label} already exists.`, { field }),
  referenceMissing: (what: string, field: string) =>
    new AppError('request.reference_not_found', 422, `The ${what} named in "${field}" does not exist.`, { field }),
  invalidCursor: make('request.invalid_cursor', 400, 'The cursor is not one this list handed out; start again without it.'),
  eventStreamNotAcceptable: make(
    'events.not_acceptable',
    406,
    'This is a Server-Sent Events stream: send "Accept: text/event-stream" (a browser EventSource does).',
  ),
  datesOutOfOrder: (field: string, message: string) => new AppError('request.dates_out_of_order', 422, message, { field }),
};
