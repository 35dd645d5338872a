import { Command, Option } from 'commander';
import { loadConfig } from '../app/config.js';
import { startWorkbench } from '../app/start.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_ADMIN_EMAIL } from '../db/seed/demo-data.js';
import { demoAdminPassword, newDemoPassword } from '../db/seed/demo-password.js';
import { hasData, seedDemoWorkspace } from '../db/seed/demo-workspace.js';
import { seedBenchDataset } from '../db/seed/bench-dataset.js';
import { SYSTEM_CONTEXT } from '../kernel/actor.js';
import { wireModules } from '../app/wire-modules.js';
import { MIN_PASSWORD_LENGTH } from '../modules/identity/index.js';
import { ROLES } from '../modules/identity/index.js';
import { randomSecret } from '../kernel/secrets.js';
import * as team from '../modules/team/index.js';
import { progressBar } from './progress.js';
import { reindexAll } from '../modules/search/index.js';
import { addBackupCommands } from './backup/commands.js';

wireModules();

const program = new Command('outpost').description('Outpost — the workbench for customer-facing engineering teams').showHelpAfterError();

async function withDatabase<T>(work: (db: ReturnType<typeof connect>) => Promise<T>): Promise<T> {
  const db = connect(loadConfig().databaseUrl);
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

program
  .command('serve')
  .description('Run the workbench (API and web app). DATABASE_URL picks the database, PORT the port.')
  .option('--seed-demo', 'seed the demo workspace when the database is empty')
  .action(async (options: { seedDemo?: boolean }) => {
    const config = loadConfig();
    let seeded = '';
    const running = await startWorkbench(config, async (db) => {
      if (options.seedDemo && !(await hasData(db.kysely))) {
        // Chosen (and kept) before the seed, so a seed cut short still leaves a known password.
        const demo = await newDemoPassword(config.dataDir);
        const bar = progressBar('Seeding demo workspace');
        await seedDemoWorkspace(db.kysely, new Date(), { password: demo.password, onProgress: (done, total) => bar.update(done, total) });
        bar.stop();
        seeded = `  The demo workspace was created${demo.keptIn ? `; its password is kept in ${demo.keptIn}` : ''}.`;
      }
    });
    const demoPassword = await demoAdminPassword(running.db.kysely, config.dataDir);
    const lines = [
      '',
      `  Outpost is running at ${running.url}`,
      `  Database: ${running.db.dialect}${running.db.dialect === 'sqlite' ? ` (${config.databaseUrl})` : ''}`,
      seeded,
      demoPassword ? `  Sign in as the demo admin: ${DEMO_ADMIN_EMAIL} / ${demoPassword}` : '',
      !(await hasData(running.db.kysely)) ? '  No members yet: create one with `outpost user create --email … --name … --role admin`.' : '',
      `  API docs: ${running.url}/api/docs`,
      '',
    ];
    process.stdout.write(lines.filter((l, i) => l !== '' || i === 0 || i === lines.length - 1).join('\n') + '\n');
    const shutdown = () => {
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const db = connect(loadConfig().databaseUrl);
    const applied = await migrateToLatest(db);
    await db.close();
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
  });

program
  .command('seed')
  .description('Seed data into an empty database')
  .option('--demo', 'the demo workspace: a team, 30 accounts, contacts and a year of interactions')
  .option('--bench', 'the benchmark dataset: --scale tickets, 10k accounts, 50k contacts, a 300-member team')
  .option('--scale <tickets>', 'tickets in the benchmark dataset', (v) => Number.parseInt(v, 10), 100_000)
  .action(async (options: { demo?: boolean; bench?: boolean; scale: number }) => {
    if (options.bench) {
      if (!Number.isInteger(options.scale) || options.scale < 1)
        program.error('--scale takes a whole number of tickets, e.g. --scale 1000000.');
      await withDatabase(async (db) => {
        const bar = progressBar('Generating benchmark dataset');
        const summary = await seedBenchDataset(db.kysely, db.dialect, {
          tickets: options.scale,
          onProgress: (done, total) => bar.update(done, total),
        });
        bar.stop();
        console.log(
          `Wrote ${summary.tickets} tickets, ${summary.messages} messages, ${summary.accounts} accounts, ${summary.contacts} contacts, ${summary.members} members and ${summary.searchDocuments} search documents: ` +
            `${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${summary.rowsPerSecond} rows/s).\n` +
            `Sign in as ${summary.adminEmail} / ${summary.password}; portal: ${summary.portalEmail} / ${summary.password}`,
        );
      });
      return;
    }
    if (!options.demo) program.error('Say what to seed: `outpost seed --demo` or `outpost seed --bench --scale <tickets>`.');
    await withDatabase(async (db) => {
      if (await hasData(db.kysely)) program.error('This database already has members; seed only into an empty one.');
      const demo = await newDemoPassword(loadConfig().dataDir);
      const bar = progressBar('Seeding demo workspace');
      const summary = await seedDemoWorkspace(db.kysely, new Date(), {
        password: demo.password,
        onProgress: (done, total) => bar.update(done, total),
      });
      bar.stop();
      console.log(
        `Seeded ${summary.members} members, ${summary.accounts} accounts, ${summary.contacts} contacts, ${summary.interactions} interactions, ${summary.tickets} tickets.\n` +
          `Sign in as ${summary.adminEmail} / ${summary.password}` +
          (demo.keptIn ? ` (every demo member's password; kept in ${demo.keptIn})` : ''),
      );
    });
  });

program
  .command('search')
  .description('Maintain the full-text search index')
  .command('reindex')
  .description('Rebuild the search index from tickets, messages, contacts, accounts and articles (searches keep working meanwhile)')
  .action(async () => {
    await withDatabase(async (db) => {
      const bar = progressBar('Indexing');
      const started = Date.now();
      const count = await reindexAll(db.kysely, (done, total) => bar.update(done, total));
      bar.stop();
      console.log(`Indexed ${count} records in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    });
  });

const user = program.command('user').description('Manage members from the command line');

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

user
  .command('create')
  .description('Create a member (for the first admin of an empty workspace, too)')
  .requiredOption('--email <email>', 'their e-mail address, used to sign in')
  .requiredOption('--name <name>', 'their full name')
  .addOption(
    new Option('--role <role>', 'a role from the catalogue; repeat for several')
      .choices([...ROLES])
      .argParser(collect)
      .default([]),
  )
  .option('--password <password>', `at least ${MIN_PASSWORD_LENGTH} characters; generated and printed when left out`)
  .action(async (options: { email: string; name: string; role: string[]; password?: string }) => {
    if (options.role.length === 0) program.error('Give at least one --role (for example --role admin).');
    await withDatabase(async (db) => {
      const { member, temporaryPassword } = await team.createMember(db.kysely, SYSTEM_CONTEXT, {
        email: options.email,
        name: options.name,
        roles: options.role as (typeof ROLES)[number][],
        ...(options.password ? { password: options.password } : {}),
      });
      console.log(`Created ${member.name} <${member.email}> with roles ${member.roles.join(', ')}.`);
      if (temporaryPassword) console.log(`Temporary password (shown once): ${temporaryPassword}`);
    });
  });

user
  .command('reset-password')
  .description('Set a new password for a member')
  .requiredOption('--email <email>', 'the member’s e-mail address')
  .option('--password <password>', 'the new password; generated and printed when left out')
  .action(async (options: { email: string; password?: string }) => {
    await withDatabase(async (db) => {
      const row = await team.findMemberRowByEmail(db.kysely, options.email);
      if (!row) return program.error(`No member has the e-mail ${options.email}.`);
      const password = options.password ?? randomSecret(12);
      if (password.length < MIN_PASSWORD_LENGTH) program.error(`Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`);
      await team.setPassword(db.kysely, SYSTEM_CONTEXT, row.id, password);
      console.log(options.password ? `Password changed for ${row.email}.` : `New password for ${row.email} (shown once): ${password}`);
    });
  });

addBackupCommands(program);
(await import('./import-commands.js')).addImportCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`outpost: ${message}`);
  process.exit(1);
});
