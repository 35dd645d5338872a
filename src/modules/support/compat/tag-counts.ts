import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * The desk's ticket tags with how many tickets carry each, most used first (Zendesk's GET /tags,
 * issue 18), one page at a time, and how many distinct tags there are.
 */
export async function ticketTagCounts(
  db: Kysely<Database>,
  page: { offset: number; limit: number },
): Promise<{ tags: { name: string; count: number }[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('ticket_tags')
      .select(['tag', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('tag')
      .orderBy('n', 'desc')
      .orderBy('tag')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
    db
      .selectFrom('ticket_tags')
      .select((eb) => eb.fn.count<number | string>('tag').distinct().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { tags: rows.map((r) => ({ name: r.tag, count: Number(r.n) })), total: Number(total.n) };
}
