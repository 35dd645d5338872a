import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect, type StatementSource } from './group-commit-driver.js';
import { sqliteSynchronous } from '../connect.js';

interface Schema {
  notes: { id: Generated<number>; body: string };
}

/** A statement source that counts COMMITs, and can be told to fail the next one. */
function countingStatements(sqlite: SQLite.Database) {
  const counts = { commits: 0, failNextCommit: false };
  const source: StatementSource = {
    close: () => sqlite.close(),
    prepare(text) {
      if (text !== 'commit') return sqlite.prepare(text);
      counts.commits++;
      if (counts.failNextCommit) {
        counts.failNextCommit = false;
        return { run: throwIo } as unknown as SQLite.Statement;
      }
      return sqlite.prepare(text);
    },
  };
  return { source, counts };
}

function throwIo(): never {
  throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit on SQLite', () => {
  let dir: string;
  let file: string;
  let db: Kysely<Schema>;
  let dialect: GroupCommitSqliteDialect;
  let counts: { commits: number; failNextCommit: boolean };

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-group-commit-'));
    file = path.join(dir, 'db.sqlite');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    const counting = countingStatements(sqlite);
    counts = counting.counts;
    dialect = new GroupCommitSqliteDialect(sqlite, counting.source);
    db = new Kysely<Schema>({ dialect });
    await sql`create table notes (id integer primary key, body text not null unique)`.execute(db);
    counts.commits = 0;
  });

  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A transaction that yields to the event loop between its statements, as a request's does. */
  async function addNote(body: string): Promise<void> {
    await db.transaction().execute(async (trx) => {
      await tick();
      await trx.insertInto('notes').values({ body }).execute();
      await tick();
    });
  }

  it('commits transactions that queue for the connection together, and keeps every one', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => addNote(`note ${i}`)));
    const rows = await db.selectFrom('notes').select('body').execute();
    expect(rows).toHaveLength(20);
    expect(counts.commits).toBeGreaterThanOrEqual(1);
    expect(counts.commits).toBeLessThan(20);
  });

  it('answers a transaction only once another connection can read what it wrote', async () => {
    const reader = new SQLite(file, { readonly: true });
    try {
      const seenAtAnswer = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          await addNote(`durable ${i}`);
          return reader.prepare('select count(*) as n from notes where body = ?').get(`durable ${i}`) as { n: number };
        }),
      );
      expect(seenAtAnswer.map((r) => r.n)).toEqual(Array(8).fill(1));
    } finally {
      reader.close();
    }
  });

  it('rolls back a failing transaction alone: the others in its group are kept', async () => {
    await addNote('taken');
    const results = await Promise.allSettled([addNote('first'), addNote('taken'), addNote('third')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const bodies = (await db.selectFrom('notes').select('body').orderBy('id').execute()).map((r) => r.body);
    expect(bodies).toEqual(['taken', 'first', 'third']);
  });

  it('fails every transaction of a group whose COMMIT fails, and keeps none of their writes', async () => {
    counts.failNextCommit = true;
    const results = await Promise.allSettled([addNote('a'), addNote('b'), addNote('c')]);
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await db.selectFrom('notes').select('body').execute()).toEqual([]);
    // The connection is usable afterwards.
    await addNote('after');
    expect((await db.selectFrom('notes').select('body').execute()).map((r) => r.body)).toEqual(['after']);
  });

  it('lets a read between two writes of a group see the first, and holds answers until the COMMIT', async () => {
    const reader = new SQLite(file, { readonly: true });
    try {
      const first = addNote('one');
      const second = addNote('two');
      // Queued behind both writes: it runs inside their group, before its COMMIT.
      const read = db.selectFrom('notes').select('body').execute();
      const pendingAtRead = read.then(() => dialect.driver!.pendingCommit());
      const seen = await read;
      expect(seen.map((r) => r.body).sort()).toEqual(['one', 'two']);
      const pending = await pendingAtRead;
      // What the read saw is not on disk for others until the COMMIT that the server waits for.
      if (pending) await pending;
      expect((reader.prepare('select count(*) as n from notes').get() as { n: number }).n).toBe(2);
      await Promise.all([first, second]);
      expect(counts.commits).toBe(1);
    } finally {
      reader.close();
    }
  });

  it('commits the open group before a write outside a transaction, which commits on its own', async () => {
    const grouped = [addNote('one'), addNote('two')];
    const single = db.insertInto('notes').values({ body: 'single' }).execute();
    await Promise.all([...grouped, single]);
    // One COMMIT statement, the group's; the single write then committed by itself (autocommit).
    expect(counts.commits).toBe(1);
    expect(await db.selectFrom('notes').select('body').execute()).toHaveLength(3);
  });
});

describe('OUTPOST_SQLITE_SYNCHRONOUS', () => {
  it('takes normal (the default) or full, and refuses anything else with the variable named', () => {
    expect(sqliteSynchronous(undefined)).toBe('NORMAL');
    expect(sqliteSynchronous(' Full ')).toBe('FULL');
    expect(() => sqliteSynchronous('off')).toThrow(/OUTPOST_SQLITE_SYNCHRONOUS must be "normal" or "full"/);
  });
});
