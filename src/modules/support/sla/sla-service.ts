import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { readSetting, writeSetting } from '../../../kernel/settings.js';
import { CALENDAR_HOURS, type BusinessCalendar } from './business-calendar.js';
import { choosePolicy, type SlaConditions, type SlaTargetsByPriority, type TicketFacts } from './sla-policy-match.js';
import { breachesAdded, detectBreaches, nextDueAt, type SlaState, type SlaTargets } from './sla-clock.js';
import { NO_DUE, type TicketsTable } from '../tables.js';
import { recordTicketEvent } from '../tickets/ticket-repository.js';

export { NO_DUE } from '../tables.js';

export interface SlaContext {
  policyId: string | null;
  targets: SlaTargets;
  calendar: BusinessCalendar;
}

const NO_TARGETS: SlaTargets = { firstReplyMinutes: null, nextReplyMinutes: null, resolutionMinutes: null, businessHours: false };

async function calendarById(db: Kysely<Database>, id: string | null): Promise<BusinessCalendar> {
  if (!id) return CALENDAR_HOURS;
  const row = await db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return CALENDAR_HOURS;
  return { timeZone: row.time_zone, weeklyHours: JSON.parse(row.weekly_hours), holidays: JSON.parse(row.holidays) } as BusinessCalendar;
}

async function activePolicies(db: Kysely<Database>) {
  const rows = await db.selectFrom('sla_policies').selectAll().where('status', '=', 'active').orderBy('position').execute();
  return rows.map((r) => ({
    ...r,
    conditions: JSON.parse(r.conditions) as SlaConditions,
    targets: JSON.parse(r.targets) as SlaTargetsByPriority,
  }));
}

function targetsFor(policy: { targets: SlaTargetsByPriority; calendar_id: string | null }, priority: string): SlaTargets {
  const t = policy.targets[priority as keyof SlaTargetsByPriority];
  return { ...t, businessHours: policy.calendar_id !== null };
}

/** Chooses the policy for a new ticket (first match by position) and its targets for the priority. */
export async function chooseSla(db: Kysely<Database>, facts: TicketFacts): Promise<SlaContext> {
  const policy = choosePolicy(await activePolicies(db), facts);
  if (!policy) return { policyId: null, targets: NO_TARGETS, calendar: CALENDAR_HOURS };
  return { policyId: policy.id, targets: targetsFor(policy, facts.priority), calendar: await calendarById(db, policy.calendar_id) };
}

/** The SLA context of an existing ticket: its policy, at its current priority. */
export async function slaContextOf(db: Kysely<Database>, policyId: string | null, priority: string): Promise<SlaContext> {
  if (!policyId) return { policyId: null, targets: NO_TARGETS, calendar: CALENDAR_HOURS };
  const row = await db.selectFrom('sla_policies').selectAll().where('id', '=', policyId).executeTakeFirst();
  if (!row) return { policyId: null, targets: NO_TARGETS, calendar: CALENDAR_HOURS };
  const policy = { ...row, targets: JSON.parse(row.targets) as SlaTargetsByPriority };
  return { policyId, targets: targetsFor(policy, priority), calendar: await calendarById(db, row.calendar_id) };
}

/** The ticket columns that mirror an SLA state. */
export function slaColumns(
  state: SlaState,
): Pick<TicketsTable, 'sla_state' | 'first_reply_due_at' | 'next_reply_due_at' | 'resolution_due_at' | 'sla_due_at'> {
  return {
    sla_state: JSON.stringify(state),
    first_reply_due_at: state.firstReplyDueAt,
    next_reply_due_at: state.nextReplyDueAt,
    resolution_due_at: state.resolutionDueAt,
    sla_due_at: nextDueAt(state) ?? NO_DUE,
  };
}

const WATERMARK_KEY = 'support.sla_sweep_watermark';
const SWEEP_PAGE = 500;

export interface SweepResult {
  checked: number;
  breaches: { ticketId: string; target: string }[];
}

/**
 * Records each SLA breach once, as an event on the ticket. Visits only tickets with a target that
 * fell due since the previous pass (three indexed range scans), so its cost follows the number of
 * targets crossing, not the number of open tickets.
 */
export async function sweepSlaBreaches(db: Kysely<Database>, now = new Date()): Promise<SweepResult> {
  const since = await readSetting(db, WATERMARK_KEY, '1970-01-01T00:00:00.000Z');
  const until = now.toISOString();
  const ids = new Set<string>();
  for (const column of ['first_reply_due_at', 'next_reply_due_at', 'resolution_due_at'] as const) {
    const rows = await db.selectFrom('tickets').select('id').where(column, '>', since).where(column, '<=', until).execute();
    for (const r of rows) ids.add(r.id);
  }
  const breaches: SweepResult['breaches'] = [];
  // Read in pages and open a transaction only for a ticket with a new breach (which re-reads its
  // row inside it): most tickets a sweep visits have their breaches recorded already, and a
  // transaction and a point read for each made a sweep over every open ticket take seconds.
  const visited = [...ids];
  const toRecord: string[] = [];
  for (let i = 0; i < visited.length; i += SWEEP_PAGE) {
    const rows = await db
      .selectFrom('tickets')
      .select(['id', 'sla_state', 'status'])
      .where('id', 'in', visited.slice(i, i + SWEEP_PAGE))
      .execute();
    for (const row of rows) {
      if (row.status === 'solved' || row.status === 'closed') continue;
      if (detectBreaches(JSON.parse(row.sla_state) as SlaState, now).newBreaches.length > 0) toRecord.push(row.id);
    }
  }
  for (const id of toRecord) {
    await inTransaction(db, async (trx) => {
      const row = await trx.selectFrom('tickets').select(['id', 'sla_state', 'status']).where('id', '=', id).executeTakeFirst();
      if (!row || row.status === 'solved' || row.status === 'closed') return;
      const { state, newBreaches } = detectBreaches(JSON.parse(row.sla_state) as SlaState, now);
      if (newBreaches.length === 0) return;
      await trx.updateTable('tickets').set(slaColumns(state)).where('id', '=', id).execute();
      for (const target of newBreaches) {
        await recordTicketEvent(trx, id, { type: 'system', id: null }, 'sla.breached', { target }, until);
        breaches.push({ ticketId: id, target });
      }
    });
  }
  await writeSetting(db, WATERMARK_KEY, until);
  return { checked: ids.size, breaches };
}

/**
 * Records the breaches a change revealed (a late reply between two sweeps), once each, as the same
 * events the sweep writes.
 */
export async function recordRevealedBreaches(
  db: Kysely<Database>,
  ticketId: string,
  before: SlaState,
  after: SlaState,
  at: string,
): Promise<void> {
  for (const target of breachesAdded(before, after))
    await recordTicketEvent(db, ticketId, { type: 'system', id: null }, 'sla.breached', { target }, at);
}
