import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export interface RenewalFigures {
  id: string;
  name: string;
  segment: string;
  arr: number;
  renewalDate: string | null;
}

/**
 * Accounts' renewal figures (issue 15, renewals): by id, or every account renewing in a window
 * (inclusive dates), narrowed to a segment. One read either way.
 */
export async function renewalFigures(
  db: Kysely<Database>,
  q: { ids?: readonly string[]; from?: string; to?: string; segment?: string },
): Promise<RenewalFigures[]> {
  let query = db.selectFrom('accounts').select(['id', 'name', 'segment', 'arr', 'renewal_date']);
  if (q.ids) {
    if (!q.ids.length) return [];
    query = query.where('id', 'in', [...new Set(q.ids)]);
  }
  if (q.from) query = query.where('renewal_date', '>=', q.from);
  if (q.to) query = query.where('renewal_date', '<=', q.to);
  if (q.segment) query = query.where('segment', '=', q.segment as Database['accounts']['segment']);
  const rows = await query.orderBy('renewal_date').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, segment: r.segment, arr: Number(r.arr), renewalDate: r.renewal_date }));
}
