/**
 * `zendesk_import_tickets_per_s` (issue 18; target 1M tickets with 4M comments in ≤ 30 min on two
 * cores, i.e. ≥ 556 tickets/s): generates a Zendesk export (10,000 tickets, ~40,000 comments,
 * attachments, custom fields, CSAT, odd rows) and imports it into a fresh database, in-process,
 * checking every row the export's manifest expects landed. Reports wall-clock and CPU seconds: on
 * a shared machine the CPU time is the steadier figure.
 *
 * Standalone: npx tsx bench/zendesk-import.ts [--tickets 10000] [--postgres-url postgres://…/db]
 * In the bench: npm run bench -- --only zendesk_import
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { connect } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { wireModules } from '../src/app/wire-modules.js';
import { generateZendeskExport } from '../src/modules/zendesk/import/export-generator.js';
import { FolderSource, importZendesk } from '../src/modules/zendesk/index.js';

export interface ZendeskImportFigures {
  database: 'sqlite' | 'postgres';
  tickets: number;
  comments: number;
  seconds: number;
  cpuSeconds: number;
  ticketsPerSecond: number;
  /** Tickets per CPU second of this process (the database's own work included on SQLite only). */
  ticketsPerCpuSecond: number;
  everyRowLanded: boolean;
}

async function freshPostgres(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop database if exists outpost_bench_zendesk with (force)');
  await admin.query('create database outpost_bench_zendesk');
  await admin.end();
  const target = new URL(url);
  target.pathname = '/outpost_bench_zendesk';
  return target.toString();
}

export async function measureZendeskImport(
  runDir: string,
  options: { tickets?: number; postgresUrl?: string } = {},
): Promise<ZendeskImportFigures> {
  const folder = path.join(runDir, 'zendesk-export');
  const manifest = await generateZendeskExport(folder, { tickets: options.tickets ?? 10_000, comments: 'separate' });
  const url = options.postgresUrl ? await freshPostgres(options.postgresUrl) : path.join(runDir, 'zendesk-import.db');
  const db = connect(url);
  process.env.OUTPOST_DATA_DIR = path.join(runDir, 'data');
  try {
    await migrateToLatest(db);
    const cpu = process.cpuUsage();
    const started = Date.now();
    const report = await importZendesk(db.kysely, new FolderSource(folder));
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    const c = report.counts;
    return {
      database: db.dialect,
      tickets: c.ticket?.imported ?? 0,
      comments: c.comment?.imported ?? 0,
      seconds: Math.round(seconds * 10) / 10,
      cpuSeconds: Math.round(cpuSeconds * 10) / 10,
      ticketsPerSecond: Math.round((c.ticket?.imported ?? 0) / seconds),
      ticketsPerCpuSecond: Math.round((c.ticket?.imported ?? 0) / cpuSeconds),
      everyRowLanded:
        c.ticket?.imported === manifest.ticketsExpected &&
        c.comment?.imported === manifest.commentsExpected &&
        c.attachment?.imported === manifest.attachmentsExpected &&
        c.satisfaction_rating?.imported === manifest.ratingsExpected &&
        c.user?.imported === manifest.users,
    };
  } finally {
    await db.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { tickets: { type: 'string', default: '10000' }, 'postgres-url': { type: 'string' } } });
  wireModules();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-bench-zendesk-'));
  measureZendeskImport(runDir, { tickets: Number(values.tickets), postgresUrl: values['postgres-url'] })
    .then((figures) =>
      process.stdout.write(`${JSON.stringify({ zendesk_import_tickets_per_s: figures.ticketsPerSecond, ...figures }, null, 2)}\n`),
    )
    .finally(() => fs.rmSync(runDir, { recursive: true, force: true }));
}

/** The bench's entry (`npm run bench -- --only zendesk_import`): logs the figures; true when nothing else was asked for. */
export async function benchZendeskImport(runDir: string, wanted: string[], log: (line: string) => void): Promise<boolean> {
  const figures = await measureZendeskImport(path.join(runDir, 'zendesk'));
  log(
    `zendesk_import ${figures.ticketsPerSecond} tickets/s (${figures.ticketsPerCpuSecond} per CPU second): ${figures.tickets} tickets, ${figures.comments} comments in ${figures.seconds} s on ${figures.database}, every row landed: ${figures.everyRowLanded} (target ≥ 556 tickets/s)`,
  );
  if (wanted.length > 1) return false;
  fs.rmSync(runDir, { recursive: true, force: true });
  return true;
}
