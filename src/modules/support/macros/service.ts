import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { Actor, ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { memberRefs } from '../../team/index.js';
import { addAgentMessage } from '../tickets/message-service.js';
import * as tickets from '../tickets/ticket-repository.js';
import type { Ticket, TicketMessage, UpdateTicketInput } from '../contract/tickets.js';
import { actorOfContext, getTicket, updateTicket } from '../tickets/ticket-service.js';
import { placeholderValues, renderMacro } from './render.js';
import { CURRENT_USER, type Macro, type MacroActions, type MacroInput } from '../contract/macros.js';
import type { MacrosTable } from './tables.js';

type MacroRow = Selectable<MacrosTable>;

/** Shared macros need the permission to keep the team's scripts; personal ones only their owner. */
const SHARED_PERMISSION = 'runbooks.manage';

function macroRows(db: Kysely<Database>) {
  return db.selectFrom('macros').selectAll('macros');
}

/** Rows as macros, with their owners' names (one read for the list). */
async function toMacros(db: Kysely<Database>, rows: MacroRow[]): Promise<Macro[]> {
  const owners = await memberRefs(
    db,
    rows.map((r) => r.owner_id),
  );
  return rows.map((r) => toMacro(r, r.owner_id ? (owners.get(r.owner_id)?.name ?? '') : ''));
}

function toMacro(r: MacroRow, ownerName: string): Macro {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    visibility: r.visibility,
    actions: JSON.parse(r.actions) as MacroActions,
    shared: r.owner_id === null,
    owner: r.owner_id ? { id: r.owner_id, name: ownerName } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Shared macros and the member's own, by title. */
export async function listMacros(db: Kysely<Database>, memberId: string): Promise<Macro[]> {
  const rows = await macroRows(db)
    .where((eb) => eb.or([eb('macros.owner_id', 'is', null), eb('macros.owner_id', '=', memberId)]))
    .orderBy('macros.title')
    .orderBy('macros.id')
    .execute();
  return toMacros(db, rows);
}

/** A macro the member may see: shared, or their own. Another member's personal macro is "not found". */
export async function getMacro(db: Kysely<Database>, id: string, memberId: string): Promise<Macro> {
  const row = await macroRows(db).where('macros.id', '=', id).executeTakeFirst();
  if (!row || (row.owner_id !== null && row.owner_id !== memberId)) throw errors.macroNotFound();
  return (await toMacros(db, [row]))[0]!;
}

async function assertActionReferences(db: Kysely<Database>, actions: MacroActions): Promise<void> {
  if (actions.assigneeId && actions.assigneeId !== CURRENT_USER) {
    const member = (await memberRefs(db, [actions.assigneeId])).get(actions.assigneeId);
    if (!member || member.status === 'disabled') throw errors.referenceMissing('active member', 'actions.assigneeId');
  }
  if (actions.groupId && !(await db.selectFrom('ticket_groups').select('id').where('id', '=', actions.groupId).executeTakeFirst())) {
    throw errors.referenceMissing('group', 'actions.groupId');
  }
}

function assertMayWrite(actor: Actor, macro: { shared: boolean }): void {
  if (macro.shared && !actor.permissions.has(SHARED_PERMISSION)) throw errors.forbidden(SHARED_PERMISSION);
}

/** Creates (`id` null) or replaces a macro. */
export async function saveMacro(
  db: Kysely<Database>,
  ctx: ChangeContext,
  actor: Actor,
  id: string | null,
  input: MacroInput,
): Promise<Macro> {
  const before = id ? await getMacro(db, id, actor.memberId) : null;
  if (before) assertMayWrite(actor, before);
  assertMayWrite(actor, input);
  await assertActionReferences(db, input.actions);
  const macroId = id ?? newId();
  const at = new Date().toISOString();
  const columns = {
    title: input.title,
    body: input.body,
    visibility: input.visibility,
    actions: JSON.stringify(input.actions),
    owner_id: input.shared ? null : actor.memberId,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    if (before) await trx.updateTable('macros').set(columns).where('id', '=', macroId).execute();
    else
      await trx
        .insertInto('macros')
        .values({ id: macroId, ...columns, created_by: actor.memberId, created_at: at })
        .execute();
    const view = (m: { title: string; body: string; visibility: string; actions: unknown; shared: boolean }) => ({
      title: m.title,
      body: m.body,
      visibility: m.visibility,
      actions: m.actions,
      shared: m.shared,
    });
    await recordAudit(trx, ctx, {
      action: before ? 'macro.updated' : 'macro.created',
      recordType: 'macro',
      recordId: macroId,
      changes: diff(before ? view(before) : null, view(input)),
    });
  });
  return getMacro(db, macroId, actor.memberId);
}

export async function deleteMacro(db: Kysely<Database>, ctx: ChangeContext, actor: Actor, id: string): Promise<void> {
  const before = await getMacro(db, id, actor.memberId);
  assertMayWrite(actor, before);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('macros').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'macro.deleted',
      recordType: 'macro',
      recordId: id,
      changes: diff({ title: before.title, shared: before.shared }, null),
    });
  });
}

/** The macro's text rendered for this ticket and agent, and the field changes it would make. */
export async function previewMacro(db: Kysely<Database>, ticketId: string, macroId: string, memberId: string) {
  const ticket = await getTicket(db, ticketId);
  const macro = await getMacro(db, macroId, memberId);
  const agent = (await memberRefs(db, [memberId])).get(memberId);
  const values = placeholderValues({
    requesterName: ticket.requester.name,
    ticketNumber: ticket.number,
    ticketSubject: ticket.subject,
    accountName: ticket.account.name,
    agentName: agent?.name ?? '',
  });
  const rendered = renderMacro(macro.body, values);
  return {
    macro,
    ticket,
    body: rendered.text,
    visibility: macro.visibility,
    unknownPlaceholders: rendered.unknownPlaceholders,
    actions: macro.actions,
  };
}

/**
 * Applies a macro in one action and one transaction: the field changes, then the rendered
 * message (which carries the status, so "reply and solve" is one change). If any part is refused
 * (a group that no longer exists, a disabled assignee, a closed ticket) nothing is written.
 */
export async function applyMacro(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  macroId: string,
  memberId: string,
  now = new Date(),
): Promise<{ ticket: Ticket; message: TicketMessage | null }> {
  const preview = await previewMacro(db, ticketId, macroId, memberId);
  const { actions } = preview;
  const hasMessage = preview.body.trim().length > 0;
  const message = await inTransaction(db, async (trx) => {
    const update: UpdateTicketInput = {};
    if (actions.priority) update.priority = actions.priority;
    if (actions.assigneeId !== undefined) update.assigneeId = actions.assigneeId === CURRENT_USER ? memberId : actions.assigneeId;
    if (actions.groupId !== undefined) update.groupId = actions.groupId;
    if (actions.addTags?.length || actions.removeTags?.length) {
      const current = (await tickets.tagsOf(trx, [ticketId])).get(ticketId) ?? [];
      const removed = new Set(actions.removeTags ?? []);
      const next = [...new Set([...current, ...(actions.addTags ?? [])])].filter((t) => !removed.has(t));
      if (JSON.stringify([...next].sort()) !== JSON.stringify([...current].sort())) update.tags = next;
    }
    if (actions.status && !hasMessage) update.status = actions.status;
    if (Object.keys(update).length) await updateTicket(trx, ctx, ticketId, update, now);
    const added = hasMessage
      ? await addAgentMessage(
          trx,
          ctx,
          ticketId,
          { body: preview.body, visibility: preview.visibility, ...(actions.status ? { status: actions.status } : {}) },
          'web',
          now,
        )
      : null;
    await tickets.recordTicketEvent(
      trx,
      ticketId,
      actorOfContext(ctx),
      'macro.applied',
      { macroId, title: preview.macro.title, messageId: added?.id ?? null },
      now.toISOString(),
    );
    await recordAudit(trx, ctx, {
      action: 'ticket.macro_applied',
      recordType: 'ticket',
      recordId: ticketId,
      changes: { macro: [null, { id: macroId, title: preview.macro.title }] },
    });
    return added;
  });
  return { ticket: await getTicket(db, ticketId), message };
}
