import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db } from '../../db/connect.js';
import type { DialectName } from '../../db/dialect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDemoWorkspace } from '../../db/seed/demo-workspace.js';
import { freshDatabase, testDialects } from '../../db/test-database.js';
import { backupWorkspace } from './backup.js';
import { restoreWorkspace, TargetNotEmptyError } from './restore.js';
import { listTables, tableCounts } from './tables.js';

const NOW = new Date('2026-11-25T12:00:00Z');
/** The table the concurrent writer fills while the backup runs (nothing else writes it here). */
const WRITER_TABLE = 'rate_limit_counters';

/** A source workspace and an empty restore target of one dialect, with their data folders. */
interface Place {
  url: string;
  schema?: string;
  dataDir: string;
  open(): Db;
  drop(): Promise<void>;
}

const tmpRoot = () => fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-backup-test-'));

async function sourcePlace(dialect: DialectName): Promise<Place & { db: Db }> {
  const dataDir = tmpRoot();
  if (dialect === 'sqlite') {
    const url = path.join(dataDir, 'outpost.db');
    const db = connect(url);
    await migrateToLatest(db);
    return {
      url,
      dataDir,
      db,
      open: () => connect(url),
      drop: async () => void (await db.close(), fs.rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  // A schema of the shared test database, as every PostgreSQL test gets.
  const db = await freshDatabase('postgres');
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely);
  const schema = rows[0]!.schema;
  const url = process.env.OUTPOST_TEST_POSTGRES_URL!;
  return {
    url,
    schema,
    dataDir,
    db,
    open: () => connect(url, { searchPath: schema }),
    drop: async () => void (await db.close(), fs.rmSync(dataDir, { recursive: true, force: true })),
  };
}

/** A new, empty target: a SQLite file not yet written, or a PostgreSQL database of its own. */
async function targetPlace(dialect: DialectName, schema?: string): Promise<Place> {
  const dataDir = tmpRoot();
  if (dialect === 'sqlite') {
    const url = path.join(dataDir, 'restored.db');
    return { url, dataDir, open: () => connect(url), drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const base = process.env.OUTPOST_TEST_POSTGRES_URL!;
  const name = `restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    schema,
    dataDir,
    open: () => connect(url.toString(), schema ? { searchPath: schema } : {}),
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function primaryKey(db: Db, table: string): Promise<string[]> {
  const { rows } =
    db.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_table_info(${table}) where pk > 0 order by pk`.execute(db.kysely)
      : await sql<{ name: string }>`select a.attname as name from pg_index i
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
          where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${table}))::regclass and i.indisprimary
          order by array_position(i.indkey::int2[], a.attnum)`.execute(db.kysely);
  return rows.map((r) => r.name);
}

/** The first and last rows by primary key (tables without one, such as full-text shadows, are skipped). */
async function edgeRows(db: Db, table: string, key: string[]): Promise<unknown[]> {
  const order = (dir: 'asc' | 'desc') => sql.join(key.map((k) => sql`${sql.id(k)} ${sql.raw(dir)}`));
  const first = await sql`select * from ${sql.id(table)} order by ${order('asc')} limit 1`.execute(db.kysely);
  const last = await sql`select * from ${sql.id(table)} order by ${order('desc')} limit 1`.execute(db.kysely);
  return [...first.rows, ...last.rows];
}

async function rowByKey(db: Db, table: string, key: string[], row: unknown): Promise<unknown> {
  const where = sql.join(
    key.map((k) => sql`${sql.id(k)} = ${(row as Record<string, unknown>)[k]}`),
    sql` and `,
  );
  return (await sql`select * from ${sql.id(table)} where ${where}`.execute(db.kysely)).rows[0];
}

describe.each(testDialects())('outpost backup and restore on %s', (dialect) => {
  let source: Place & { db: Db };
  let target: Place;
  let archive: string;
  let writerBefore: number;
  let writerAfter: number;
  let written: number;

  beforeAll(async () => {
    source = await sourcePlace(dialect);
    await seedDemoWorkspace(source.db.kysely, NOW);
    fs.mkdirSync(path.join(source.dataDir, 'attachments', 'ab'), { recursive: true });
    fs.writeFileSync(path.join(source.dataDir, 'attachments', 'ab', 'att-1.pdf'), randomBytes(40_000));
    fs.mkdirSync(path.join(source.dataDir, 'raw-mail'), { recursive: true });
    fs.writeFileSync(path.join(source.dataDir, 'raw-mail', 'msg-1.eml'), 'From: a@b.test\r\nSubject: hi\r\n\r\nbody\r\n');

    // A second connection keeps inserting while the backup runs, as the server would.
    const writer = source.open();
    writerBefore = (await tableCounts(source.db.kysely, dialect))[WRITER_TABLE]!;
    let stop = false;
    written = 0;
    const writing = (async () => {
      while (!stop) {
        await writer.kysely
          .insertInto(WRITER_TABLE)
          .values({ key: `writer-${String(written).padStart(6, '0')}`, count: written, expires_at: NOW.toISOString() })
          .execute();
        written++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      while (written < 5) await new Promise((resolve) => setTimeout(resolve, 5));
      const result = await backupWorkspace({
        databaseUrl: source.url,
        schema: source.schema,
        dataDir: source.dataDir,
        out: path.join(source.dataDir, 'out') + '/',
        now: NOW,
      });
      archive = result.file;
    } finally {
      stop = true;
      await writing;
      await writer.close();
    }
    writerAfter = (await tableCounts(source.db.kysely, dialect))[WRITER_TABLE]!;
    target = await targetPlace(dialect, source.schema);
    // Seeding the whole demo (every module) on PostgreSQL takes minutes on a busy two-core machine.
  }, 300_000);

  afterAll(async () => {
    await source?.drop();
    await target?.drop();
  });

  it('restores every table with the source row counts and the same first and last rows, the writer’s table as of one moment', async () => {
    expect(written).toBeGreaterThan(5);
    const result = await restoreWorkspace({ archive, databaseUrl: target.url, dataDir: target.dataDir });
    expect(result.applied).toEqual([]);
    expect(result.mismatches).toEqual([]);

    const restored = target.open();
    try {
      const sourceCounts = await tableCounts(source.db.kysely, dialect);
      const restoredCounts = await tableCounts(restored.kysely, dialect);
      expect(Object.keys(restoredCounts)).toEqual(Object.keys(sourceCounts));
      expect(restoredCounts).toEqual(result.manifest.tables);
      for (const [table, n] of Object.entries(sourceCounts)) {
        if (table === WRITER_TABLE || table.startsWith('search_fts')) continue;
        expect(restoredCounts[table], table).toBe(n);
      }
      // The snapshot was taken while the writer ran: some of its rows, a consistent prefix.
      const captured = restoredCounts[WRITER_TABLE]!;
      expect(captured).toBeGreaterThan(writerBefore);
      expect(captured).toBeLessThanOrEqual(writerAfter);
      expect(sourceCounts.tickets).toBeGreaterThan(0);

      let sampled = 0;
      for (const table of await listTables(restored.kysely, dialect)) {
        const key = await primaryKey(restored, table);
        if (key.length === 0) continue;
        for (const row of await edgeRows(restored, table, key)) {
          expect(await rowByKey(source.db, table, key, row), table).toEqual(row);
          sampled++;
        }
        if (table !== WRITER_TABLE) expect(await edgeRows(restored, table, key), table).toEqual(await edgeRows(source.db, table, key));
      }
      expect(sampled).toBeGreaterThan(50);
    } finally {
      await restored.close();
    }
    expect(fs.readFileSync(path.join(target.dataDir, 'attachments', 'ab', 'att-1.pdf'))).toEqual(
      fs.readFileSync(path.join(source.dataDir, 'attachments', 'ab', 'att-1.pdf')),
    );
    expect(fs.readFileSync(path.join(target.dataDir, 'raw-mail', 'msg-1.eml'), 'utf8')).toContain('Subject: hi');
  });

  it('refuses a target that holds a workspace unless forced', async () => {
    await expect(restoreWorkspace({ archive, databaseUrl: target.url, dataDir: target.dataDir })).rejects.toThrow(TargetNotEmptyError);
    await expect(restoreWorkspace({ archive, databaseUrl: target.url, dataDir: target.dataDir })).rejects.toThrow(/not empty.*--force/s);
    const forced = await restoreWorkspace({ archive, databaseUrl: target.url, dataDir: target.dataDir, force: true });
    expect(forced.mismatches).toEqual([]);
  });

  it('brings an older backup up to date with the migrations it lacks', async () => {
    const old = await sourcePlace(dialect);
    const fresh = await targetPlace(dialect, old.schema);
    try {
      await old.db.kysely.schema.dropTable('rate_limit_counters').execute();
      await sql`delete from kysely_migration where name = '0017-rate-limit-counters'`.execute(old.db.kysely);
      const { file } = await backupWorkspace({
        databaseUrl: old.url,
        schema: old.schema,
        dataDir: old.dataDir,
        out: path.join(old.dataDir, 'old.tar.gz'),
      });
      const result = await restoreWorkspace({ archive: file, databaseUrl: fresh.url, dataDir: fresh.dataDir });
      expect(result.applied).toEqual(['0017-rate-limit-counters']);
      expect(result.tables).toHaveProperty('rate_limit_counters', 0);
    } finally {
      await old.drop();
      await fresh.drop();
    }
  }, 60_000);

  if (dialect === 'postgres') {
    it('names pg_dump or pg_restore when it is not installed, and leaves the target as it was', async () => {
      const noTools = { ...process.env, PATH: '/nonexistent' };
      await expect(
        backupWorkspace({
          databaseUrl: source.url,
          schema: source.schema,
          dataDir: source.dataDir,
          out: path.join(source.dataDir, 'x.tar.gz'),
          env: noTools,
        }),
      ).rejects.toThrow(/pg_dump was not found on the PATH.*postgresql-client/s);
      expect(fs.existsSync(path.join(source.dataDir, 'x.tar.gz'))).toBe(false);
      await expect(
        restoreWorkspace({ archive, databaseUrl: target.url, dataDir: target.dataDir, force: true, env: noTools }),
      ).rejects.toThrow(/pg_restore was not found/);
      const restored = target.open();
      try {
        expect((await tableCounts(restored.kysely, dialect)).tickets).toBeGreaterThan(0);
      } finally {
        await restored.close();
      }
    });
  }
});
