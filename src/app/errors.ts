/**
 * The one error catalogue. Each entry has a stable code, an HTTP status and a message a person
 * can act on; routes and services throw by name (`throw errors.accountNotFound()`), and the
 * server's error handler turns every error into `{"error": {"code", "message", "details"}}`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const make = (code: string, status: number, message: string) => (details: Record<string, unknown> = {}) =>
  new AppError(code, status, message, details);

export const errors = {
  unauthenticated: make('auth.unauthenticated', 401, 'Sign in first: this request carries no valid session or API token.'),
  invalidCredentials: make('auth.invalid_credentials', 401, 'The e-mail or password is not right.'),
  accountDisabled: make('auth.member_disabled', 403, 'This member is disabled; ask an admin to re-enable it.'),
  csrfMissing: make(
    'auth.csrf_failed',
    403,
    'This write needs the X-CSRF-Token header from GET /api/auth/session (cookie-authenticated requests only).',
  ),
  forbidden: (permission: string) =>
    new AppError('auth.forbidden', 403, `Your role does not allow this (needs the "${permission}" permission).`, { permission }),
  tokenScopeInvalid: make('tokens.scope_invalid', 422, 'A token can only carry scopes that your own roles grant.'),
  tokenNotFound: make('tokens.not_found', 404, 'No API token with this id.'),
  validation: (message: string, details: Record<string, unknown>) => new AppError('request.invalid', 400, message, details),
  malformedJson: make('request.malformed_json', 400, 'The request body is not valid JSON.'),
  bodyTooLarge: make('request.too_large', 413, 'The request body is too large.'),
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
  duplicate: (what: string, field: string) =>
    new AppError('conflict.duplicate', 409, `${what} with this ${field} already exists.`, { field }),
  referenceMissing: (what: string, field: string) =>
    new AppError('request.reference_not_found', 422, `The ${what} named in "${field}" does not exist.`, { field }),
  memberNotFound: make('members.not_found', 404, 'No member with this id.'),
  lastAdmin: make('members.last_admin', 409, 'This is the last active admin; make another member admin first.'),
  accountNotFound: make('accounts.not_found', 404, 'No account with this id.'),
  contactNotFound: make('contacts.not_found', 404, 'No contact with this id.'),
  interactionNotFound: make('interactions.not_found', 404, 'No interaction with this id.'),
  attendeeNotOnAccount: make(
    'interactions.attendee_not_on_account',
    422,
    'Contacts attending an interaction must belong to the interaction’s account.',
  ),
  ticketNotFound: make('tickets.not_found', 404, 'No ticket with this id.'),
  ticketClosed: make('tickets.closed', 409, 'This ticket is closed; open a follow-up ticket instead.'),
  requesterAccountUnknown: make(
    'tickets.requester_account_unknown',
    422,
    'The requester’s e-mail domain matches no account; choose the account (accountId) for this new contact.',
  ),
  escalationSameTier: make('tickets.escalation_same_tier', 409, 'The ticket is already in that tier.'),
  calendarNotFound: make('calendars.not_found', 404, 'No business calendar with this id.'),
  policyNotFound: make('sla_policies.not_found', 404, 'No SLA policy with this id.'),
  ruleNotFound: make('escalation_rules.not_found', 404, 'No escalation rule with this id.'),
  viewNotFound: make('views.not_found', 404, 'No view with this id.'),
  invalidCursor: make('request.invalid_cursor', 400, 'The cursor is not one this list handed out; start again without it.'),
};
