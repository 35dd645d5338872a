import { AppError, make } from './make.js';

/**
 * Errors of the identity module: sign-in, sessions, portal links and API tokens. Spread into the
 * one catalogue in ../errors.ts.
 */
export const identityErrors = {
  unauthenticated: make('auth.unauthenticated', 401, 'Sign in first: this request carries no valid session or API token.'),
  invalidCredentials: make('auth.invalid_credentials', 401, 'The e-mail or password is not right.'),
  signInLocked: make('auth.locked', 429, 'Too many failed sign-ins for this member: wait a moment, then try again.'),
  portalLinkInvalid: make(
    'portal.link_invalid',
    401,
    'This sign-in link is not valid any more: links work once and expire after 30 minutes. Ask for a new one.',
  ),
  sessionNotFound: make('auth.session_not_found', 404, 'No session of yours with this id.'),
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
};
