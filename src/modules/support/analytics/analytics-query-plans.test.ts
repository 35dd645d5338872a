import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import type { Db } from '../../../db/connect.js';
import { freshDatabase } from '../../../db/test-database.js';
import { createdPerDayQuery, slaAttainmentQuery, solvedPerDayQuery } from './support-analytics.js';

/**
 * The SLA attainment chart must stay fast at a million tickets (p95 ≤ 500 ms, `npm run bench`).
 * What keeps it fast on SQLite is a plan, not a timing: the rows come from the index
 * tickets_sla_by_month alone, already grouped, with no temporary B-tree to sort them. A change to
 * the query or the index that loses this fails here rather than in the next benchmark.
 */
describe('SLA attainment query plan on sqlite', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
  });
  afterAll(async () => db.close());

  const planOf = async (filter: Parameters<typeof slaAttainmentQuery>[1]) => {
    const compiled = slaAttainmentQuery(db.kysely, filter).compile();
    const plan = await db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r.detail).join(' | ');
  };

  it('reads the covering month index and groups without sorting, with and without tier and group filters', async () => {
    for (const filter of [
      { from: '2026-06-01', to: '2026-11-30' },
      { from: '2026-06-15', to: '2026-11-30', tier: 'tier2' as const, groupId: 'g1' },
    ]) {
      const plan = await planOf(filter);
      expect(plan).toContain('USING COVERING INDEX tickets_sla_by_month');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });
});

/**
 * The backlog and created-vs-solved charts (p95 ≤ 500 ms at a million tickets): tickets per day come
 * from the day indexes of migration 0037, already grouped, with no temporary B-tree.
 */
describe('tickets-per-day query plans on sqlite', () => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDatabase('sqlite');
  });
  afterAll(async () => db.close());

  const planOf = async (query: { compile(): { sql: string; parameters: readonly unknown[] } }) => {
    const compiled = query.compile();
    const plan = await db.kysely.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return plan.rows.map((r) => r.detail).join(' | ');
  };

  it('counts created and solved tickets per day from the day indexes, grouped without sorting', async () => {
    for (const filter of [
      { from: '2026-06-01', to: '2026-11-30' },
      { from: '2026-06-15', to: '2026-11-30', tier: 'tier2' as const, groupId: 'g1' },
    ]) {
      const created = await planOf(createdPerDayQuery(db.kysely, filter));
      expect(created).toContain('USING INDEX tickets_created_day');
      expect(created).not.toContain('TEMP B-TREE');
      const solved = await planOf(solvedPerDayQuery(db.kysely, filter));
      expect(solved).toContain('USING INDEX tickets_solved_day');
      expect(solved).not.toContain('TEMP B-TREE');
    }
  });
});
