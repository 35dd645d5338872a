import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { randomSecret, sha256 } from '../../../kernel/secrets.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import { indexDocuments, type SearchDocument } from '../../search/index.js';
import { slaColumns } from '../sla/sla-service.js';
import type { TicketRow } from '../tickets/ticket-repository.js';
import { messageSearchDocument, ticketSearchDocument } from '../tickets/ticket-search-documents.js';
import { attachmentSettings, type AttachmentSettings } from '../attachments/storage.js';
import { allFieldRows, definitionOf } from '../fields/ticket-field-repository.js';
import { encodeFieldValue, searchableText } from '../fields/field-values.js';
import { allocateNumbers } from './import-numbers.js';
import { loadSlaPolicies, replaySla } from './import-sla.js';
import { removeWrittenFiles, storeImportedAttachments, type PendingAttachment } from './import-attachments.js';
import { insertInChunks } from './insert-in-chunks.js';
import { withoutNul } from './clean-text.js';
import type { ImportedTicket, ImportedTicketResult } from './imported-ticket.js';

export type { ImportedAttachment, ImportedMessage, ImportedTicket, ImportedTicketResult } from './imported-ticket.js';

/** Every id a batch names must exist: one read per owner for the whole batch. */
async function assertReferences(db: Kysely<Database>, tickets: readonly ImportedTicket[]) {
  const messages = tickets.flatMap((t) => t.messages);
  const [accounts, contacts, members, groups] = await Promise.all([
    accountRefs(
      db,
      tickets.map((t) => t.accountId),
    ),
    contactRefs(db, [...tickets.map((t) => t.requesterId), ...messages.filter((m) => m.author.type === 'contact').map((m) => m.author.id)]),
    memberRefs(db, [...tickets.map((t) => t.assigneeId), ...messages.filter((m) => m.author.type === 'member').map((m) => m.author.id)]),
    (async () => {
      const ids = [...new Set(tickets.flatMap((t) => (t.groupId ? [t.groupId] : [])))];
      return new Set(
        ids.length ? (await db.selectFrom('ticket_groups').select('id').where('id', 'in', ids).execute()).map((r) => r.id) : [],
      );
    })(),
  ]);
  for (const t of tickets) {
    if (!accounts.has(t.accountId)) throw errors.referenceMissing('account', 'accountId');
    if (!contacts.has(t.requesterId)) throw errors.referenceMissing('contact', 'requesterId');
    if (t.assigneeId && !members.has(t.assigneeId)) throw errors.referenceMissing('member', 'assigneeId');
    if (t.groupId && !groups.has(t.groupId)) throw errors.referenceMissing('group', 'groupId');
    for (const m of t.messages) {
      if (m.author.type === 'contact' && (!m.author.id || !contacts.has(m.author.id)))
        throw errors.referenceMissing('contact', 'messages.author.id');
      if (m.author.type === 'member' && (!m.author.id || !members.has(m.author.id)))
        throw errors.referenceMissing('member', 'messages.author.id');
    }
  }
  return accounts;
}

/**
 * Writes a batch of tickets from another desk with their whole history, in one transaction (the
 * importer sends a few hundred at a time): numbers kept where free, authors and times as they
 * were, SLA recomputed under the current policies, tags, custom field values (a retired field's
 * too), attachments, a CSAT survey carrying the rating, a `ticket.imported` history entry and the
 * search documents. Multi-row inserts throughout: a batch is a few dozen statements, not a few
 * per row. The history entries do not go through the outbox: an import is not news to webhooks.
 *
 * @example const [{ number }] = await importTickets(db, [{ preferredNumber: 1042, subject: 'SSO fails', … }])
 */
export async function importTickets(
  db: Kysely<Database>,
  given: ImportedTicket[],
  settings: AttachmentSettings = attachmentSettings(),
  now = new Date(),
): Promise<ImportedTicketResult[]> {
  if (!given.length) return [];
  const tickets = given.map(withoutNul);
  const written: string[] = [];
  try {
    return await inTransaction(db, async (trx) => {
      const accounts = await assertReferences(trx, tickets);
      const [policies, fieldRows, numbers] = await Promise.all([
        loadSlaPolicies(trx),
        allFieldRows(trx),
        allocateNumbers(
          trx,
          tickets.map((t) => t.preferredNumber),
        ),
      ]);
      const fields = new Map(fieldRows.map((r) => [r.id, definitionOf(r)]));
      const ticketRows: TicketRow[] = [];
      const tagRows: { ticket_id: string; tag: string }[] = [];
      const valueRows: { ticket_id: string; field_id: string; value: string }[] = [];
      const messageRows: Database['ticket_messages'][] = [];
      const eventRows: { ticket_id: string; at: string; actor_type: 'system'; actor_id: null; type: string; data: string }[] = [];
      const surveyRows: Database['csat_surveys'][] = [];
      const attachments: PendingAttachment[] = [];
      const docs: SearchDocument[] = [];
      const results: ImportedTicketResult[] = [];

      tickets.forEach((t, i) => {
        const id = newId();
        const number = numbers[i]!;
        const account = accounts.get(t.accountId)!;
        const tags = [...new Set(t.tags)].sort();
        const { policyId, state } = replaySla(policies, t, account.segment, now);
        const stopped = t.status === 'solved' || t.status === 'closed';
        const row: TicketRow = {
          id,
          number,
          subject: t.subject,
          type: t.type,
          status: t.status,
          priority: t.priority,
          tier: 'tier1',
          group_id: t.groupId,
          assignee_id: t.assigneeId,
          requester_id: t.requesterId,
          account_id: t.accountId,
          channel: t.channel,
          deployment_id: null,
          engineering_link: null,
          reopen_count: 0,
          tier_entered_at: t.createdAt,
          sla_policy_id: policyId,
          ...slaColumns(state),
          created_at: t.createdAt,
          updated_at: t.updatedAt,
          solved_at: stopped ? (t.solvedAt ?? t.updatedAt) : null,
          closed_at: t.status === 'closed' ? t.updatedAt : null,
        };
        ticketRows.push(row);
        for (const tag of tags) tagRows.push({ ticket_id: id, tag });

        const fieldText: string[] = [];
        for (const { fieldId, value } of t.customFields) {
          const field = fields.get(fieldId);
          if (!field) throw errors.ticketFieldUnknown(fieldId);
          const text = encodeFieldValue(field, value);
          if (text === null) continue;
          valueRows.push({ ticket_id: id, field_id: fieldId, value: text });
          fieldText.push(`${field.title}: ${searchableText(field, text)}`);
        }

        const messageIds = t.messages.map(() => newId());
        t.messages.forEach((m, j) => {
          const messageId = messageIds[j]!;
          messageRows.push({
            id: messageId,
            ticket_id: id,
            visibility: m.visibility,
            author_type: m.author.type,
            author_id: m.author.type === 'system' ? null : m.author.id,
            body: m.body,
            via: m.via,
            email_message_id: null,
            created_at: m.createdAt,
          });
          for (const file of m.attachments) attachments.push({ ticketId: id, messageId, createdAt: m.createdAt, file });
          docs.push(
            messageSearchDocument({
              id: messageId,
              ticket_id: id,
              body: m.body,
              visibility: m.visibility,
              created_at: m.createdAt,
              subject: t.subject,
              account_id: t.accountId,
            }),
          );
        });
        docs.push(
          ticketSearchDocument({ id, number, subject: t.subject, account_id: t.accountId, updated_at: t.updatedAt }, tags, fieldText),
        );

        const at = now.toISOString();
        eventRows.push({
          ticket_id: id,
          at,
          actor_type: 'system',
          actor_id: null,
          type: 'ticket.imported',
          data: JSON.stringify({ number, preferredNumber: t.preferredNumber, messages: t.messages.length, slaPolicyId: policyId }),
        });
        for (const target of state.breaches)
          eventRows.push({
            ticket_id: id,
            at,
            actor_type: 'system',
            actor_id: null,
            type: 'sla.breached',
            data: JSON.stringify({ target, imported: true }),
          });

        if (t.satisfaction) {
          // The rating arrives with the ticket: no link to send, so the survey's token is a random
          // one nobody holds and it has expired when it was rated.
          surveyRows.push({
            id: newId(),
            ticket_id: id,
            contact_id: t.requesterId,
            token_hash: sha256(randomSecret()),
            expires_at: t.satisfaction.ratedAt,
            rating: t.satisfaction.rating,
            comment: t.satisfaction.comment,
            rated_at: t.satisfaction.ratedAt,
            assignee_id: t.assigneeId,
            account_id: t.accountId,
            created_at: row.solved_at ?? t.satisfaction.ratedAt,
          });
        }
        results.push({ id, number, messageIds });
      });

      await insertInChunks(trx, 'tickets', ticketRows);
      await insertInChunks(trx, 'ticket_tags', tagRows);
      await insertInChunks(trx, 'ticket_field_values', valueRows);
      await insertInChunks(trx, 'ticket_messages', messageRows);
      await insertInChunks(trx, 'ticket_events', eventRows);
      await insertInChunks(trx, 'csat_surveys', surveyRows);
      await storeImportedAttachments(trx, settings, attachments, written);
      await indexDocuments(trx, docs);
      return results;
    });
  } catch (err) {
    await removeWrittenFiles(settings, written);
    throw err;
  }
}
