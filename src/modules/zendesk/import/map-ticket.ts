import type { ImportedMessage, ImportedTicket } from '../../support/index.js';
import { isoTime, normaliseTags } from './map-people.js';
import { idKey, type ZendeskComment, type ZendeskSatisfactionRating, type ZendeskTicket } from './zendesk-records.js';

/** Who a Zendesk user became: a member (agent, admin) or a contact (end user). */
export interface MappedPerson {
  type: 'member' | 'contact';
  id: string;
}

/** What the ticket mapping looks up: everything imported before the tickets. */
export interface TicketLookups {
  person(zendeskUserId: string): MappedPerson | undefined;
  /** The contact standing for a person as a requester (an agent who opened a ticket gets one). */
  requesterContact(zendeskUserId: string): string | undefined;
  accountOfContact(contactId: string): string | undefined;
  group(zendeskGroupId: string): string | undefined;
  field(zendeskFieldId: string): string | undefined;
}

/** A comment with its attachments already read from the export. */
export interface LoadedComment {
  comment: ZendeskComment;
  attachments: ImportedMessage['attachments'];
}

export type TicketMapping = { ticket: ImportedTicket } | { skip: string };

const STATUSES: Record<string, ImportedTicket['status']> = {
  new: 'new',
  open: 'open',
  pending: 'pending',
  hold: 'on_hold',
  on_hold: 'on_hold',
  solved: 'solved',
  closed: 'closed',
};
const PRIORITIES = new Set(['low', 'normal', 'high', 'urgent']);
const TYPES = new Set(['question', 'incident', 'problem', 'task']);

/** Zendesk's via.channel values (a long list: messaging, social, voice…) folded onto Outpost's five channels. */
export function ticketChannel(channel: string | null | undefined): ImportedTicket['channel'] {
  switch (channel) {
    case 'email':
      return 'email';
    case 'api':
    case 'any_channel':
    case 'twitter':
    case 'facebook':
    case 'sms':
    case 'rule':
      return 'api';
    case 'voice':
    case 'phone':
    case 'phone_call_inbound':
    case 'phone_call_outbound':
      return 'phone';
    case 'help_center':
    case 'portal':
      return 'portal';
    default:
      return 'web';
  }
}

/** A message's channel: Outpost's messages arrive by web, e-mail, portal or API. */
export function messageVia(channel: string | null | undefined): ImportedMessage['via'] {
  const mapped = ticketChannel(channel);
  return mapped === 'phone' ? 'web' : mapped;
}

/** good/bad count as CSAT; Zendesk's "offered"/"unoffered" mean no answer. Older exports write good_with_comment. */
export function ratingOf(score: string | null | undefined): 'good' | 'bad' | null {
  if (score === 'good' || score === 'good_with_comment') return 'good';
  if (score === 'bad' || score === 'bad_with_comment') return 'bad';
  return null;
}

/**
 * One Zendesk ticket as Outpost imports it, or why it cannot be: a deleted ticket, or one whose
 * requester is not in the export. Authors, times and the order of the conversation are kept.
 */
export function mapTicket(
  ticket: ZendeskTicket,
  comments: LoadedComment[],
  rating: ZendeskSatisfactionRating | null,
  lookups: TicketLookups,
): TicketMapping {
  const status = ticket.status ?? 'open';
  if (status === 'deleted') return { skip: 'deleted in Zendesk' };
  const mappedStatus = STATUSES[status];
  if (!mappedStatus) return { skip: `unknown status "${status}"` };
  const requesterKey = idKey(ticket.requester_id);
  const requesterId = requesterKey ? lookups.requesterContact(requesterKey) : undefined;
  if (!requesterId) return { skip: `requester ${requesterKey ?? '(none)'} is not among the imported users` };
  const accountId = lookups.accountOfContact(requesterId);
  if (!accountId) return { skip: `requester ${requesterKey} has no account` };
  const createdAt = isoTime(ticket.created_at, new Date(0).toISOString());
  const updatedAt = isoTime(ticket.updated_at, createdAt);
  const assignee = ticket.assignee_id ? lookups.person(String(ticket.assignee_id)) : undefined;
  const messages = comments.map((c) => toMessage(c, createdAt, lookups));
  if (!messages.length && ticket.description)
    messages.push({
      visibility: 'public',
      author: { type: 'contact', id: requesterId },
      body: ticket.description,
      via: messageVia(ticket.via?.channel),
      createdAt,
      attachments: [],
    });
  const score = ratingOf(rating?.score);
  const solved = mappedStatus === 'solved' || mappedStatus === 'closed';
  return {
    ticket: {
      preferredNumber: safeNumber(ticket.id),
      subject: (ticket.subject ?? ticket.raw_subject ?? firstLine(ticket.description) ?? '').trim().slice(0, 300) || '(no subject)',
      status: mappedStatus,
      priority: ticket.priority && PRIORITIES.has(ticket.priority) ? (ticket.priority as ImportedTicket['priority']) : 'normal',
      type: ticket.type && TYPES.has(ticket.type) ? (ticket.type as ImportedTicket['type']) : null,
      channel: ticketChannel(ticket.via?.channel),
      requesterId,
      accountId,
      assigneeId: assignee?.type === 'member' ? assignee.id : null,
      groupId: ticket.group_id ? (lookups.group(String(ticket.group_id)) ?? null) : null,
      tags: normaliseTags(ticket.tags),
      customFields: (ticket.custom_fields ?? []).flatMap((f) => {
        const fieldId = lookups.field(String(f.id));
        if (!fieldId || f.value === null || f.value === undefined || f.value === '') return [];
        return [{ fieldId, value: f.value as ImportedTicket['customFields'][number]['value'] }];
      }),
      createdAt,
      updatedAt,
      solvedAt: solved ? isoTime(ticket.metric_set?.solved_at, updatedAt) : null,
      messages,
      satisfaction:
        score && solved
          ? {
              rating: score,
              comment: rating?.comment?.trim() || null,
              ratedAt: isoTime(rating?.updated_at ?? rating?.created_at, updatedAt),
            }
          : null,
    },
  };
}

function toMessage({ comment, attachments }: LoadedComment, ticketCreatedAt: string, lookups: TicketLookups): ImportedMessage {
  const authorKey = idKey(comment.author_id);
  const person = authorKey ? lookups.person(authorKey) : undefined;
  return {
    visibility: comment.public === false ? 'internal' : 'public',
    // Zendesk writes -1 for its own automatic comments; an author missing from the export reads as the system too.
    author: person ? { type: person.type, id: person.id } : { type: 'system', id: null },
    body: comment.body ?? comment.plain_body ?? stripHtml(comment.html_body) ?? '',
    via: messageVia(comment.via?.channel),
    createdAt: isoTime(comment.created_at, ticketCreatedAt),
    attachments,
  };
}

function stripHtml(html: string | null | undefined): string | null {
  return html
    ? html
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    : null;
}

function firstLine(text: string | null | undefined): string | null {
  return text ? (text.split('\n')[0] ?? null) : null;
}

function safeNumber(id: string | number): number | null {
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}
