import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import { contactRefs } from '../../../accounts/index.js';
import type { ZendeskTicketCreate, ZendeskTicketUpdate } from '../../contract/tickets.js';
import { outpostIds } from '../numeric-ids.js';
import { htmlToText } from './comment-html.js';
import { outpostStatus } from './zendesk-values.js';

/**
 * Zendesk's ticket JSON in Outpost's terms: numeric ids found back as Outpost ids (an unknown one
 * is a 422 naming the field), `hold` as `on_hold`, `html_body` read as text. The support module's
 * services then apply the rules as for any other caller.
 */
export interface TicketChanges {
  subject?: string;
  status?: 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  type?: 'question' | 'incident' | 'problem' | 'task' | null;
  assigneeId?: string | null;
  groupId?: string | null;
  customFields?: { fieldId: string; value: string | number | boolean | string[] | null }[];
  tags?: string[];
}

export interface CommentChange {
  body: string;
  visibility: 'public' | 'internal';
  /** An end user named by `author_id`: the comment is the customer's own message. */
  contactId?: string;
}

async function outpostIdFor(db: Kysely<Database>, kind: 'user' | 'group', value: number, field: string): Promise<string> {
  const id = (await outpostIds(db, kind, [value])).get(value);
  if (!id) throw errors.referenceMissing(kind, field);
  return id;
}

/** The fields a create and an update share. */
export async function ticketChanges(db: Kysely<Database>, input: ZendeskTicketCreate | ZendeskTicketUpdate): Promise<TicketChanges> {
  const changes: TicketChanges = {};
  if (input.subject !== undefined) changes.subject = input.subject;
  if (input.status !== undefined) changes.status = outpostStatus(input.status);
  // Zendesk allows a ticket without priority; Outpost's always has one, so null means the default.
  if (input.priority !== undefined) changes.priority = input.priority ?? 'normal';
  if (input.type !== undefined) changes.type = input.type ?? null;
  if (input.assignee_id !== undefined)
    changes.assigneeId = input.assignee_id === null ? null : await outpostIdFor(db, 'user', input.assignee_id, 'assignee_id');
  if (input.group_id !== undefined)
    changes.groupId = input.group_id === null ? null : await outpostIdFor(db, 'group', input.group_id, 'group_id');
  const fields = input.custom_fields ?? input.fields;
  if (fields?.length) {
    const ids = await outpostIds(
      db,
      'ticket_field',
      fields.map((f) => f.id),
    );
    changes.customFields = fields.map((f) => {
      const fieldId = ids.get(f.id);
      if (!fieldId) throw errors.ticketFieldUnknown(String(f.id));
      return { fieldId, value: f.value };
    });
  }
  if (input.tags !== undefined) changes.tags = [...new Set(input.tags)];
  return changes;
}

/** The comment's text (`body`, else `html_body` read as text), or null when none was sent. */
export function commentChange(input: ZendeskTicketCreate | ZendeskTicketUpdate): CommentChange | null {
  const comment = input.comment;
  if (!comment) return null;
  const body = (comment.body ?? (comment.html_body !== undefined ? htmlToText(comment.html_body) : '')).trim();
  if (!body) return null;
  return { body, visibility: comment.public === false ? 'internal' : 'public' };
}

/**
 * The comment with its author: Zendesk lets an agent post on an end user's behalf with
 * `author_id`, which Outpost records as the customer's own (public) message. Any other author is
 * the caller: Outpost does not write in another member's name.
 */
export async function authoredComment(db: Kysely<Database>, input: ZendeskTicketUpdate): Promise<CommentChange | null> {
  const comment = commentChange(input);
  const authorId = input.comment?.author_id;
  if (!comment || authorId === undefined) return comment;
  const id = await outpostIdFor(db, 'user', authorId, 'author_id');
  return (await contactRefs(db, [id])).has(id) ? { body: comment.body, visibility: 'public', contactId: id } : comment;
}

/** Who asks: an existing end user by number, or a person by e-mail (matched to a contact, or made one). */
export async function requesterOf(
  db: Kysely<Database>,
  input: ZendeskTicketCreate,
): Promise<{ requesterId?: string; requesterEmail?: string; requesterName?: string; accountId?: string }> {
  const accountId =
    typeof input.organization_id === 'number'
      ? (await outpostIds(db, 'organization', [input.organization_id])).get(input.organization_id)
      : undefined;
  if (input.requester_id !== undefined) {
    const id = await outpostIdFor(db, 'user', input.requester_id, 'requester_id');
    if (!(await contactRefs(db, [id])).has(id)) throw errors.zendeskNotAContact({ field: 'requester_id' });
    return { requesterId: id };
  }
  if (input.requester) {
    return {
      requesterEmail: input.requester.email,
      ...(input.requester.name ? { requesterName: input.requester.name } : {}),
      ...(accountId ? { accountId } : {}),
    };
  }
  throw errors.zendeskRequesterNeeded({ field: 'requester_id' });
}
