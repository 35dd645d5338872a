import { runbookDraftSection } from './runbook-draft-section.js';
import { timeDraftSection } from './time-draft-section.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import * as repo from '../tickets/ticket-repository.js';
import type { EscalateInput } from '../contract/tickets.js';
import type { Tier } from '../tables.js';
import { memberRefs } from '../../team/index.js';

export interface EscalationView {
  id: string;
  ticketId: string;
  fromTier: Tier;
  toTier: Tier;
  actor: { type: string; id: string | null; name: string };
  ruleId: string | null;
  reason: string;
  summary: string;
  engineeringLink: string | null;
  at: string;
}

export async function listEscalations(db: Kysely<Database>, ticketId: string): Promise<EscalationView[]> {
  const rows = await db
    .selectFrom('escalations')
    .leftJoin('escalation_rules', 'escalation_rules.id', 'escalations.rule_id')
    .selectAll('escalations')
    .select('escalation_rules.name as rule_name')
    .where('escalations.ticket_id', '=', ticketId)
    .orderBy('escalations.at')
    .execute();
  const members = await memberRefs(
    db,
    rows.map((r) => r.actor_id),
  );
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    fromTier: r.from_tier,
    toTier: r.to_tier,
    actor: {
      type: r.actor_type,
      id: r.actor_id,
      name: (r.actor_id ? members.get(r.actor_id)?.name : undefined) ?? (r.rule_name ? `Rule: ${r.rule_name}` : 'Outpost'),
    },
    ruleId: r.rule_id,
    reason: r.reason,
    summary: r.summary,
    engineeringLink: r.engineering_link,
    at: r.at,
  }));
}

/**
 * Every change of tier writes an escalation record (DESIGN §3): from, to, who or which rule, why,
 * and what was tried. Used by the manual dialog and by escalation rules alike.
 */
export async function escalateTicket(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  input: EscalateInput,
  rule: { id: string; name: string } | null = null,
  now = new Date(),
): Promise<EscalationView> {
  const row = await repo.findTicketRow(db, ticketId);
  if (!row) throw errors.ticketNotFound();
  if (row.status === 'closed') throw errors.ticketClosed();
  if (row.tier === input.toTier) throw errors.escalationSameTier();
  if (input.groupId && !(await db.selectFrom('ticket_groups').select('id').where('id', '=', input.groupId).executeTakeFirst())) {
    throw errors.referenceMissing('group', 'groupId');
  }
  const id = newId();
  const at = now.toISOString();
  const actor = rule
    ? { type: 'rule' as const, id: rule.id }
    : { type: ctx.actorType === 'token' ? ('token' as const) : ('member' as const), id: ctx.actorId };
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('escalations')
      .values({
        id,
        ticket_id: ticketId,
        from_tier: row.tier,
        to_tier: input.toTier,
        actor_type: actor.type,
        actor_id: rule ? null : ctx.memberId,
        rule_id: rule?.id ?? null,
        reason: input.reason,
        summary: input.summary,
        engineering_link: input.engineeringLink ?? null,
        at,
      })
      .execute();
    await trx
      .updateTable('tickets')
      .set({
        tier: input.toTier,
        tier_entered_at: at,
        updated_at: at,
        ...(input.groupId !== undefined ? { group_id: input.groupId ?? null } : {}),
        ...(input.engineeringLink ? { engineering_link: input.engineeringLink } : {}),
        // Moving up a tier hands the case to the next team's queue.
        ...(input.toTier !== 'tier1' ? { assignee_id: null } : {}),
        ...(row.status === 'new' ? { status: 'open' as const } : {}),
      })
      .where('id', '=', ticketId)
      .execute();
    await repo.recordTicketEvent(
      trx,
      ticketId,
      actor,
      'ticket.escalated',
      { escalationId: id, from: row.tier, to: input.toTier, reason: input.reason, ruleId: rule?.id ?? null },
      at,
    );
    await recordAudit(trx, rule ? { ...ctx, actorType: 'system', actorId: rule.id } : ctx, {
      action: 'ticket.escalated',
      recordType: 'ticket',
      recordId: ticketId,
      changes: { tier: [row.tier, input.toTier] },
    });
  });
  return (await listEscalations(db, ticketId)).find((e) => e.id === id)!;
}

/**
 * The escalation dialog's starting text: how long the case has been worked, and the latest
 * internal notes, so the next tier does not ask what was already tried.
 */
export async function escalationDraft(db: Kysely<Database>, ticketId: string): Promise<{ summary: string }> {
  const row = await repo.findTicketRow(db, ticketId);
  if (!row) throw errors.ticketNotFound();
  const notes = await db
    .selectFrom('ticket_messages')
    .select(['body', 'created_at', 'author_id'])
    .where('ticket_id', '=', ticketId)
    .where('visibility', '=', 'internal')
    .orderBy('created_at', 'desc')
    .limit(3)
    .execute();
  const authors = await memberRefs(
    db,
    notes.map((n) => n.author_id),
  );
  const hoursInTier = (Date.now() - Date.parse(row.tier_entered_at)) / 3_600_000;
  const extra: string[] = [];
  for (const section of extraDraftSections) extra.push(...(await section(db, row)));
  const lines = [
    `Ticket #${row.number}: "${row.subject}" (${row.priority} priority), ${hoursInTier.toFixed(1)} h in ${row.tier}.`,
    '',
    ...extra,
    notes.length ? 'Latest internal notes:' : 'No internal notes yet.',
    ...notes
      .reverse()
      .map(
        (n) =>
          `- ${n.created_at.slice(0, 16).replace('T', ' ')} ${(n.author_id ? authors.get(n.author_id)?.name : undefined) ?? ''}: ${n.body.slice(0, 500)}`,
      ),
  ];
  return { summary: lines.join('\n') };
}

/** Runbooks and time tracking add their lines to the draft (what steps were done, time spent). */
const extraDraftSections = [runbookDraftSection, timeDraftSection];
