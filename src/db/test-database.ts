import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Db } from './connect.js';
import type { DialectName } from './dialect.js';
import { migrateToLatest } from './migrate.js';

/**
 * The dialects integration tests run on: SQLite always, PostgreSQL whenever
 * `OUTPOST_TEST_POSTGRES_URL` is set (CI sets it and fails if PostgreSQL is absent).
 */
export function testDialects(): DialectName[] {
  return process.env.OUTPOST_TEST_POSTGRES_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Kysely's migrator lists the tables of every schema, and PostgreSQL answers "schema does not
 * exist" (3F000) when another test file drops its schema during that scan (seen once in a full
 * run). The scan is read-only, so it is simply run again.
 */
async function migrateRacingOtherTests(db: Db): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateToLatest(db);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '3F000' || attempt === 3) throw err;
    }
  }
}

/**
 * A fresh, migrated database of the given dialect. On PostgreSQL each call gets its own schema
 * (cheap, and parallel test files never see each other's rows); `close` drops it.
 */
export async function freshDatabase(dialect: DialectName): Promise<Db> {
  if (dialect === 'sqlite') {
    const db = connect(':memory:');
    await migrateToLatest(db);
    return db;
  }
  const url = process.env.OUTPOST_TEST_POSTGRES_URL;
  if (!url) throw new Error('OUTPOST_TEST_POSTGRES_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = connect(url, { searchPath: schema, poolSize: 4 });
  await migrateRacingOtherTests(db);
  return {
    ...db,
    close: async () => {
      await db.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop schema ${schema} cascade`);
      await dropper.end();
    },
  };
}
