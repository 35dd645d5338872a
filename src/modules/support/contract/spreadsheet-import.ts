/**
 * Spreadsheet import of tickets (issue 18): the same preview and result as accounts and contacts
 * (multipart "file", "mapping", "mode"), with the ticket's fields.
 */
export {
  importPreviewSchema,
  importResultSchema,
  type ImportPreview,
  type ImportResult,
} from '../../accounts/contract/spreadsheet-import.js';

/**
 * Tickets: the requester is a contact by e-mail, or a new contact on the account named in the
 * Account column (else the account owning the e-mail's domain). A row whose requester already has
 * a ticket with the same subject created at the same moment is not written again.
 */
export const TICKET_IMPORT_FIELDS = [
  'subject',
  'description',
  'requesterEmail',
  'requesterName',
  'account',
  'priority',
  'status',
  'type',
  'tags',
  'assigneeEmail',
  'createdAt',
] as const;
