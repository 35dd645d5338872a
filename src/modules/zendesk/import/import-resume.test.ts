import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { connect, type Db } from '../../../db/connect.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { freshDatabase, testDialects } from '../../../db/test-database.js';
import type { DialectName } from '../../../db/dialect.js';
import { generateZendeskExport } from './export-generator.js';

const root = path.resolve(import.meta.dirname, '../../../..');

/** A database a child process can open too: a SQLite file, or this test's PostgreSQL schema named in the URL. */
async function sharedDatabase(dialect: DialectName, dir: string): Promise<{ db: Db; url: string }> {
  if (dialect === 'sqlite') {
    const file = path.join(dir, 'outpost.db');
    const db = connect(file);
    await migrateToLatest(db);
    return { db, url: file };
  }
  const db = await freshDatabase('postgres');
  const { rows } = await sql<{ search_path: string }>`show search_path`.execute(db.kysely);
  const url = new URL(process.env.OUTPOST_TEST_POSTGRES_URL!);
  url.searchParams.set('options', `-c search_path=${rows[0]!.search_path}`);
  return { db, url: url.toString() };
}

/** `outpost import zendesk <folder>` as a separate process, the way an operator runs (and kills) it. */
function runImport(folder: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', 'zendesk', folder, '--batch-size', '10'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function runState(db: Db) {
  const run = await db.kysely.selectFrom('import_runs').selectAll().orderBy('started_at', 'desc').executeTakeFirst();
  return run ? { status: run.status, counts: JSON.parse(run.counts), checkpoint: JSON.parse(run.checkpoint) } : null;
}

describe.each(testDialects())('a Zendesk import killed half-way on %s', (dialect) => {
  it('restarts where it stopped and finishes with the counts of an uninterrupted run', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-resume-'));
    const folder = path.join(dir, 'export');
    fs.mkdirSync(folder);
    const manifest = await generateZendeskExport(folder, { tickets: 400, comments: 'separate', seed: 3 });
    const { db, url } = await sharedDatabase(dialect, dir);
    const env = { DATABASE_URL: url, OUTPOST_DATA_DIR: path.join(dir, 'data') };
    try {
      const first = runImport(folder, env);
      // Kill it (SIGKILL: no chance to tidy up) once it is well into the tickets.
      let killedAt = -1;
      while (first.child.exitCode === null) {
        const state = await runState(db);
        const position = state?.checkpoint.tickets?.position ?? 0;
        if (position >= 100) {
          killedAt = position;
          first.child.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      await first.exited;
      expect(killedAt, first.output()).toBeGreaterThan(0);
      const halfway = await runState(db);
      expect(halfway?.status).toBe('running');
      expect(halfway?.counts.ticket.imported).toBeLessThan(manifest.ticketsExpected);

      const second = runImport(folder, env);
      expect(await second.exited, second.output()).toBe(0);
      expect(second.output()).toContain('(resumed)');
      const done = await runState(db);
      expect(done?.status).toBe('finished');
      expect(done?.counts.ticket).toEqual({ imported: manifest.ticketsExpected, unchanged: 0, skipped: manifest.skipsExpected.ticket });
      expect(done?.counts.comment.imported).toBe(manifest.commentsExpected);
      expect(done?.counts.attachment.imported).toBe(manifest.attachmentsExpected);
      expect(done?.counts.satisfaction_rating.imported).toBe(manifest.ratingsExpected);
      // Nothing written twice: the killed batch rolled back whole, and the resumed run started after the last commit.
      const tickets = await db.kysely
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const messages = await db.kysely
        .selectFrom('ticket_messages')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(tickets.n)).toBe(manifest.ticketsExpected);
      expect(Number(messages.n)).toBe(manifest.commentsExpected);
      const skips = await db.kysely
        .selectFrom('import_skips')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(skips.n)).toBe(Object.values(manifest.skipsExpected).reduce((a, b) => a + b, 0));
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
