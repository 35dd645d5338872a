import { sql } from 'kysely';
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

/** The tables the BulkWriter fills (through COPY on PostgreSQL when asked), and the index built from them. */
const BULK_TABLES = [
  'members',
  'member_roles',
  'accounts',
  'account_domains',
  'account_team',
  'contacts',
  'portal_credentials',
  'tickets',
  'ticket_tags',
  'ticket_messages',
  'ticket_events',
  'escalations',
  'escalation_rule_firings',
  'feature_requests',
  'feedback_items',
  'feature_request_blockers',
  'search_documents',
] as const;

/** Made by the settings service with the real clock's ids, so they differ from run to run. */
const CONFIGURATION_TABLES = ['business_calendars', 'sla_policies', 'ticket_groups', 'escalation_rules'] as const;

describe.runIf(testDialects().includes('postgres'))('bench dataset written with COPY', () => {
  let inserted: Db;
  let copied: Db;

  beforeAll(async () => {
    inserted = await freshDatabase('postgres');
    copied = await freshDatabase('postgres');
    await seedBenchDataset(inserted.kysely, inserted.dialect, SMALL);
    await seedBenchDataset(copied.kysely, copied.dialect, { ...SMALL, copyConnectionString: copied.connectionString! });
  }, 120_000);
  afterAll(async () => {
    await inserted?.close();
    await copied?.close();
  });

  /** Every table's row count, by name. */
  const counts = async (db: Db) => {
    const tables = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db.kysely);
    const result: Record<string, number> = {};
    for (const { name } of tables.rows) {
      result[name] = Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db.kysely)).rows[0]!.n);
    }
    return result;
  };

  /** A table's rows as sorted text, configuration ids named by position and the member hash (salted) left out. */
  const rowsOf = async (db: Db, table: string) => {
    const ids = new Map<string, string>();
    for (const config of CONFIGURATION_TABLES) {
      const rows = await sql<{ id: string }>`select id from ${sql.table(config)} order by name`.execute(db.kysely);
      rows.rows.forEach((r, i) => ids.set(r.id, `${config}#${i}`));
    }
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db.kysely);
    return rows.rows
      .map(({ password_hash: _hash, ...row }) =>
        JSON.stringify(row).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => ids.get(id) ?? id),
      )
      .sort();
  };

  it('writes as many rows to every table as the INSERT path', async () => {
    expect(await counts(copied)).toEqual(await counts(inserted));
  });

  it.each(BULK_TABLES)('writes exactly the rows of %s that the INSERT path writes', async (table) => {
    const [a, b] = await Promise.all([rowsOf(inserted, table), rowsOf(copied, table)]);
    expect(b.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
