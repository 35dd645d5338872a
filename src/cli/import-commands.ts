import fs from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../app/config.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { FolderSource, LiveSource, importZendesk, formatImportReport, type ZendeskSource } from '../modules/zendesk/index.js';
import { errors } from '../kernel/errors.js';

/** A bar per run that shows the step, records read and records per second (the total of a streamed export is not known up front). */
function importProgress() {
  const bar = new cliProgress.SingleBar(
    { format: 'Importing {step} | {value} records | {speed} records/s | {duration_formatted}', hideCursor: true, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  let step = '';
  let startedAt = Date.now();
  let startedFrom = 0;
  return {
    update(next: string, done: number) {
      if (next !== step) {
        if (step) bar.stop();
        step = next;
        startedAt = Date.now();
        startedFrom = done;
        bar.start(0, done, { step, speed: 0 });
      }
      const seconds = (Date.now() - startedAt) / 1000;
      bar.setTotal(done);
      bar.update(done, { step, speed: seconds > 0 ? Math.round((done - startedFrom) / seconds) : 0 });
    },
    stop() {
      if (step) bar.stop();
    },
  };
}

export function addImportCommands(program: Command): void {
  program
    .command('import')
    .description('Bring data in from another help desk')
    .command('zendesk')
    .description(
      'Import a Zendesk account: from an export folder (organizations, users, groups, ticket_fields, macros, tickets, ' +
        'ticket_comments or ticket_events, satisfaction_ratings as .json or .jsonl; attachments/) or live with --url. ' +
        'Running it again changes nothing; a run that was stopped resumes where it stopped.',
    )
    .argument('[folder]', 'the export folder')
    .option('--url <url>', 'a Zendesk (or Zendesk-compatible) base URL, e.g. https://acme.zendesk.com')
    .option('--email <email>', 'the e-mail of the agent whose API token is used')
    .option('--token <token>', 'a Zendesk API token (sent as email/token:TOKEN)')
    .option('--batch-size <n>', 'records per transaction', (v) => Number.parseInt(v, 10), 250)
    .action(async (folder: string | undefined, options: { url?: string; email?: string; token?: string; batchSize: number }) => {
      let source: ZendeskSource;
      if (options.url) {
        if (!options.email || !options.token) program.error('A live import needs --email and --token as well as --url.');
        source = new LiveSource({ url: options.url, email: options.email!, token: options.token! });
      } else {
        if (!folder) program.error('Name the export folder (`outpost import zendesk ./export`) or a live account with --url.');
        if (!fs.existsSync(folder!) || !fs.statSync(folder!).isDirectory()) throw errors.zendeskExportFolderMissing({ folder });
        source = new FolderSource(folder!);
      }
      const db = connect(loadConfig().databaseUrl);
      const bar = importProgress();
      try {
        await migrateToLatest(db);
        const report = await importZendesk(db.kysely, source, {
          batchSize: options.batchSize,
          onProgress: (step, done) => bar.update(step, done),
        });
        bar.stop();
        console.log(formatImportReport(report, source instanceof LiveSource ? source.notes : []));
      } finally {
        bar.stop();
        await db.close();
      }
    });
}
