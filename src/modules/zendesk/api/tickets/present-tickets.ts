import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { ticketRecords, type TicketRecord } from '../../../support/index.js';
import type { ZendeskTicket } from '../../contract/tickets.js';
import { apiUrl, zendeskTime } from '../http/urls.js';
import { numericIds } from '../numeric-ids.js';
import { externalIdsOf } from '../external-ids.js';
import { epochSeconds, zendeskStatus, zendeskVia } from './zendesk-values.js';

/**
 * Tickets as Zendesk's API shows them (Support API reference → Tickets → "JSON format"), in the
 * order of `ticketIds` (Outpost ids); ids with no ticket are left out. One batch read per page:
 * the records, then one numeric-id read per kind. Search, incremental exports and views (helper G)
 * present their tickets through this too.
 */
export async function presentTickets(db: Kysely<Database>, request: FastifyRequest, ticketIds: string[]): Promise<ZendeskTicket[]> {
  return presentTicketRecords(db, request, await ticketRecords(db, { ids: ticketIds }));
}

/** The same, from records already read. */
export async function presentTicketRecords(
  db: Kysely<Database>,
  request: FastifyRequest,
  records: TicketRecord[],
): Promise<ZendeskTicket[]> {
  if (!records.length) return [];
  const people = records.flatMap((r) => (r.assigneeId ? [r.requesterId, r.assigneeId] : [r.requesterId]));
  const [users, organizations, groups, fields, externalIds] = await Promise.all([
    numericIds(db, 'user', people),
    numericIds(
      db,
      'organization',
      records.map((r) => r.accountId),
    ),
    numericIds(
      db,
      'group',
      records.flatMap((r) => (r.groupId ? [r.groupId] : [])),
    ),
    numericIds(
      db,
      'ticket_field',
      records.flatMap((r) => r.customFields.map((f) => f.fieldId)),
    ),
    externalIdsOf(
      db,
      'ticket',
      records.map((r) => r.id),
    ),
  ]);
  return records.map((r) => {
    const requesterId = users.get(r.requesterId)!;
    const customFields = r.customFields.map((f) => ({ id: fields.get(f.fieldId)!, value: f.value }));
    return {
      id: r.number,
      url: apiUrl(request, `/api/v2/tickets/${r.number}`),
      external_id: externalIds.get(r.id) ?? null,
      type: r.type,
      subject: r.subject,
      raw_subject: r.subject,
      description: r.description,
      priority: r.priority,
      status: zendeskStatus(r.status),
      recipient: null,
      requester_id: requesterId,
      // Outpost records the requester as the first message's author: the one who submitted it.
      submitter_id: requesterId,
      assignee_id: r.assigneeId ? users.get(r.assigneeId)! : null,
      organization_id: organizations.get(r.accountId)!,
      group_id: r.groupId ? groups.get(r.groupId)! : null,
      collaborator_ids: [],
      follower_ids: [],
      email_cc_ids: [],
      forum_topic_id: null,
      problem_id: null,
      has_incidents: false,
      // The first message is the requester's public one.
      is_public: true,
      due_at: null,
      tags: r.tags,
      custom_fields: customFields,
      fields: customFields,
      satisfaction_rating: null,
      sharing_agreement_ids: [],
      followup_ids: [],
      ticket_form_id: null,
      brand_id: null,
      allow_channelback: false,
      allow_attachments: true,
      from_messaging_channel: false,
      via: zendeskVia(r.channel),
      generated_timestamp: epochSeconds(r.updatedAt),
      created_at: zendeskTime(r.createdAt),
      updated_at: zendeskTime(r.updatedAt),
    };
  });
}
