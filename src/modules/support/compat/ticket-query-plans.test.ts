import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connect.js';
import { freshDatabase } from '../../../db/test-database.js';
import { ticketChangesQuery } from './ticket-changes.js';
import { ticketPageQuery } from './ticket-query.js';

/**
 * The Zendesk-compatible exports and search stay fast at a million tickets because of plans, not
 * timings (measured at 1M tickets: an export page 3–5 ms on SQLite, 14–17 ms on PostgreSQL; an
 * unsolved-tickets search page by updated_at 0.3 ms instead of 1,080 ms). A change that loses the
 * plan fails here rather than in production.
 */
describe('Zendesk export and search query plans on sqlite', () => {
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

  it('reads an incremental export page as a range of tickets_updated, already in order', async () => {
    for (const after of [null, { updatedAt: '2026-01-01T00:00:00.000Z', id: 'x' }]) {
      const plan = await planOf(ticketChangesQuery(db.kysely, { from: '2025-01-01T00:00:00.000Z', after, limit: 1001 }));
      expect(plan).toContain('INDEX tickets_updated');
      expect(plan).not.toContain('TEMP B-TREE');
    }
  });

  it('walks tickets_updated for a dense status filter sorted by updated_at instead of sorting every match', async () => {
    const unsolved = { statuses: ['new', 'open', 'pending', 'on_hold'] as const };
    const plan = await planOf(
      ticketPageQuery(
        db.kysely,
        unsolved,
        { sortBy: 'updated_at', order: 'desc' },
        { offset: 0, limit: 100 },
        { matching: 200_000, ceiling: 1_000_000 },
      ),
    );
    expect(plan).toContain('INDEX tickets_updated');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('starts from the requester’s index when a search names the requester', async () => {
    const plan = await planOf(
      ticketPageQuery(
        db.kysely,
        { requesterIds: ['c1'], statuses: ['open'] },
        { sortBy: 'created_at', order: 'desc' },
        { offset: 0, limit: 100 },
      ),
    );
    expect(plan).toContain('INDEX tickets_requester');
  });
});
