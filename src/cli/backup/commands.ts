import type { Command } from 'commander';
import { loadConfig } from '../../app/config.js';
import { progressBar } from '../progress.js';
import { backupWorkspace } from './backup.js';
import { restoreWorkspace } from './restore.js';

/** `outpost backup` and `outpost restore`: one archive with the database and its data folders. */
export function addBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write one .tar.gz with a consistent copy of the database and the attachments and raw-mail folders of OUTPOST_DATA_DIR. ' +
        'Safe while the server runs: SQLite is copied with its online backup API, PostgreSQL with pg_dump (the PostgreSQL client tools must be installed).',
    )
    .requiredOption('--out <file-or-dir>', 'the archive to write, or a folder to write outpost-backup-<date>.tar.gz in')
    .action(async (options: { out: string }) => {
      const config = loadConfig();
      const started = Date.now();
      const result = await backupWorkspace({
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        out: options.out,
        progress: progressBar,
      });
      const rows = Object.values(result.manifest.tables).reduce((a, b) => a + b, 0);
      const files = Object.values(result.manifest.files).reduce((a, b) => a + b, 0);
      console.log(
        `Wrote ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB): ${Object.keys(result.manifest.tables).length} tables, ` +
          `${rows} rows, ${files} files, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
    });

  program
    .command('restore')
    .description(
      'Restore a backup archive into DATABASE_URL and OUTPOST_DATA_DIR, then apply the migrations newer than the backup. ' +
        'SQLite: stop the server first (the database file is replaced). PostgreSQL: pg_restore --clean --if-exists into the target.',
    )
    .argument('<archive>', 'a .tar.gz written by `outpost backup`')
    .option('--force', 'replace a target database (and data folders) that already hold a workspace')
    .action(async (archive: string, options: { force?: boolean }) => {
      const config = loadConfig();
      const result = await restoreWorkspace({
        archive,
        databaseUrl: config.databaseUrl,
        dataDir: config.dataDir,
        force: options.force,
        progress: progressBar,
      });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      console.log(`Restored the backup of ${result.manifest.createdAt}: ${Object.keys(result.tables).length} tables, ${rows} rows.`);
      if (result.applied.length) console.log(`Applied migrations newer than the backup: ${result.applied.join(', ')}`);
      else if (result.mismatches.length) console.log(`Row counts differ from the backup's manifest in: ${result.mismatches.join(', ')}`);
      else console.log('Every table has the row count the backup recorded.');
    });
}
