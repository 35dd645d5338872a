import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialects } from '../../db/test-database.js';
import type { Db } from '../../db/connect.js';
import { searchDocument } from './documents.js';
import { newestMatches } from './postgres-index.js';
import { parseQuery, toTsQuery } from './query-text.js';
import { indexDocuments } from './service.js';
import { SEARCH_TYPES, type SearchType } from './tables.js';

describe.runIf(testDialects().includes('postgres'))('newest matches on postgres', () => {
  let db: Db;
  const everyType = { types: SEARCH_TYPES };
  // Small windows, so that a table of 90 documents needs several of them (the first one is given,
  // not sized from the planner's estimate).
  const smallWindows = (candidates: number) => ({ candidates, firstWindow: 2, widen: 2 });
  const tsquery = (text: string) => toTsQuery(parseQuery(text));

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    // Every third document mentions a quasar; one in ten is a message, the rest tickets.
    const docs = Array.from({ length: 90 }, (_, i) =>
      searchDocument((i % 10 === 0 ? 'message' : 'ticket') as SearchType, `doc-${String(i).padStart(3, '0')}`, {
        title: `Document ${i}`,
        heading: i % 3 === 0 ? `Quasar drift ${i}` : `Nebula ${i}`,
        keywords: '',
        body: 'A body',
        accountId: null,
        ticketId: null,
        visibility: 'public',
        updatedAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    // One at a time, so that the ids follow the list.
    for (const doc of docs) await indexDocuments(db.kysely, [doc]);
  });
  afterAll(() => db.close());

  /** What the windows stand in for: every match sorted newest first. */
  async function allMatchesNewestFirst(text: string, types: readonly SearchType[], limit: number): Promise<number[]> {
    const rows = await sql<{ id: number }>`
      select id from search_documents where document @@ to_tsquery('simple', ${tsquery(text)}) and doc_type in (${sql.join([...types])})
      order by id desc limit ${limit}`.execute(db.kysely);
    return rows.rows.map((r) => r.id);
  }

  it('finds the newest matches across several widening windows', async () => {
    const found = await newestMatches(db.kysely, tsquery('quasar'), everyType, smallWindows(7));
    expect(found).toEqual(await allMatchesNewestFirst('quasar', SEARCH_TYPES, 7));
    expect(found).toHaveLength(7);
  });

  it('reads the whole table when there are fewer matches than candidates', async () => {
    const found = await newestMatches(db.kysely, tsquery('quasar'), everyType, smallWindows(500));
    expect(found).toEqual(await allMatchesNewestFirst('quasar', SEARCH_TYPES, 500));
    expect(found).toHaveLength(30);
  });

  it('applies the filters in every window', async () => {
    const found = await newestMatches(db.kysely, tsquery('quasar'), { types: ['message'] }, smallWindows(500));
    expect(found).toEqual(await allMatchesNewestFirst('quasar', ['message'], 500));
    expect(found).toHaveLength(3);
  });

  it('sizes the first window from the planner estimate and finds the same matches', async () => {
    const found = await newestMatches(db.kysely, tsquery('quasar'), everyType, { candidates: 7, widen: 2 });
    expect(found).toEqual(await allMatchesNewestFirst('quasar', SEARCH_TYPES, 7));
  });

  it('finds nothing for a word no document has', async () => {
    expect(await newestMatches(db.kysely, tsquery('pulsar'), everyType, smallWindows(7))).toEqual([]);
  });
});
