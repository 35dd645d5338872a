import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connect.js';
import { freshDatabase, testDialects } from '../test-database.js';
import { reindexAll } from '../../modules/search/service.js';
import { listTickets } from '../../modules/support/queues/views.js';
import { sweepSlaBreaches } from '../../modules/support/sla/sla-service.js';
import { seedBenchDataset, type BenchDatasetSummary } from './bench-dataset.js';

const NOW = new Date('2026-11-25T12:00:00Z');
const SMALL = { tickets: 600, accounts: 40, contactsPerAccount: 3, members: 30, now: NOW };

describe.each(testDialects())('bench dataset on %s', (dialect) => {
  let db: Db;
  let summary: BenchDatasetSummary;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    summary = await seedBenchDataset(db.kysely, db.dialect, SMALL);
  }, 60_000);
  afterAll(async () => db.close());

  it('writes the tickets, about four messages each, and reports its rate', async () => {
    const tickets = await db.kysely
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(tickets.n)).toBe(600);
    expect(summary.messages / 600).toBeGreaterThan(3);
    expect(summary.messages / 600).toBeLessThan(5);
    expect(summary.rowsPerSecond).toBeGreaterThan(0);
  });

  it('writes the search index exactly as a rebuild would', async () => {
    const snapshot = () =>
      db.kysely
        .selectFrom('search_documents')
        .select([
          'doc_type',
          'doc_id',
          'title',
          'heading',
          'keywords',
          'body',
          'account_id',
          'ticket_id',
          'status',
          'visibility',
          'updated_at',
        ])
        .orderBy('doc_type')
        .orderBy('doc_id')
        .execute();
    const before = await snapshot();
    await reindexAll(db.kysely);
    expect(await snapshot()).toEqual(before);
  });

  it('leaves only breaches after the last pass for the sweep, and queues that page', async () => {
    const page = await listTickets(db.kysely, { view: 'view-unsolved', limit: 20 }, null, NOW);
    expect(page.items.length).toBeGreaterThan(0);
    const dues = page.items.map((t) => t.sla.dueAt ?? '9999');
    expect([...dues].sort()).toEqual(dues);
    const sweep = await sweepSlaBreaches(db.kysely, NOW);
    // Breaches due before the last pass (an hour ago) were recorded when they happened.
    for (const breach of sweep.breaches) {
      const row = await db.kysely.selectFrom('tickets').select('sla_state').where('id', '=', breach.ticketId).executeTakeFirstOrThrow();
      expect(row.sla_state).toContain(breach.target);
    }
  });

  it('gives every account a production environment on a catalogue release and lays out engagements from the template', async () => {
    const count = async (table: 'deployments' | 'engagements' | 'engagement_tasks' | 'releases') =>
      Number(
        (
          await db.kysely
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count('releases')).toBe(10);
    const production = await db.kysely
      .selectFrom('deployments')
      .select(['account_id', 'version'])
      .where('name', '=', 'production')
      .execute();
    expect(new Set(production.map((d) => d.account_id)).size).toBe(SMALL.accounts);
    expect(await count('deployments')).toBe(summary.environments);
    expect(summary.engagements).toBe(SMALL.accounts / 10);
    expect(await count('engagements')).toBe(summary.engagements);
    // Each engagement carries the standard template's dated plan.
    expect(await count('engagement_tasks')).toBe(summary.engagements * 26);
  });

  it('refuses a database that already has records', async () => {
    await expect(seedBenchDataset(db.kysely, db.dialect, SMALL)).rejects.toThrow(/empty/);
  });

  it('is the same dataset every time it is generated with the same clock', async () => {
    const other = await freshDatabase(dialect);
    try {
      await seedBenchDataset(other.kysely, other.dialect, SMALL);
      const rows = (d: Db) =>
        d.kysely.selectFrom('tickets').select(['id', 'number', 'status', 'sla_state', 'assignee_id']).orderBy('number').execute();
      const [a, b] = await Promise.all([rows(db), rows(other)]);
      // Member ids differ only through the shared password hash's salt, never the ticket rows.
      expect(b.map((r) => [r.id, r.status, r.sla_state])).toEqual(a.map((r) => [r.id, r.status, r.sla_state]));
    } finally {
      await other.close();
    }
  }, 60_000);
});
