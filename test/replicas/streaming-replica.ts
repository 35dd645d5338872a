/**
 * A real PostgreSQL streaming replica of the test server, for tests of read replicas: a base
 * backup of the running cluster into a temporary folder, started as a hot standby on a free
 * loopback port. Needs root (it runs PostgreSQL as the `postgres` user) and the server binaries
 * (`pg_basebackup`, `pg_ctl`) of the primary's major version. Never touches the primary's data
 * folder; the one change it makes to the primary is the replication line in pg_hba.conf below.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const exec = promisify(execFile);

/** A cluster larger than this is refused (copying it takes minutes, not seconds) unless OUTPOST_TEST_REPLICA_MAX_BYTES allows it. */
const MAX_CLUSTER_BYTES = Number(process.env.OUTPOST_TEST_REPLICA_MAX_BYTES || 2 * 1024 ** 3);
const REPLICATION_LINE = 'host replication all 127.0.0.1/32 trust';
// Hot standby refuses to start unless these are at least the primary's values.
const STANDBY_MINIMUMS = [
  'max_connections',
  'max_worker_processes',
  'max_wal_senders',
  'max_prepared_transactions',
  'max_locks_per_transaction',
];

export interface StreamingReplica {
  port: number;
  /** The same database on the replica. */
  urlFor(database: string): string;
  /** `immediate` is a crash as far as the clients can tell: connections drop mid-query. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

/** The PostgreSQL binaries folder for a major version, or null when they are not installed. */
export function postgresBinaries(major: number | '*' = '*'): string | null {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => major === '*' || v === String(major)) : [];
  const found = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((bin) => ['pg_basebackup', 'pg_ctl'].every((b) => fs.existsSync(path.join(bin, b))));
  return found ?? null;
}

/** Why this machine cannot make a replica (empty when it can). */
export function replicaPrerequisitesMissing(): string[] {
  const missing: string[] = [];
  if (!process.env.OUTPOST_TEST_POSTGRES_URL) missing.push('OUTPOST_TEST_POSTGRES_URL is not set');
  if (!postgresBinaries()) missing.push('pg_basebackup and pg_ctl (/usr/lib/postgresql/<version>/bin) are not installed');
  if (process.getuid?.() !== 0) missing.push('the test must run as root (it runs the replica as the postgres user)');
  return missing;
}

/** Copies the primary at `primaryUrl` and starts the copy as a streaming hot standby. */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  const user = decodeURIComponent(primary.username || 'postgres');
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  let settings: Record<string, string>;
  let bin: string;
  try {
    const size = (await admin.query<{ bytes: string }>('select sum(pg_database_size(datname))::text as bytes from pg_database')).rows[0]!;
    if (Number(size.bytes) > MAX_CLUSTER_BYTES)
      throw new Error(
        `The PostgreSQL cluster at ${primary.host} holds ${(Number(size.bytes) / 1024 ** 3).toFixed(1)} GB; a replica of it is refused above ${(MAX_CLUSTER_BYTES / 1024 ** 3).toFixed(1)} GB. Drop the large databases (bench ones), point OUTPOST_TEST_POSTGRES_URL at a smaller cluster, or raise OUTPOST_TEST_REPLICA_MAX_BYTES.`,
      );
    await allowLoopbackReplication(admin);
    const version = Number((await admin.query<{ v: string }>("select current_setting('server_version_num') as v")).rows[0]!.v);
    const found = postgresBinaries(Math.floor(version / 10_000));
    if (!found)
      throw new Error(`PostgreSQL ${Math.floor(version / 10_000)}'s pg_basebackup and pg_ctl are not installed under /usr/lib/postgresql.`);
    bin = found;
    const rows = (
      await admin.query<{ name: string; setting: string }>('select name, setting from pg_settings where name = any($1)', [STANDBY_MINIMUMS])
    ).rows;
    settings = Object.fromEntries(rows.map((r) => [r.name, r.setting]));
  } finally {
    await admin.end();
  }

  const port = await freePort();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-replica-'));
  const dataDir = path.join(folder, 'data');
  const logFile = path.join(folder, 'replica.log');
  const run = async (command: string, args: string[], timeoutMs: number) => {
    try {
      await exec(command, args, { timeout: timeoutMs });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      const log = fs.existsSync(logFile) ? `\n--- ${logFile}:\n${fs.readFileSync(logFile, 'utf8').slice(-2000)}` : '';
      throw new Error(`${path.basename(command)} failed: ${e.stderr?.toString().trim() || e.message}${log}`);
    }
  };
  const asPostgres = (args: string[], timeoutMs: number) => run('runuser', ['-u', 'postgres', '--', ...args], timeoutMs);
  const pgCtl = path.join(bin, 'pg_ctl');
  const start = () =>
    asPostgres(
      [
        pgCtl,
        '-D',
        dataDir,
        '-l',
        logFile,
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${folder} -c hot_standby=on`,
        '-w',
        '-t',
        '30',
        'start',
      ],
      40_000,
    );
  const stop = (mode: 'fast' | 'immediate') => asPostgres([pgCtl, '-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop'], 40_000);

  try {
    // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    const baseBackup = () =>
      run(
        path.join(bin, 'pg_basebackup'),
        ['-h', primary.hostname, '-p', primary.port || '5432', '-U', user, '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast'],
        60_000,
      );
    // Once more if the copy was cut off: on a shared server someone else's checkpoint or
    // pg_terminate_backend can end the backup's WAL stream ("terminating connection due to
    // administrator command"), which says nothing about the code under test.
    await baseBackup().catch(async (err: Error) => {
      if (!/terminat/i.test(err.message)) throw err;
      fs.rmSync(dataDir, { recursive: true, force: true });
      await baseBackup();
    });
    // Debian keeps postgresql.conf and pg_hba.conf in /etc, outside the data folder the backup copied.
    fs.writeFileSync(
      path.join(dataDir, 'postgresql.conf'),
      [...Object.entries(settings).map(([name, value]) => `${name} = ${value}`), 'shared_buffers = 32MB', 'fsync = off', ''].join('\n'),
    );
    fs.writeFileSync(path.join(dataDir, 'pg_hba.conf'), 'local all all trust\nhost all all 127.0.0.1/32 trust\n');
    await run('chown', ['-R', 'postgres:postgres', folder], 10_000);
    fs.chmodSync(dataDir, 0o700);
    await start();
  } catch (err) {
    await stop('immediate').catch(() => {});
    fs.rmSync(folder, { recursive: true, force: true });
    throw err;
  }

  const replica: StreamingReplica = {
    port,
    urlFor: (database) => `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`,
    stop,
    start,
    async destroy() {
      // It may be stopped already.
      await stop('immediate').catch(() => {});
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
  return replica;
}

/**
 * pg_basebackup connects with the replication protocol, which `host all …` lines do not admit.
 * Idempotent: the line is added once, and the configuration reloaded (no restart).
 */
async function allowLoopbackReplication(admin: pg.Client): Promise<void> {
  const hbaFile = (await admin.query<{ hba_file: string }>('show hba_file')).rows[0]!.hba_file;
  const lines = fs.readFileSync(hbaFile, 'utf8').split('\n');
  if (lines.some((line) => /^\s*host\s+replication\s+all\s+127\.0\.0\.1\/32\s+trust\b/.test(line))) return;
  fs.appendFileSync(hbaFile, `\n# Streaming replicas on this machine (Outpost's read-replica test)\n${REPLICATION_LINE}\n`);
  await admin.query('select pg_reload_conf()');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
