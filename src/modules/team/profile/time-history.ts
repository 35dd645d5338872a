import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { nowIso } from '../../../kernel/clock.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { TimeCategory } from '../contract/time-entries.js';

export interface HistoricalTimeEntry {
  memberId: string;
  minutes: number;
  category: TimeCategory;
  startedAt: string;
  accountId?: string | null;
  billable?: boolean;
  note?: string | null;
}

/** Rows per INSERT: 11 columns each stays far below PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

/**
 * Writes a history of time entries in batches with one audit record for the lot: how the demo
 * workspace gets months of everyone's time without thousands of single audited writes. The entries
 * are trusted (the caller made them); the API's logTime checks links one entry at a time.
 */
export async function recordTimeHistory(
  db: Kysely<Database>,
  ctx: ChangeContext,
  entries: readonly HistoricalTimeEntry[],
): Promise<number> {
  if (!entries.length) return 0;
  const createdAt = nowIso();
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < entries.length; i += CHUNK) {
      await trx
        .insertInto('time_entries')
        .values(
          entries.slice(i, i + CHUNK).map((e) => ({
            id: newId(),
            member_id: e.memberId,
            minutes: e.minutes,
            category: e.category,
            ticket_id: null,
            engagement_id: null,
            account_id: e.accountId ?? null,
            task_id: null,
            billable: e.billable ? 1 : 0,
            note: e.note ?? null,
            started_at: new Date(e.startedAt).toISOString(),
            created_at: createdAt,
          })),
        )
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'time_entry.history_recorded',
      recordType: 'time_entry',
      recordId: 'batch',
      changes: { entries: [null, entries.length], members: [null, new Set(entries.map((e) => e.memberId)).size] },
    });
  });
  return entries.length;
}
