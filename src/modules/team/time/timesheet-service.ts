import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { TIME_CATEGORIES, TIME_LINK_FIELDS, type TimesheetRow, type TimesheetWeek } from '../contract/time-entries.js';
import type { TimeEntriesTable } from './tables.js';
import { linkLabels, type TimeLinks } from './time-links.js';
import { addDays, daysBetween, mondayOf, utcWindow, weekDays, zonedDate } from './week-days.js';

export interface TimeMember {
  id: string;
  name: string;
  timeZone: string;
  capacityHours: number;
}

type EntryRow = Selectable<TimeEntriesTable> & { day: string };

/** A member's entries that fall on the dates [first, last] where the member works, oldest first. */
export async function entriesOnDays(db: Kysely<Database>, member: TimeMember, first: string, last: string): Promise<EntryRow[]> {
  const window = utcWindow(first, last);
  const rows = await db
    .selectFrom('time_entries')
    .selectAll()
    .where('member_id', '=', member.id)
    .where('started_at', '>=', window.from)
    .where('started_at', '<', window.to)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return rows
    .map((r) => ({ ...r, started_at: new Date(r.started_at).toISOString(), day: zonedDate(r.started_at, member.timeZone) }))
    .filter((r) => r.day >= first && r.day <= last);
}

export function linksOfRow(r: Selectable<TimeEntriesTable>): TimeLinks {
  return {
    accountId: r.account_id,
    engagementId: r.engagement_id,
    taskId: r.task_id,
    ticketId: r.ticket_id,
    opportunityId: r.opportunity_id,
    interactionId: r.interaction_id,
  };
}

/** The timesheet groups entries by what the time was for: the category and every link. */
function rowKey(r: Selectable<TimeEntriesTable>): string {
  const links = linksOfRow(r);
  return [r.category, ...TIME_LINK_FIELDS.map((f) => links[f] ?? '')].join('|');
}

/**
 * One member's week as the timesheet shows it: a row per category and links, seven day cells with
 * the minutes and the entries behind them, totals per day and week, and the weekly capacity.
 */
export async function timesheetWeek(
  db: Kysely<Database>,
  member: TimeMember,
  weekStart: string | undefined,
  now = new Date(),
): Promise<TimesheetWeek> {
  const monday = mondayOf(weekStart ?? zonedDate(now, member.timeZone));
  const days = weekDays(monday);
  const entries = await entriesOnDays(db, member, days[0]!, days[6]!);
  const rows = new Map<string, TimesheetRow>();
  for (const e of entries) {
    const key = rowKey(e);
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        category: e.category,
        billable: Boolean(Number(e.billable)),
        links: linksOfRow(e),
        labels: {},
        cells: days.map((date) => ({ date, minutes: 0, entryIds: [] })),
        totalMinutes: 0,
      };
      rows.set(key, row);
    }
    const cell = row.cells[days.indexOf(e.day)]!;
    cell.minutes += Number(e.minutes);
    cell.entryIds.push(e.id);
    row.totalMinutes += Number(e.minutes);
  }
  const sorted = [...rows.values()].sort(
    (a, b) => TIME_CATEGORIES.indexOf(a.category) - TIME_CATEGORIES.indexOf(b.category) || a.key.localeCompare(b.key),
  );
  const labels = await linkLabels(
    db,
    sorted.map((r) => r.links),
  );
  for (const row of sorted) {
    for (const field of TIME_LINK_FIELDS) {
      const id = row.links[field];
      const label = id ? labels.get(`${field}:${id}`) : undefined;
      if (label) row.labels[field] = label;
    }
  }
  const dayTotals = days.map((_, i) => sorted.reduce((sum, r) => sum + r.cells[i]!.minutes, 0));
  return {
    member: { id: member.id, name: member.name, timeZone: member.timeZone },
    weekStart: monday,
    days,
    rows: sorted,
    dayTotals,
    totalMinutes: dayTotals.reduce((a, b) => a + b, 0),
    capacityHours: member.capacityHours,
  };
}

/**
 * Copies one week's entries into another, each moved by the same whole number of weeks, with its
 * category, links, minutes, billable flag and note. Refuses when the target week has any entry, so
 * a repeated request never doubles the time, and when the target week has not begun (at most one
 * day ahead, like any entry).
 */
export async function copyWeek(
  db: Kysely<Database>,
  ctx: ChangeContext,
  member: TimeMember,
  fromWeekStart: string,
  toWeekStart: string,
  now = new Date(),
): Promise<{ copied: number; weekStart: string }> {
  const from = mondayOf(fromWeekStart);
  const to = mondayOf(toWeekStart);
  if (to > addDays(zonedDate(now, member.timeZone), 1)) throw errors.timeEntryInFuture({ field: 'toWeekStart' });
  const shiftMs = daysBetween(from, to) * 86_400_000;
  return inTransaction(db, async (trx) => {
    const source = await entriesOnDays(trx, member, from, addDays(from, 6));
    if (!source.length) throw errors.timesheetWeekEmpty({ field: 'fromWeekStart' });
    if ((await entriesOnDays(trx, member, to, addDays(to, 6))).length) throw errors.timesheetWeekNotEmpty({ field: 'toWeekStart' });
    for (const e of source) {
      const id = newId();
      const startedAt = new Date(Date.parse(e.started_at) + shiftMs).toISOString();
      await trx
        .insertInto('time_entries')
        .values({
          id,
          member_id: member.id,
          minutes: Number(e.minutes),
          category: e.category,
          ticket_id: e.ticket_id,
          engagement_id: e.engagement_id,
          account_id: e.account_id,
          task_id: e.task_id,
          opportunity_id: e.opportunity_id,
          interaction_id: e.interaction_id,
          billable: Number(e.billable) ? 1 : 0,
          note: e.note,
          started_at: startedAt,
          created_at: now.toISOString(),
        })
        .execute();
      await recordAudit(trx, ctx, {
        action: 'time_entry.created',
        recordType: 'time_entry',
        recordId: id,
        changes: diff(null, { memberId: member.id, minutes: Number(e.minutes), category: e.category, startedAt, copiedFrom: e.id }),
      });
    }
    return { copied: source.length, weekStart: to };
  });
}
