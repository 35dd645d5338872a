import { AppError } from '../../../kernel/errors.js';

// The business reviews' entries of the error catalogue, in the catalogue's shape (stable code,
// status, a message a person can act on). They belong in src/kernel/errors.ts; kept here until the lead moves them.
const make =
  (code: string, status: number, message: string) =>
  (details: Record<string, unknown> = {}) =>
    new AppError(code, status, message, details);

export const reviewErrors = {
  notFound: make('business_reviews.not_found', 404, 'No business review with this id.'),
  sent: make(
    'business_reviews.sent',
    409,
    'This business review was sent to the customer and is read-only: generate a new review to change it.',
  ),
  periodInvalid: (message: string, field: string) => new AppError('business_reviews.period_invalid', 422, message, { field }),
  contactNotOfAccount: (contactIds: string[]) =>
    new AppError(
      'business_reviews.contact_not_of_account',
      422,
      'Every recipient must be a contact of this account: remove the others and send again.',
      { field: 'contactIds', contactIds },
    ),
};
