import { make } from './make.js';

/**
 * Errors of the accounts module: accounts, contacts and interactions. Spread into the one
 * catalogue in ../errors.ts.
 */
export const accountsErrors = {
  accountNotFound: make('accounts.not_found', 404, 'No account with this id.'),
  contactNotFound: make('contacts.not_found', 404, 'No contact with this id.'),
  interactionNotFound: make('interactions.not_found', 404, 'No interaction with this id.'),
  attendeeNotOnAccount: make(
    'interactions.attendee_not_on_account',
    422,
    'Contacts attending an interaction must belong to the interaction’s account.',
  ),
};
