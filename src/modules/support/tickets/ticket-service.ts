import { supportPorts } from '../ports.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import * as accounts from '../../accounts/index.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import * as repo from './ticket-repository.js';
import { memberRefs } from '../../team/index.js';
import { indexOpenedTicket, indexTicket } from './ticket-search-documents.js';
import type { CreateTicketInput, Ticket, UpdateTicketInput } from '../contract/tickets.js';
import { addBusinessMinutes, CALENDAR_HOURS } from '../sla/business-calendar.js';
import { onStatusChange, startSla, type SlaState } from '../sla/sla-clock.js';
import { chooseSla, recordRevealedBreaches, slaColumns, slaContextOf, type SlaContext } from '../sla/sla-service.js';
import type { TicketStatus } from '../tables.js';
import { createSurveyOnSolve } from '../csat/service.js';
import { checkFieldValues } from '../fields/ticket-field-service.js';
import { customFieldsOf } from '../fields/custom-field-reads.js';
import { fieldChangesAfter, setFieldValues } from '../fields/ticket-field-changes.js';
import { writeTicketValues } from '../fields/ticket-field-repository.js';

export function actorOfContext(ctx: ChangeContext) {
  return { type: ctx.actorType, id: ctx.actorId } as const;
}

export async function getTicket(db: Kysely<Database>, id: string): Promise<Ticket> {
  const ticket = await repo.getTicketWithContext(db, id);
  if (!ticket) throw errors.ticketNotFound();
  return ticket;
}

/** An active member's name; a missing or disabled one is a bad reference. */
async function assertMember(db: Kysely<Database>, id: string, field: string): Promise<string> {
  const row = (await memberRefs(db, [id])).get(id);
  if (!row || row.status === 'disabled') throw errors.referenceMissing('active member', field);
  return row.name;
}

/** A ticket can name only an environment of its own customer. */
async function assertEnvironmentOf(db: Kysely<Database>, deploymentId: string, accountId: string): Promise<void> {
  const owner = await supportPorts().environmentAccountOf(db, deploymentId);
  if (!owner) throw errors.referenceMissing('environment', 'deploymentId');
  if (owner !== accountId) throw errors.environmentNotOnAccount();
}

async function assertGroup(db: Kysely<Database>, id: string, field: string): Promise<string> {
  const row = await db.selectFrom('ticket_groups').select('name').where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.referenceMissing('group', field);
  return row.name;
}

/**
 * The requester as a contact: an existing one by id or e-mail, or a new contact on the account
 * whose e-mail domain matches (or the account named in the request).
 */
export async function resolveRequester(
  db: Kysely<Database>,
  ctx: ChangeContext,
  input: {
    requesterId?: string | undefined;
    requesterEmail?: string | undefined;
    requesterName?: string | undefined;
    accountId?: string | undefined;
  },
): Promise<{ contactId: string; accountId: string; name: string; email: string }> {
  if (input.requesterId) {
    const contact = await accounts.findContact(db, input.requesterId);
    if (!contact) throw errors.referenceMissing('contact', 'requesterId');
    return { contactId: contact.id, accountId: contact.accountId, name: contact.name, email: contact.email };
  }
  const email = input.requesterEmail!.toLowerCase();
  const existing = await accounts.findContactByEmail(db, email);
  if (existing) return { contactId: existing.id, accountId: existing.accountId, name: existing.name, email: existing.email };
  const accountId = input.accountId ?? (await accounts.accountIdForEmail(db, email));
  if (!accountId) throw errors.requesterAccountUnknown({ email });
  if (!(await accounts.accountExists(db, accountId))) throw errors.referenceMissing('account', 'accountId');
  const contact = await accounts.ensureContact(db, ctx, accountId, { name: input.requesterName || email.split('@')[0]!, email });
  return { contactId: contact.id, accountId, name: contact.name, email: contact.email };
}

export async function createTicket(
  db: Kysely<Database>,
  ctx: ChangeContext,
  // The delivery module links a failed upgrade's ticket to the environment (issue 5).
  input: CreateTicketInput & { deploymentId?: string | null },
  via: 'web' | 'email' | 'portal' | 'api' = 'api',
  now = new Date(),
): Promise<Ticket> {
  const assigneeName = input.assigneeId ? await assertMember(db, input.assigneeId, 'assigneeId') : null;
  const groupName = input.groupId ? await assertGroup(db, input.groupId, 'groupId') : null;
  const id = newId();
  const tags = [...new Set(input.tags)];
  // The new ticket is answered from what is in hand: reading it back cost two queries, the
  // dearest reads of a create (issue 7).
  const row = await inTransaction(db, async (trx) => {
    const requester = await resolveRequester(trx, ctx, input);
    const { contactId, accountId } = requester;
    const account = (await accounts.accountRefs(trx, [accountId])).get(accountId);
    if (!account) throw errors.accountNotFound();
    const at = now.toISOString();
    const fields = input.customFields?.length ? await checkFieldValues(trx, input.customFields) : null;
    const number = await repo.nextTicketNumber(trx);
    const sla = await chooseSla(trx, { segment: account.segment, priority: input.priority, channel: input.channel, tier: 'tier1', tags });
    const state = startSla(now, sla.targets, sla.calendar);
    const ticketRow: repo.TicketRow = {
      id,
      number,
      subject: input.subject,
      type: input.type ?? null,
      status: input.assigneeId ? 'open' : 'new',
      priority: input.priority,
      tier: 'tier1',
      group_id: input.groupId ?? null,
      assignee_id: input.assigneeId ?? null,
      requester_id: contactId,
      account_id: accountId,
      channel: input.channel,
      deployment_id: input.deploymentId ?? null,
      engineering_link: null,
      reopen_count: 0,
      tier_entered_at: at,
      sla_policy_id: sla.policyId,
      ...slaColumns(state),
      created_at: at,
      updated_at: at,
      solved_at: null,
      closed_at: null,
    };
    await trx.insertInto('tickets').values(ticketRow).execute();
    if (tags.length)
      await trx
        .insertInto('ticket_tags')
        .values(tags.map((tag) => ({ ticket_id: id, tag })))
        .execute();
    if (fields) await writeTicketValues(trx, id, fields.stored);
    const messageId = newId();
    await trx
      .insertInto('ticket_messages')
      .values({
        id: messageId,
        ticket_id: id,
        visibility: 'public',
        author_type: 'contact',
        author_id: contactId,
        body: input.description,
        via,
        email_message_id: null,
        created_at: at,
      })
      .execute();
    await repo.recordTicketEvent(
      trx,
      id,
      actorOfContext(ctx),
      'ticket.created',
      {
        subject: input.subject,
        priority: input.priority,
        channel: input.channel,
        slaPolicyId: sla.policyId,
        ...(input.type ? { type: input.type } : {}),
        ...(fields ? { customFields: fieldChangesAfter(fields) } : {}),
      },
      at,
      { accountId, number },
    );
    await recordAudit(trx, ctx, {
      action: 'ticket.created',
      recordType: 'ticket',
      recordId: id,
      changes: diff(null, {
        subject: input.subject,
        priority: input.priority,
        type: input.type ?? null,
        accountId,
        requesterId: contactId,
        tags,
        ...(fields ? { customFields: fieldChangesAfter(fields) } : {}),
      }),
    });
    // Indexed from what is in hand: the same documents the search loaders would read back.
    await indexOpenedTicket(trx, { id, number, subject: input.subject, accountId, createdAt: at, tags, fieldText: fields?.searchText }, [
      { id: messageId, body: input.description, visibility: 'public' },
    ]);
    const context: repo.ContextRow = {
      ...ticketRow,
      group_name: groupName,
      account_name: account.name,
      account_segment: account.segment,
      requester_name: requester.name,
      requester_email: requester.email,
      assignee_name: assigneeName,
    };
    return context;
  });
  const customFields = input.customFields?.length ? ((await customFieldsOf(db, [id])).get(id) ?? []) : [];
  return repo.toTicket(row, [...tags].sort(), customFields);
}

/** Tickets linked to a customer environment (deployment), newest first. */
export async function listDeploymentTickets(db: Kysely<Database>, deploymentId: string, limit = 50): Promise<Ticket[]> {
  const rows = await repo
    .ticketRows(db)
    .where('tickets.deployment_id', '=', deploymentId)
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id', 'desc')
    .limit(limit)
    .execute();
  return repo.toTickets(db, rows);
}

/** Moves a ticket to a new status, running the SLA clock and the reopen count with it. */
export async function applyStatus(db: Kysely<Database>, row: repo.TicketRow, to: TicketStatus, at: Date): Promise<Partial<repo.TicketRow>> {
  if (row.status === to) return {};
  const sla = await slaContextOf(db, row.sla_policy_id, row.priority);
  const before = JSON.parse(row.sla_state) as SlaState;
  const state = onStatusChange(before, row.status, to, at, sla.targets, sla.calendar);
  const iso = at.toISOString();
  await recordRevealedBreaches(db, row.id, before, state, iso);
  const reopened = (row.status === 'solved' || row.status === 'closed') && to !== 'solved' && to !== 'closed';
  // One CSAT survey per solve, in the solve's transaction (a re-solve after a reopen asks again).
  if (to === 'solved') await createSurveyOnSolve(db, row, at);
  return {
    status: to,
    ...slaColumns(state),
    ...(to === 'solved' ? { solved_at: iso } : {}),
    ...(to === 'closed' ? { closed_at: iso } : {}),
    ...(reopened ? { reopen_count: row.reopen_count + 1, solved_at: null, closed_at: null } : {}),
  };
}

export async function updateTicket(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateTicketInput,
  now = new Date(),
): Promise<Ticket> {
  const before = await repo.findTicketRow(db, id);
  if (!before) throw errors.ticketNotFound();
  if (before.status === 'closed' && input.status !== undefined && input.status !== 'closed') throw errors.ticketClosed();
  if (input.assigneeId) await assertMember(db, input.assigneeId, 'assigneeId');
  if (input.groupId) await assertGroup(db, input.groupId, 'groupId');
  if (input.deploymentId) await assertEnvironmentOf(db, input.deploymentId, before.account_id);
  await inTransaction(db, async (trx) => {
    const tagsBefore = (await repo.tagsOf(trx, [id])).get(id) ?? [];
    let patch: Partial<repo.TicketRow> = {};
    if (input.subject !== undefined) patch.subject = input.subject;
    if (input.type !== undefined) patch.type = input.type ?? null;
    if (input.assigneeId !== undefined) patch.assignee_id = input.assigneeId ?? null;
    if (input.groupId !== undefined) patch.group_id = input.groupId ?? null;
    if (input.deploymentId !== undefined) patch.deployment_id = input.deploymentId ?? null;
    if (input.priority !== undefined && input.priority !== before.priority) {
      // A new priority brings the policy's targets for it; the clock keeps the time already used.
      const sla = await slaContextOf(trx, before.sla_policy_id, input.priority);
      const state = retargetSla(JSON.parse(before.sla_state) as SlaState, before, sla, now);
      patch = { ...patch, priority: input.priority, ...slaColumns(state) };
    }
    if (input.status !== undefined) patch = { ...patch, ...(await applyStatus(trx, { ...before, ...patch }, input.status, now)) };
    if (before.status === 'new' && !patch.status && (patch.assignee_id ?? null) !== null) patch.status = 'open';
    patch.updated_at = now.toISOString();
    await trx.updateTable('tickets').set(patch).where('id', '=', id).execute();
    if (input.tags) await repo.replaceTags(trx, id, [...new Set(input.tags)]);
    const fieldChanges = input.customFields?.length ? await setFieldValues(trx, id, input.customFields) : null;
    await indexTicket(trx, id);
    const changes = diff(
      {
        subject: before.subject,
        type: before.type ?? null,
        status: before.status,
        priority: before.priority,
        assigneeId: before.assignee_id,
        groupId: before.group_id,
        deploymentId: before.deployment_id,
      },
      {
        subject: patch.subject ?? before.subject,
        type: patch.type === undefined ? (before.type ?? null) : patch.type,
        status: patch.status ?? before.status,
        priority: patch.priority ?? before.priority,
        assigneeId: patch.assignee_id === undefined ? before.assignee_id : patch.assignee_id,
        groupId: patch.group_id === undefined ? before.group_id : patch.group_id,
        deploymentId: patch.deployment_id === undefined ? before.deployment_id : patch.deployment_id,
      },
    );
    if (input.tags && JSON.stringify(tagsBefore) !== JSON.stringify([...new Set(input.tags)].sort()))
      changes.tags = [tagsBefore, input.tags];
    if (fieldChanges) changes.customFields = fieldChanges;
    if (Object.keys(changes).length) {
      await repo.recordTicketEvent(trx, id, actorOfContext(ctx), 'ticket.updated', { changes }, patch.updated_at);
      await recordAudit(trx, ctx, { action: 'ticket.updated', recordType: 'ticket', recordId: id, changes });
    }
  });
  return getTicket(db, id);
}

/**
 * The clock after a priority change: the new priority's targets, measured from the same starting
 * points, keeping the resolution time already used. A next-reply target in flight keeps its due.
 */
function retargetSla(state: SlaState, row: repo.TicketRow, sla: SlaContext, now: Date): SlaState {
  if (row.status === 'solved' || row.status === 'closed') return state;
  const clock = sla.targets.businessHours ? sla.calendar : CALENDAR_HOURS;
  const due = (from: string, minutes: number | null) =>
    minutes === null ? null : addBusinessMinutes(new Date(from), minutes, clock).toISOString();
  return {
    ...state,
    firstReplyDueAt: state.firstReplyAt === null ? due(row.created_at, sla.targets.firstReplyMinutes) : null,
    resolutionDueAt:
      state.resolutionRunningSince === null || sla.targets.resolutionMinutes === null
        ? null
        : sla.targets.resolutionMinutes < state.resolutionElapsedMinutes
          ? now.toISOString() // already past the new target: due at once, as the clock does on resume
          : due(state.resolutionRunningSince, sla.targets.resolutionMinutes - state.resolutionElapsedMinutes),
  };
}
