import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import type { TimeCategory, TimeEntry } from '../contract/time-entries.js';
import type { TimeEntriesTable } from './tables.js';

type Row = Selectable<TimeEntriesTable> & { member_name: string };

function rows(db: Kysely<Database>) {
  return db
    .selectFrom('time_entries')
    .innerJoin('members', 'members.id', 'time_entries.member_id')
    .selectAll('time_entries')
    .select('members.name as member_name');
}

function toEntry(r: Row): TimeEntry {
  return {
    id: r.id,
    member: { id: r.member_id, name: r.member_name },
    minutes: Number(r.minutes),
    category: r.category,
    ticketId: r.ticket_id,
    engagementId: r.engagement_id,
    accountId: r.account_id,
    taskId: r.task_id,
    opportunityId: r.opportunity_id,
    interactionId: r.interaction_id,
    billable: Boolean(Number(r.billable)),
    note: r.note,
    startedAt: r.started_at,
    createdAt: r.created_at,
  };
}

export interface LogTimeInput {
  memberId: string;
  minutes: number;
  category: TimeCategory;
  ticketId?: string | null;
  engagementId?: string | null;
  accountId?: string | null;
  taskId?: string | null;
  opportunityId?: string | null;
  interactionId?: string | null;
  /** Defaults to true for time on an engagement (project work is billed), false otherwise. */
  billable?: boolean | undefined;
  note?: string | null | undefined;
  startedAt?: string | undefined;
}

/**
 * Logs time for a member. Modules that own the work (a ticket, an engagement) check their record
 * and pass its account, so the entry counts toward that customer relationship.
 */
export async function logTime(db: Kysely<Database>, ctx: ChangeContext, input: LogTimeInput, now = new Date()): Promise<TimeEntry> {
  const id = newId();
  const billable = input.billable ?? Boolean(input.engagementId);
  const startedAt = input.startedAt
    ? new Date(input.startedAt).toISOString()
    : new Date(now.getTime() - input.minutes * 60_000).toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('time_entries')
      .values({
        id,
        member_id: input.memberId,
        minutes: input.minutes,
        category: input.category,
        ticket_id: input.ticketId ?? null,
        engagement_id: input.engagementId ?? null,
        account_id: input.accountId ?? null,
        task_id: input.taskId ?? null,
        opportunity_id: input.opportunityId ?? null,
        interaction_id: input.interactionId ?? null,
        billable: billable ? 1 : 0,
        note: input.note || null,
        started_at: startedAt,
        created_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'time_entry.created',
      recordType: 'time_entry',
      recordId: id,
      changes: diff(null, {
        memberId: input.memberId,
        minutes: input.minutes,
        category: input.category,
        ticketId: input.ticketId ?? null,
        engagementId: input.engagementId ?? null,
        taskId: input.taskId ?? null,
        accountId: input.accountId ?? null,
        opportunityId: input.opportunityId ?? null,
        interactionId: input.interactionId ?? null,
        billable,
        startedAt,
      }),
    });
  });
  return getTimeEntry(db, id);
}

export async function getTimeEntry(db: Kysely<Database>, id: string): Promise<TimeEntry> {
  const row = await rows(db).where('time_entries.id', '=', id).executeTakeFirst();
  if (!row) throw errors.timeEntryNotFound();
  return toEntry(row);
}

export interface TimeTotals {
  totalMinutes: number;
  byCategory: Partial<Record<TimeCategory, number>>;
}

export function totalsOf(entries: readonly { minutes: number; category: TimeCategory }[]): TimeTotals {
  const byCategory: Partial<Record<TimeCategory, number>> = {};
  let totalMinutes = 0;
  for (const e of entries) {
    totalMinutes += e.minutes;
    byCategory[e.category] = (byCategory[e.category] ?? 0) + e.minutes;
  }
  return { totalMinutes, byCategory };
}

/** Every entry on a ticket, oldest first, with the totals. */
export async function ticketTime(db: Kysely<Database>, ticketId: string): Promise<{ items: TimeEntry[] } & TimeTotals> {
  const items = (
    await rows(db).where('time_entries.ticket_id', '=', ticketId).orderBy('time_entries.started_at').orderBy('time_entries.id').execute()
  ).map(toEntry);
  return { items, ...totalsOf(items) };
}

/** Every entry on an engagement (the delivery module's), oldest first, with the totals. */
export async function engagementTime(db: Kysely<Database>, engagementId: string): Promise<{ items: TimeEntry[] } & TimeTotals> {
  const items = (
    await rows(db)
      .where('time_entries.engagement_id', '=', engagementId)
      .orderBy('time_entries.started_at')
      .orderBy('time_entries.id')
      .execute()
  ).map(toEntry);
  return { items, ...totalsOf(items) };
}

/** A member's entries in a time range, newest first, paged; the totals cover the whole range. */
export async function listMemberTime(
  db: Kysely<Database>,
  filter: { memberId: string; from?: string | undefined; to?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<TimeEntry> & TimeTotals> {
  let query = rows(db).where('time_entries.member_id', '=', filter.memberId);
  if (filter.from) query = query.where('time_entries.started_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('time_entries.started_at', '<', new Date(filter.to).toISOString());
  const totals = await query
    .clearSelect()
    .select(['time_entries.category'])
    .select((eb) => eb.fn.sum<number>('time_entries.minutes').as('minutes'))
    .groupBy('time_entries.category')
    .execute();
  let paged = query;
  if (filter.cursor) {
    paged = paged.where(keysetAfter('time_entries.started_at', 'time_entries.id', decodeCursor(filter.cursor, 'timestamp'), 'desc'));
  }
  const found = await paged
    .orderBy('time_entries.started_at', 'desc')
    .orderBy('time_entries.id', 'desc')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(found.map(toEntry), filter.limit, (e) => encodeCursor(e.startedAt, e.id));
  return { ...page, ...totalsOf(totals.map((t) => ({ category: t.category, minutes: Number(t.minutes) }))) };
}

/** Deletes an entry: members their own, time.manage holders anyone's. */
export async function deleteTimeEntry(db: Kysely<Database>, ctx: ChangeContext, id: string, mayDeleteAnyone: boolean): Promise<void> {
  const entry = await getTimeEntry(db, id);
  if (entry.member.id !== ctx.memberId && !mayDeleteAnyone) throw errors.timeEntryNotYours();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('time_entries').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'time_entry.deleted',
      recordType: 'time_entry',
      recordId: id,
      changes: diff({ memberId: entry.member.id, minutes: entry.minutes, category: entry.category, ticketId: entry.ticketId }, null),
    });
  });
}

/**
 * A task of the delivery module is being deleted: its time stays on the engagement (and the
 * members' time sheets) but no longer names the task. Runs in the caller's transaction.
 */
export async function releaseTaskTime(db: Kysely<Database>, taskId: string): Promise<void> {
  await db.updateTable('time_entries').set({ task_id: null }).where('task_id', '=', taskId).execute();
}
