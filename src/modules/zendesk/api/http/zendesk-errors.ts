import type { AppError } from '../../../../kernel/errors.js';

/**
 * Zendesk's error bodies (Support API reference, "Errors"): clients branch on `error` and show
 * `description`; a record that fails validation answers 422 `RecordInvalid` with per-field
 * `details`. Outpost's own error code rides along in `outpost_code` for anyone debugging.
 */
export interface ZendeskErrorBody {
  error: string;
  description?: string;
  details?: Record<string, { description: string; error: string }[]>;
  outpost_code?: string;
}

interface Issue {
  path?: string;
  message?: string;
}

/** Zendesk names fields snake_case at the top of the record: `ticket.subject` → `subject`. */
function fieldOf(path: string | undefined, fallback: string): string {
  const parts = (path ?? '').split('.').filter((p) => p && !/^\d+$/.test(p));
  const last = parts.filter((p) => !['ticket', 'tickets', 'user', 'users', 'organization', 'organizations', 'group'].includes(p));
  return last[0] ?? fallback;
}

function validationDetails(appError: AppError): ZendeskErrorBody['details'] {
  const issues = (appError.details.issues as Issue[] | undefined) ?? [];
  const field = typeof appError.details.field === 'string' ? appError.details.field : undefined;
  const details: NonNullable<ZendeskErrorBody['details']> = {};
  const add = (name: string, message: string) => {
    const blank = /required|blank|at least 1|empty/i.test(message);
    (details[name] ??= []).push({ description: `${name}: ${message}`, error: blank ? 'BlankValue' : 'InvalidValue' });
  };
  if (issues.length) for (const issue of issues) add(fieldOf(issue.path, field ?? 'base'), issue.message ?? 'is invalid');
  else add(field ?? 'base', appError.message);
  return details;
}

/** The status and body Zendesk would answer for an Outpost error. */
export function zendeskError(appError: AppError): { status: number; body: ZendeskErrorBody } {
  const status = appError.statusCode;
  const outpost_code = appError.code;
  switch (true) {
    case status === 401:
      return { status, body: { error: "Couldn't authenticate you", outpost_code } };
    case status === 403:
      return {
        status,
        body: {
          error: 'Forbidden',
          description: 'You do not have access to this page. Please contact the account owner of this help desk for further help.',
          outpost_code,
        },
      };
    case appError.code === 'route.not_found':
      return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found', outpost_code } };
    case status === 404:
      return { status, body: { error: 'RecordNotFound', description: 'Not found', outpost_code } };
    case status === 429:
      return {
        status,
        body: { error: 'APIRateLimitExceeded', description: 'Number of allowed API requests per minute exceeded', outpost_code },
      };
    case appError.code === 'request.malformed_json':
      return { status: 400, body: { error: 'InvalidJSON', description: appError.message, outpost_code } };
    case status === 413:
      return { status, body: { error: 'RequestTooLarge', description: appError.message, outpost_code } };
    case appError.code === 'request.invalid' && appError.details.location !== undefined && appError.details.location !== 'body':
      // A bad query string or path: Zendesk answers 400 InvalidValue.
      return {
        status: 400,
        body: { error: 'InvalidValue', description: appError.message, details: validationDetails(appError), outpost_code },
      };
    case status === 400 || status === 409 || status === 422:
      return {
        status: 422,
        body: { error: 'RecordInvalid', description: 'Record validation errors', details: validationDetails(appError), outpost_code },
      };
    case status >= 500:
      return { status, body: { error: 'InternalError', description: appError.message, outpost_code } };
    default:
      return { status, body: { error: 'InvalidValue', description: appError.message, outpost_code } };
  }
}
