import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import type { BusinessCalendar } from '../sla/business-calendar.js';
import type { EscalationActions, EscalationConditions } from '../escalation/escalation-rules.js';
import type { SlaConditions, SlaTargetsByPriority } from '../sla/sla-policy-match.js';
import type { Tier } from '../tables.js';

/** Groups, business calendars, SLA policies and escalation rules: the support desk's configuration. */

export async function listGroups(db: Kysely<Database>) {
  return db.selectFrom('ticket_groups').select(['id', 'name', 'tier']).orderBy('name').execute();
}

export async function createGroup(db: Kysely<Database>, ctx: ChangeContext, input: { name: string; tier: Tier }) {
  if (await db.selectFrom('ticket_groups').select('id').where('name', '=', input.name).executeTakeFirst())
    throw errors.duplicate('A group', 'name');
  const row = { id: newId(), name: input.name, tier: input.tier, created_at: nowIso() };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('ticket_groups').values(row).execute();
    await recordAudit(trx, ctx, { action: 'group.created', recordType: 'ticket_group', recordId: row.id, changes: diff(null, input) });
  });
  return { id: row.id, name: row.name, tier: row.tier };
}

export interface CalendarView extends BusinessCalendar {
  id: string;
  name: string;
}

export async function listCalendars(db: Kysely<Database>): Promise<CalendarView[]> {
  const rows = await db.selectFrom('business_calendars').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    timeZone: r.time_zone,
    weeklyHours: JSON.parse(r.weekly_hours),
    holidays: JSON.parse(r.holidays),
  }));
}

export async function saveCalendar(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string | null,
  input: BusinessCalendar & { name: string },
): Promise<CalendarView> {
  const existing = id ? await db.selectFrom('business_calendars').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (id && !existing) throw errors.calendarNotFound();
  const clash = await db.selectFrom('business_calendars').select('id').where('name', '=', input.name).executeTakeFirst();
  if (clash && clash.id !== id) throw errors.duplicate('A calendar', 'name');
  const calendarId = id ?? newId();
  const now = nowIso();
  const values = {
    name: input.name,
    time_zone: input.timeZone,
    weekly_hours: JSON.stringify(input.weeklyHours),
    holidays: JSON.stringify(input.holidays),
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    if (existing) await trx.updateTable('business_calendars').set(values).where('id', '=', calendarId).execute();
    else
      await trx
        .insertInto('business_calendars')
        .values({ id: calendarId, ...values, created_at: now })
        .execute();
    await recordAudit(trx, ctx, {
      action: existing ? 'calendar.updated' : 'calendar.created',
      recordType: 'business_calendar',
      recordId: calendarId,
      changes: diff(existing ?? null, values),
    });
  });
  return (await listCalendars(db)).find((c) => c.id === calendarId)!;
}

export interface PolicyView {
  id: string;
  name: string;
  position: number;
  conditions: SlaConditions;
  targets: SlaTargetsByPriority;
  calendarId: string | null;
  status: 'active' | 'archived';
}

export async function listPolicies(db: Kysely<Database>): Promise<PolicyView[]> {
  const rows = await db.selectFrom('sla_policies').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    conditions: JSON.parse(r.conditions),
    targets: JSON.parse(r.targets),
    calendarId: r.calendar_id,
    status: r.status,
  }));
}

/** Creates or replaces a policy. New tickets use it; open tickets keep the policy they started with. */
export async function savePolicy(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string | null,
  input: Omit<PolicyView, 'id'>,
): Promise<PolicyView> {
  const existing = id ? await db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (id && !existing) throw errors.policyNotFound();
  const clash = await db.selectFrom('sla_policies').select('id').where('name', '=', input.name).executeTakeFirst();
  if (clash && clash.id !== id) throw errors.duplicate('An SLA policy', 'name');
  if (input.calendarId && !(await db.selectFrom('business_calendars').select('id').where('id', '=', input.calendarId).executeTakeFirst())) {
    throw errors.referenceMissing('calendar', 'calendarId');
  }
  const policyId = id ?? newId();
  const now = nowIso();
  const values = {
    name: input.name,
    position: input.position,
    conditions: JSON.stringify(input.conditions),
    targets: JSON.stringify(input.targets),
    calendar_id: input.calendarId,
    status: input.status,
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    if (existing) await trx.updateTable('sla_policies').set(values).where('id', '=', policyId).execute();
    else
      await trx
        .insertInto('sla_policies')
        .values({ id: policyId, ...values, created_at: now })
        .execute();
    await recordAudit(trx, ctx, {
      action: existing ? 'sla_policy.updated' : 'sla_policy.created',
      recordType: 'sla_policy',
      recordId: policyId,
      changes: diff(existing ?? null, values),
    });
  });
  return (await listPolicies(db)).find((p) => p.id === policyId)!;
}

export interface RuleView {
  id: string;
  name: string;
  position: number;
  status: 'active' | 'paused';
  conditions: EscalationConditions;
  actions: EscalationActions;
}

export async function listRules(db: Kysely<Database>): Promise<RuleView[]> {
  const rows = await db.selectFrom('escalation_rules').selectAll().orderBy('position').orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    position: r.position,
    status: r.status,
    conditions: JSON.parse(r.conditions),
    actions: JSON.parse(r.actions),
  }));
}

export async function saveRule(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string | null,
  input: Omit<RuleView, 'id'>,
): Promise<RuleView> {
  const existing = id ? await db.selectFrom('escalation_rules').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (id && !existing) throw errors.ruleNotFound();
  const clash = await db.selectFrom('escalation_rules').select('id').where('name', '=', input.name).executeTakeFirst();
  if (clash && clash.id !== id) throw errors.duplicate('An escalation rule', 'name');
  if (
    input.actions.assignGroupId &&
    !(await db.selectFrom('ticket_groups').select('id').where('id', '=', input.actions.assignGroupId).executeTakeFirst())
  ) {
    throw errors.referenceMissing('group', 'actions.assignGroupId');
  }
  const ruleId = id ?? newId();
  const now = nowIso();
  const values = {
    name: input.name,
    position: input.position,
    status: input.status,
    conditions: JSON.stringify(input.conditions),
    actions: JSON.stringify(input.actions),
    updated_at: now,
  };
  await inTransaction(db, async (trx) => {
    if (existing) await trx.updateTable('escalation_rules').set(values).where('id', '=', ruleId).execute();
    else
      await trx
        .insertInto('escalation_rules')
        .values({ id: ruleId, ...values, created_at: now })
        .execute();
    await recordAudit(trx, ctx, {
      action: existing ? 'escalation_rule.updated' : 'escalation_rule.created',
      recordType: 'escalation_rule',
      recordId: ruleId,
      changes: diff(existing ?? null, values),
    });
  });
  return (await listRules(db)).find((r) => r.id === ruleId)!;
}
