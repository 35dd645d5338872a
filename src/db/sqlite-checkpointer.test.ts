import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type Db } from './connect.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function tempFile(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-checkpoint-'));
  folders.push(folder);
  return path.join(folder, 'outpost.db');
}

async function writeRows(db: Db, count: number) {
  await sql`create table notes (id integer primary key, body text not null)`.execute(db.kysely);
  for (let i = 0; i < count; i++) {
    await db.kysely.transaction().execute((trx) => sql`insert into notes (body) values (${`note ${i} `.repeat(40)})`.execute(trx));
  }
}

/** How many notes the database file holds on its own, without its write-ahead log. */
function notesInMainFile(file: string): number {
  const copy = `${file}.copy`;
  fs.copyFileSync(file, copy);
  const reader = new SQLite(copy, { readonly: true });
  try {
    return (reader.prepare(`select count(*) as n from sqlite_master where name = 'notes'`).get() as { n: number }).n
      ? (reader.prepare('select count(*) as n from notes').get() as { n: number }).n
      : 0;
  } finally {
    reader.close();
  }
}

async function eventually(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return check();
}

describe('the SQLite background checkpointer', () => {
  it('copies committed writes into the database file while the server connection never has to', async () => {
    const file = tempFile();
    const db = connect(file, { backgroundCheckpoints: true });
    await writeRows(db, 300);
    expect(await eventually(() => notesInMainFile(file) === 300)).toBe(true);
    await db.close();
  });

  it('leaves the log alone without it, below the server connection’s own mark', async () => {
    const file = tempFile();
    const db = connect(file);
    await sql`pragma wal_autocheckpoint = 10000`.execute(db.kysely);
    await writeRows(db, 300);
    await new Promise((r) => setTimeout(r, 300));
    expect(notesInMainFile(file)).toBe(0);
    await db.close();
  });

  it('keeps every write across a close and a reopen', async () => {
    const file = tempFile();
    const db = connect(file, { backgroundCheckpoints: true });
    await writeRows(db, 50);
    await db.close();
    const again = connect(file);
    const { rows } = await sql<{ n: number }>`select count(*) as n from notes`.execute(again.kysely);
    expect(Number(rows[0]!.n)).toBe(50);
    await again.close();
  });
});

describe('SQLite transactions', () => {
  it('wait for another process’s write lock instead of failing when they read before they write', async () => {
    const file = tempFile();
    const db = connect(file);
    await sql`create table counters (name text primary key, value integer not null)`.execute(db.kysely);
    await sql`insert into counters values ('tickets', 0)`.execute(db.kysely);
    // Another connection (a CLI command, say) holds the write lock for a moment.
    const holder = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const SQLite = require(workerData.driver);
       const other = new SQLite(workerData.file);
       other.exec('begin immediate');
       parentPort.postMessage('locked');
       const until = Date.now() + 150;
       while (Date.now() < until);
       other.exec('commit');
       other.close();`,
      { eval: true, execArgv: [], workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') } },
    );
    await new Promise((resolve) => holder.once('message', resolve));
    const value = await db.kysely.transaction().execute(async (trx) => {
      const { rows } = await sql<{ value: number }>`select value from counters where name = 'tickets'`.execute(trx);
      await sql`update counters set value = ${rows[0]!.value + 1} where name = 'tickets'`.execute(trx);
      return rows[0]!.value + 1;
    });
    expect(value).toBe(1);
    await holder.terminate();
    await db.close();
  });
});
