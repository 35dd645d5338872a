import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { errors } from '../../../../kernel/errors.js';
import { inTransaction } from '../../../../kernel/transaction.js';
import { addAgentMessage, addCustomerMessage, createTicket, deleteTicket, ticketRecords, updateTicket } from '../../../support/index.js';
import type { UpdateTicketInput } from '../../../support/contract/tickets.js';
import type { ZendeskTicketCreate, ZendeskTicketUpdate } from '../../contract/tickets.js';
import { setExternalId } from '../external-ids.js';
import { authoredComment, commentChange, requesterOf, ticketChanges, type CommentChange } from './ticket-input.js';

/**
 * Zendesk's ticket writes over the support module's services, each in one transaction: a create
 * (with a status other than the one Outpost starts at, set in the same transaction), and an update
 * whose optional comment is the caller's public reply or internal note, followed by the field
 * changes (so "reply and solve" works on a new ticket as in Zendesk's agent workspace).
 */

const SUBJECT_FROM_COMMENT = 80;

/** Zendesk makes a missing subject from the first comment: its first line, shortened. */
function subjectFrom(description: string): string {
  const line =
    description
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? description;
  return line.length > SUBJECT_FROM_COMMENT ? `${line.slice(0, SUBJECT_FROM_COMMENT - 1)}…` : line;
}

/** Creates a ticket; returns its id and its first message's id. */
export async function createZendeskTicket(db: Kysely<Database>, ctx: ChangeContext, input: ZendeskTicketCreate): Promise<string> {
  const description = commentChange(input)?.body ?? input.description?.trim();
  if (!description) throw errors.zendeskCommentNeeded({ field: 'comment' });
  const [requester, changes] = await Promise.all([requesterOf(db, input), ticketChanges(db, input)]);
  return inTransaction(db, async (trx) => {
    const ticket = await createTicket(
      trx,
      ctx,
      {
        subject: changes.subject?.trim() || subjectFrom(description),
        description,
        ...requester,
        priority: changes.priority ?? 'normal',
        type: changes.type ?? null,
        ...(changes.customFields ? { customFields: changes.customFields } : {}),
        channel: 'api',
        tags: changes.tags ?? [],
        assigneeId: changes.assigneeId ?? null,
        groupId: changes.groupId ?? null,
      },
      'api',
    );
    if (changes.status && changes.status !== ticket.status) await updateTicket(trx, ctx, ticket.id, { status: changes.status });
    if (input.external_id) await setExternalId(trx, 'ticket', ticket.id, input.external_id);
    return ticket.id;
  });
}

/** Updates a ticket; returns the id of the message the update added, if any. */
export async function updateZendeskTicket(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  input: ZendeskTicketUpdate,
): Promise<string | null> {
  const [changes, comment] = await Promise.all([ticketChanges(db, input), authoredComment(db, input)]);
  return inTransaction(db, async (trx) => {
    const [current] = await ticketRecords(trx, { ids: [ticketId] });
    if (!current) throw errors.ticketNotFound();
    const tags = tagsAfter(changes.tags ?? current.tags, input.additional_tags, input.remove_tags);
    const messageId = comment ? await addComment(trx, ctx, ticketId, comment) : null;
    const update: UpdateTicketInput = {};
    if (changes.subject !== undefined) update.subject = changes.subject;
    if (changes.status !== undefined) update.status = changes.status;
    if (changes.priority !== undefined) update.priority = changes.priority;
    if (changes.type !== undefined) update.type = changes.type;
    if (changes.assigneeId !== undefined) update.assigneeId = changes.assigneeId;
    if (changes.groupId !== undefined) update.groupId = changes.groupId;
    if (changes.customFields) update.customFields = changes.customFields;
    if (changes.tags !== undefined || input.additional_tags || input.remove_tags) update.tags = tags;
    if (Object.keys(update).length) await updateTicket(trx, ctx, ticketId, update);
    if (input.external_id !== undefined) await setExternalId(trx, 'ticket', ticketId, input.external_id);
    return messageId;
  });
}

/** The caller's reply or note, or (with an end user's `author_id`) the customer's own message. */
async function addComment(db: Kysely<Database>, ctx: ChangeContext, ticketId: string, comment: CommentChange): Promise<string> {
  if (comment.contactId) return (await addCustomerMessage(db, ticketId, comment.contactId, comment.body, 'portal')).id;
  return (await addAgentMessage(db, ctx, ticketId, { body: comment.body, visibility: comment.visibility }, 'api')).id;
}

/** `tags` with `additional_tags` added and `remove_tags` taken away (Zendesk's update keys). */
export function tagsAfter(tags: readonly string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const gone = new Set(remove);
  return [...new Set([...tags, ...add])].filter((t) => !gone.has(t)).sort();
}

/** Sets, adds or removes tags (the /tickets/:id/tags routes); returns the tags after. */
export async function changeTags(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  how: 'set' | 'add' | 'remove',
  tags: string[],
): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    const [current] = await ticketRecords(trx, { ids: [ticketId] });
    if (!current) throw errors.ticketNotFound();
    const after = how === 'set' ? tagsAfter(tags) : how === 'add' ? tagsAfter(current.tags, tags) : tagsAfter(current.tags, [], tags);
    if (after.length > 30) throw errors.validation('tags: a ticket holds at most 30 tags', { location: 'body', field: 'tags' });
    await updateTicket(trx, ctx, ticketId, { tags: after });
    return after;
  });
}

/** Deletes a ticket (see support's compat/ticket-delete.ts) and frees its external id, in one transaction. */
export async function deleteZendeskTicket(db: Kysely<Database>, ctx: ChangeContext, ticketId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteTicket(trx, ctx, ticketId);
    await setExternalId(trx, 'ticket', ticketId, null);
  });
}
