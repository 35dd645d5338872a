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
 * Test files share one PostgreSQL database, each in its own schema. Kysely's migrator lists the
 * tables and columns of every schema, and PostgreSQL fails that scan ("schema does not exist",
 * "column does not exist") when another file drops its schema at the same moment. So schemas are
 * created and migrated under a shared advisory lock and dropped under the exclusive one: any
 * number of files migrate at once, and a drop waits until none is scanning.
 */
const SCHEMA_CHANGE_LOCK = 740_210_001;

async function withSchemaLock<T>(url: string, mode: 'shared' | 'exclusive', work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(mode === 'shared' ? 'select pg_advisory_lock_shared($1)' : 'select pg_advisory_lock($1)', [SCHEMA_CHANGE_LOCK]);
    return await work(client);
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}

/** Drops a schema a test made, waiting until no other test file is migrating. */
export async function dropTestSchema(url: string, schema: string): Promise<void> {
  await withSchemaLock(url, 'exclusive', (client) => client.query(`drop schema if exists ${schema} cascade`));
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
  const db = connect(url, { searchPath: schema, poolSize: 4 });
  try {
    await withSchemaLock(url, 'shared', async (client) => {
      await client.query(`create schema ${schema}`);
      await migrateToLatest(db);
    });
  } catch (err) {
    await db.close();
    await dropTestSchema(url, schema);
    throw err;
  }
  return {
    ...db,
    close: async () => {
      await db.close();
      await dropTestSchema(url, schema);
    },
  };
}
