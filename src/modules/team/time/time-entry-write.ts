import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Actor, ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { TIME_LINK_FIELDS, type TimeEntry, type TimeEntryInput, type TimeEntryPatch } from '../contract/time-entries.js';
import { getTimeEntry, logTime } from './time-entry-service.js';
import { NO_LINKS, resolveLinks, type TimeLinks } from './time-links.js';
import { addDays, zonedDate, zonedNoon } from './week-days.js';

/** Who may see, log and change anyone's time (admins hold every permission). */
export const TIME_MANAGE = 'time.manage';

/** The member whose time is read or written: yourself, or anyone with time.manage. */
export async function timeOwner(db: Kysely<Database>, actor: Actor, memberId: string | undefined) {
  const id = memberId ?? actor.memberId;
  if (id !== actor.memberId && !actor.permissions.has(TIME_MANAGE)) throw errors.timeEntryForOthers({ field: 'memberId' });
  return timeMember(db, id);
}

async function timeMember(db: Kysely<Database>, id: string) {
  const member = await db
    .selectFrom('members')
    .select(['id', 'name', 'time_zone', 'capacity_hours'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!member) throw errors.timeEntryMemberUnknown({ field: 'memberId' });
  return { id: member.id, name: member.name, timeZone: member.time_zone, capacityHours: Number(member.capacity_hours) };
}

/**
 * When the work started: the given instant, or noon of the given day where the member works.
 * Either may be at most one day ahead (a timesheet filled in on Friday for Monday is a mistake).
 */
function startOf(input: { date?: string | undefined; startedAt?: string | undefined }, timeZone: string, now: Date): string | undefined {
  if (input.date) {
    if (input.date > addDays(zonedDate(now, timeZone), 1)) throw errors.timeEntryInFuture({ field: 'date' });
    return zonedNoon(input.date, timeZone);
  }
  if (input.startedAt) {
    if (Date.parse(input.startedAt) > now.getTime() + 86_400_000) throw errors.timeEntryInFuture({ field: 'startedAt' });
    return new Date(input.startedAt).toISOString();
  }
  return undefined;
}

function linksOf(input: Partial<Record<(typeof TIME_LINK_FIELDS)[number], string | null | undefined>>): TimeLinks {
  const links = { ...NO_LINKS };
  for (const field of TIME_LINK_FIELDS) links[field] = input[field] || null;
  return links;
}

/** Logs time for yourself or (with time.manage) anyone, in any category, on any linked work. */
export async function createTimeEntry(
  db: Kysely<Database>,
  ctx: ChangeContext,
  actor: Actor,
  input: TimeEntryInput,
  now = new Date(),
): Promise<TimeEntry> {
  const member = await timeOwner(db, actor, input.memberId);
  const startedAt = startOf(input, member.timeZone, now) ?? zonedNoon(zonedDate(now, member.timeZone), member.timeZone);
  const links = await resolveLinks(db, linksOf(input));
  return logTime(
    db,
    ctx,
    {
      memberId: member.id,
      minutes: input.minutes,
      category: input.category,
      ...links,
      billable: input.billable,
      note: input.note,
      startedAt,
    },
    now,
  );
}

/**
 * Changes an entry (your own, or anyone's with time.manage). Links given replace the old ones and
 * are checked again; when a link changes and `accountId` is not given, the account is taken from
 * the links anew rather than kept from the old ones.
 */
export async function updateTimeEntry(
  db: Kysely<Database>,
  ctx: ChangeContext,
  actor: Actor,
  id: string,
  patch: TimeEntryPatch,
  now = new Date(),
): Promise<TimeEntry> {
  const entry = await getTimeEntry(db, id);
  if (entry.member.id !== actor.memberId && !actor.permissions.has(TIME_MANAGE)) throw errors.timeEntryNotYours();
  const member = await timeMember(db, entry.member.id);
  const startedAt = startOf(patch, member.timeZone, now);
  const before = linksOf(entry);
  const linkChanged = TIME_LINK_FIELDS.some((f) => patch[f] !== undefined);
  const given: TimeLinks = { ...before };
  for (const field of TIME_LINK_FIELDS) if (patch[field] !== undefined) given[field] = patch[field] || null;
  if (linkChanged && patch.accountId === undefined) given.accountId = null;
  if (patch.taskId !== undefined && patch.engagementId === undefined && patch.taskId) given.engagementId = null;
  const links = linkChanged ? await resolveLinks(db, given) : before;
  const after = {
    minutes: patch.minutes ?? entry.minutes,
    category: patch.category ?? entry.category,
    startedAt: startedAt ?? entry.startedAt,
    note: patch.note === undefined ? entry.note : patch.note || null,
    billable: patch.billable ?? entry.billable,
    ...links,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('time_entries')
      .set({
        minutes: after.minutes,
        category: after.category,
        started_at: after.startedAt,
        note: after.note,
        billable: after.billable ? 1 : 0,
        ticket_id: links.ticketId,
        engagement_id: links.engagementId,
        task_id: links.taskId,
        account_id: links.accountId,
        opportunity_id: links.opportunityId,
        interaction_id: links.interactionId,
      })
      .where('id', '=', id)
      .execute();
    const old = {
      ...before,
      minutes: entry.minutes,
      category: entry.category,
      startedAt: entry.startedAt,
      note: entry.note,
      billable: entry.billable,
    };
    await recordAudit(trx, ctx, { action: 'time_entry.updated', recordType: 'time_entry', recordId: id, changes: diff(old, after) });
  });
  return getTimeEntry(db, id);
}
