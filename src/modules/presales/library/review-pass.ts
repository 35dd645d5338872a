import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { notifyMembers } from '../../platform/index.js';
import { memberRefs } from '../../team/index.js';

/** Questions named in one notice; the rest are counted. */
const LISTED = 10;

export interface LibraryReviewPassResult {
  /** Entries whose owner was told, this pass. */
  entries: number;
  owners: number;
}

/**
 * The daily pass over the answer library: tells each owner (in the app and by e-mail) about their
 * approved entries that have become stale since the last pass — one notice per owner per pass,
 * each entry announced once per staleness (`stale_notified_due_at` remembers the due date told;
 * a review moves the due date, so the next staleness is announced again). Entries without an
 * active owner wait in everyone's "all owners" queue. Safe to run on several nodes at once: an
 * entry is claimed by the update that marks it, and only the claimer tells its owner.
 */
export async function runLibraryReviewPass(db: Kysely<Database>, now: Date = new Date()): Promise<LibraryReviewPassResult> {
  const at = now.toISOString();
  const due = await db
    .selectFrom('library_entries')
    .select(['id', 'owner_id'])
    .where('status', '=', 'approved')
    .where('review_due_at', '<', at)
    .where('owner_id', 'is not', null)
    .where((eb) => eb.or([eb('stale_notified_due_at', 'is', null), eb('stale_notified_due_at', '!=', eb.ref('review_due_at'))]))
    .execute();
  const byOwner = new Map<string, string[]>();
  for (const r of due) byOwner.set(r.owner_id!, [...(byOwner.get(r.owner_id!) ?? []), r.id]);
  const owners = await memberRefs(db, byOwner.keys());
  let entries = 0;
  let told = 0;
  for (const [ownerId, ids] of byOwner) {
    const owner = owners.get(ownerId);
    if (!owner || owner.status !== 'active') continue;
    const claimed = await inTransaction(db, async (trx) => {
      const rows = await trx
        .updateTable('library_entries')
        .set({ stale_notified_due_at: sql`review_due_at` })
        .where('id', 'in', ids)
        .where('status', '=', 'approved')
        .where('review_due_at', '<', at)
        .where((eb) => eb.or([eb('stale_notified_due_at', 'is', null), eb('stale_notified_due_at', '!=', eb.ref('review_due_at'))]))
        .returning(['id', 'question', 'review_due_at'])
        .execute();
      if (!rows.length) return 0;
      rows.sort((a, b) => a.review_due_at.localeCompare(b.review_due_at));
      const lines = rows.slice(0, LISTED).map((r) => `• ${r.question} (due ${r.review_due_at.slice(0, 10)})`);
      if (rows.length > LISTED) lines.push(`…and ${rows.length - LISTED} more.`);
      const one = rows.length === 1;
      await notifyMembers(
        trx,
        [{ memberId: owner.id, email: owner.email, name: owner.name }],
        {
          kind: 'presales.library_review_due',
          title: one ? 'A library answer you own is due for review' : `${rows.length} library answers you own are due for review`,
          body: `${one ? 'This answer is' : 'These answers are'} past ${one ? 'its' : 'their'} review date, so questionnaires show ${one ? 'it' : 'them'} as stale and never auto-approve ${one ? 'it' : 'them'}. Check ${one ? 'it' : 'each'} and mark ${one ? 'it' : 'it'} reviewed, edit or archive:\n\n${lines.join('\n')}`,
          link: '/presales/library?tab=review',
        },
        { email: true },
        now,
      );
      return rows.length;
    });
    if (claimed) {
      entries += claimed;
      told += 1;
    }
  }
  return { entries, owners: told };
}
