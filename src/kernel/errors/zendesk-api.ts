import { make } from './make.js';

/**
 * Errors of the Zendesk-compatible API's tickets, comments, tags and job statuses (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const zendeskApiErrors = {
  zendeskTicketLinked: make(
    'zendesk_api.ticket_linked',
    422,
    'This ticket is linked to an engineering issue, so it cannot be deleted: unlink it from the issue first.',
  ),
  zendeskJobStatusNotFound: make(
    'zendesk_api.job_status_not_found',
    404,
    'No job status with this id (or it was started by someone else).',
  ),
  zendeskTooManyRecords: make(
    'zendesk_api.too_many_records',
    400,
    'A bulk request takes at most 100 records; split it into several requests.',
  ),
  zendeskIdsNeeded: make(
    'zendesk_api.ids_needed',
    400,
    'Name the records with `ids` (comma-separated numbers), or send `tickets` with an id each.',
  ),
  zendeskCommentNeeded: make(
    'zendesk_api.comment_needed',
    422,
    'A new ticket needs its first comment: send `comment.body` or `comment.html_body`.',
  ),
  zendeskRequesterNeeded: make(
    'zendesk_api.requester_needed',
    422,
    'Name the requester: `requester_id`, or `requester` with an e-mail address.',
  ),
  zendeskNotAContact: make(
    'zendesk_api.requester_not_a_contact',
    422,
    'The requester must be an end user (a customer contact); this id belongs to an agent.',
  ),
};
