import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Migrator, type Kysely, type Migration } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../../db/connect.js';
import { dialectTypes, type DialectName } from '../../../db/dialect.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { opportunityFromReference, technicalWinFromVerdicts } from '../../../db/migrations/0026-presales-poc-links.js';
import { dropTestSchema, testDialects } from '../../../db/test-database.js';
import { unique } from '../../../../test/factories/index.js';
import { getEngagement } from '../../delivery/engagements/service.js';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../../db/migrations');
const BEFORE = '0025-presales-opportunities';
// The lock src/db/test-database.ts takes while a schema is created and migrated (Kysely's migrator
// scans every schema, and another file dropping one at that moment fails the scan).
const SCHEMA_CHANGE_LOCK = 740_210_001;

/** The migrations up to `last`, named as src/db/migrate.ts names them, so the real migrator later sees them applied. */
async function migrationsUpTo(last: string, db: Db): Promise<Record<string, Migration>> {
  const types = dialectTypes(db.dialect);
  const names = fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}-.+\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .filter((name) => name <= last)
    .sort();
  const provided: Record<string, Migration> = {};
  for (const name of names) {
    const m = (await import(path.join(MIGRATIONS_DIR, `${name}.ts`))) as { up(k: Kysely<unknown>, t: typeof types): Promise<void> };
    provided[name] = { up: (k) => m.up(k, types) };
  }
  return provided;
}

async function migrateUpTo(db: Db, last: string, schema?: string): Promise<void> {
  const provided = await migrationsUpTo(last, db);
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => provided },
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
}

/**
 * A database of the dialect migrated up to 0025, seeded by `seed`, then brought to the latest
 * schema (0026 first) as a workspace upgrading would be.
 */
async function upgradedDatabase(dialect: DialectName, seed: (db: Db) => Promise<void>): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = connect(':memory:');
    await migrateUpTo(db, BEFORE);
    await seed(db);
    await migrateToLatest(db);
    return db;
  }
  const url = process.env.OUTPOST_TEST_POSTGRES_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = connect(url, { searchPath: schema, poolSize: 4 });
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock_shared($1)', [SCHEMA_CHANGE_LOCK]);
    await lock.query(`create schema ${schema}`);
    await migrateUpTo(db, BEFORE, schema);
    await seed(db);
    await migrateToLatest(db);
  } catch (err) {
    await db.close();
    await lock.end();
    await dropTestSchema(url, schema);
    throw err;
  }
  await lock.end();
  return {
    ...db,
    close: async () => {
      await db.close();
      await dropTestSchema(url, schema);
    },
  };
}

describe('naming a deal from an old opportunity reference', () => {
  it('uses the reference as the name, or the engagement’s name when it is a link (kept in the description)', () => {
    expect(opportunityFromReference(' OPP-2041 ', 'Kestrel PoC')).toEqual({
      name: 'OPP-2041',
      description: 'Created from the opportunity reference “OPP-2041” of the engagement “Kestrel PoC”.',
    });
    const linked = opportunityFromReference('https://crm.example.com/opp/42', 'Globex pilot');
    expect(linked.name).toBe('Globex pilot');
    expect(linked.description).toContain('https://crm.example.com/opp/42');
  });

  it('takes the technical win from the latest decided PoC verdict', () => {
    const poc = (poc_verdict: string | null, updated_at: string, kind = 'proof_of_concept') => ({
      name: `PoC ${updated_at}`,
      kind,
      poc_verdict,
      poc_verdict_note: 'note',
      updated_at,
    });
    expect(technicalWinFromVerdicts([poc('fail', '2026-01-01'), poc('pass', '2026-02-01')])).toEqual({
      status: 'won',
      reason: 'PoC “PoC 2026-02-01” passed: note',
    });
    expect(technicalWinFromVerdicts([poc('fail', '2026-03-01'), poc('pass', '2026-02-01'), poc('pending', '2026-04-01')]).status).toBe(
      'lost',
    );
    expect(technicalWinFromVerdicts([poc('pending', '2026-01-01'), poc(null, '2026-01-02', 'implementation')])).toEqual({
      status: 'in_progress',
      reason: null,
    });
  });
});

describe.each(testDialects())('migrating free-text opportunity references to deals on %s', (dialect) => {
  let db: Db;
  let accountA: string;
  let accountB: string;
  const ids = {
    passed: `e-passed-${unique()}`,
    sameDeal: `e-same-${unique()}`,
    link: `e-link-${unique()}`,
    implementation: `e-impl-${unique()}`,
    otherAccount: `e-other-${unique()}`,
    blank: `e-blank-${unique()}`,
    none: `e-none-${unique()}`,
  };

  beforeAll(async () => {
    db = await upgradedDatabase(dialect, async (old) => {
      // Accounts as 0025 left them, written raw: today's service writes columns added since (`internal`).
      const account = async (name: string) => {
        const id = `a-${unique()}`;
        const at = '2026-01-01T09:00:00.000Z';
        await (old.kysely as unknown as Kysely<{ accounts: Record<string, string | number | null> }>)
          .insertInto('accounts')
          .values({
            id,
            name,
            name_lower: name.toLowerCase(),
            segment: 'enterprise',
            arr: 0,
            lifecycle_stage: 'prospect',
            renewal_date: null,
            relationship: 'transactional',
            relationship_evidence: '{}',
            created_at: at,
            updated_at: at,
          })
          .execute();
        return id;
      };
      accountA = await account('Kestrel Aerospace');
      accountB = await account('Globex');
      const engagement = (
        id: string,
        accountId: string,
        name: string,
        ref: string | null,
        verdict: string | null,
        note: string | null,
        updatedAt: string,
        kind = 'proof_of_concept',
      ) => ({
        id,
        account_id: accountId,
        kind,
        name,
        status: 'active',
        start_date: '2026-01-05',
        budget_hours: 40,
        opportunity_ref: ref,
        poc_verdict: verdict,
        poc_verdict_note: note,
        created_at: '2026-01-02T09:00:00.000Z',
        updated_at: updatedAt,
      });
      // The engagements table as 0025 left it: `opportunity_ref` free text, no `opportunity_id`.
      await (old.kysely as unknown as Kysely<{ engagements: ReturnType<typeof engagement> }>)
        .insertInto('engagements')
        .values([
          engagement(
            ids.passed,
            accountA,
            'Kestrel — maintenance analytics PoC',
            'OPP-2041',
            'pass',
            'All four criteria met',
            '2026-02-10T10:00:00.000Z',
          ),
          engagement(ids.sameDeal, accountA, 'Kestrel — first attempt', ' opp-2041 ', 'fail', 'Too slow', '2026-01-20T10:00:00.000Z'),
          engagement(
            ids.link,
            accountB,
            'Globex pilot',
            'https://crm.example.com/opp/42',
            'fail',
            'Ingest too slow',
            '2026-02-01T10:00:00.000Z',
          ),
          engagement(ids.implementation, accountB, 'Globex rollout', 'OPP-9', null, null, '2026-02-01T10:00:00.000Z', 'implementation'),
          engagement(ids.otherAccount, accountB, 'Globex analytics PoC', 'OPP-2041', 'pending', null, '2026-02-01T10:00:00.000Z'),
          engagement(ids.blank, accountA, 'Kestrel — blank reference', '   ', null, null, '2026-02-01T10:00:00.000Z'),
          engagement(ids.none, accountA, 'Kestrel — no reference', null, null, null, '2026-02-01T10:00:00.000Z'),
        ])
        .execute();
    });
  }, 120_000);
  afterAll(async () => db?.close());

  const linkOf = async (id: string) =>
    (await db.kysely.selectFrom('engagements').select('opportunity_id').where('id', '=', id).executeTakeFirstOrThrow()).opportunity_id;
  const dealOf = async (id: string) =>
    db.kysely
      .selectFrom('opportunities')
      .selectAll()
      .where('id', '=', (await linkOf(id))!)
      .executeTakeFirstOrThrow();

  it('creates one deal per account and reference, in technical validation with no ARR, and links the engagements', async () => {
    const kestrel = await dealOf(ids.passed);
    expect(kestrel).toMatchObject({
      account_id: accountA,
      name: 'OPP-2041',
      stage: 'technical_validation',
      arr: 0,
      products: '[]',
      closed_at: null,
    });
    expect(await linkOf(ids.sameDeal)).toBe(kestrel.id);
    // The same reference on another account is another deal.
    const other = await dealOf(ids.otherAccount);
    expect(other.id).not.toBe(kestrel.id);
    expect(other).toMatchObject({ account_id: accountB, name: 'OPP-2041', technical_win: 'in_progress' });
    expect(await dealOf(ids.implementation)).toMatchObject({ name: 'OPP-9', technical_win: 'in_progress', technical_win_reason: null });
    expect(await linkOf(ids.blank)).toBeNull();
    expect(await linkOf(ids.none)).toBeNull();
    const { n } = await db.kysely
      .selectFrom('opportunities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(4);
  });

  it('names a deal after its engagement when the reference was a link, keeping the link', async () => {
    const deal = await dealOf(ids.link);
    expect(deal.name).toBe('Globex pilot');
    expect(deal.description).toContain('https://crm.example.com/opp/42');
  });

  it('gives each deal the technical win of its latest decided PoC verdict, with its history started', async () => {
    expect(await dealOf(ids.passed)).toMatchObject({
      technical_win: 'won',
      technical_win_reason: 'PoC “Kestrel — maintenance analytics PoC” passed: All four criteria met',
    });
    expect(await dealOf(ids.link)).toMatchObject({
      technical_win: 'lost',
      technical_win_reason: 'PoC “Globex pilot” failed: Ingest too slow',
    });
    const history = await db.kysely
      .selectFrom('opportunity_stage_changes')
      .select(['field', 'from_value', 'to_value'])
      .where('opportunity_id', '=', (await linkOf(ids.passed))!)
      .orderBy('field')
      .execute();
    expect(history).toEqual([
      { field: 'stage', from_value: null, to_value: 'technical_validation' },
      { field: 'technical_win', from_value: null, to_value: 'won' },
    ]);
  });

  it('shows the link through the engagement API', async () => {
    const engagement = await getEngagement(db.kysely, ids.link);
    expect(engagement.opportunity).toEqual({ id: await linkOf(ids.link), name: 'Globex pilot' });
  });
});
