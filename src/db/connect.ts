import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { startCheckpointer } from './sqlite-checkpointer.js';
import { GroupCommitSqliteDialect, type GroupCommitStats } from './sqlite/group-commit-driver.js';
import { quietOnDisconnect } from './replicas/quiet-on-disconnect.js';
import { createReadRouting, type ReadReplicaOptions, type ReadRouting } from './replicas/read-routing.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL only: for what needs its own connections (LISTEN, the job queue). */
  connectionString?: string;
  /**
   * SQLite: the COMMIT of the open write group, if any (src/db/sqlite/group-commit-driver.ts).
   * The server sends no answer before it: a read may have seen that group's work.
   */
  pendingCommit?: () => Promise<void> | null;
  /** SQLite: COMMITs and the transactions they carried since start (on /metrics). */
  groupCommitStats?: () => GroupCommitStats;
  /** PostgreSQL with read replicas (`DATABASE_READ_URL`): where reads went (src/db/replicas/). */
  readRouting?: ReadRouting;
  close(): Promise<void>;
}

// PostgreSQL hands back timestamps as ISO strings, dates as YYYY-MM-DD and bigints as numbers,
// so that rows look the same on both dialects.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v).toISOString());
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (v) => new Date(`${v}Z`).toISOString());
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** Opens the database named by `url`: a PostgreSQL URL, or a SQLite file path (`:memory:` too). */
export interface ConnectOptions {
  searchPath?: string;
  poolSize?: number;
  /** SQLite file: checkpoint the write-ahead log from a worker thread (the server; see sqlite-checkpointer.ts). */
  backgroundCheckpoints?: boolean;
  onCheckpointError?: (message: string) => void;
  /** PostgreSQL: read-only requests' statements may go to these replicas (the server only). */
  readReplicas?: ReadReplicaOptions;
}

export function connect(url: string, options: ConnectOptions = {}): Db {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    // A connection the server dropped (failover, restart, admin command) is discarded by the pool
    // and the next query opens a new one; its query is rejected on its own. Unheard, the error
    // event of the pool (idle clients) or of a checked-out client would end the process.
    quietOnDisconnect(pool);
    if (options.readReplicas?.urls.length) {
      const { dialect, routing } = createReadRouting(pool, { poolSize: options.poolSize, ...options.readReplicas });
      const kysely = new Kysely<Database>({ dialect });
      return { kysely, dialect: 'postgres', connectionString: url, readRouting: routing, close: () => kysely.destroy() };
    }
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', connectionString: url, close: () => kysely.destroy() };
  }
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`synchronous = ${sqliteSynchronous(process.env.OUTPOST_SQLITE_SYNCHRONOUS)}`);
  sqlite.pragma('busy_timeout = 5000');
  // 32 MiB of pages in the process (SQLite's default is 2 MiB). A page outside it is a read() from
  // the operating system's cache and a copy: on the bench dataset the ticket page spent a third of
  // its SQL time so (issue 19). Memory is capped by it, unlike mmap, whose touched pages of a 9 GB
  // file would all count to the process. (64 MiB would spend 32 MiB more of the 400 MB RSS target.)
  sqlite.pragma('cache_size = -32768');
  // A group commit runs each transaction in a savepoint (src/db/sqlite/group-commit-driver.ts);
  // SQLite keeps the prior content of pages a later member changes again in a sub-journal, by
  // default a temporary file. In memory, grouping saved ~12 % of a create's CPU; in a file it cost
  // ~8 % more than no grouping at all (in-process, 100k tickets, two concurrent creators).
  sqlite.pragma('temp_store = memory');
  const groupCommit = new GroupCommitSqliteDialect(sqlite, withStatementCache(sqlite));
  const kysely = new Kysely<Database>({ dialect: groupCommit });
  const pendingCommit = () => groupCommit.driver?.pendingCommit() ?? null;
  const groupCommitStats = () => groupCommit.driver?.stats() ?? { commits: 0, transactions: 0 };
  if (!options.backgroundCheckpoints || file === ':memory:')
    return { kysely, dialect: 'sqlite', pendingCommit, groupCommitStats, close: () => kysely.destroy() };
  // The worker copies the log; this connection checkpoints only at 10,000 pages (40 MB), to
  // restart the log under sustained writes, and finds little left to copy by then.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // After a burst the log file is cut back to 64 MB rather than keeping its largest size.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const checkpointer = startCheckpointer(path.resolve(file), {}, options.onCheckpointError);
  return {
    kysely,
    dialect: 'sqlite',
    pendingCommit,
    groupCommitStats,
    async close() {
      await checkpointer.stop();
      await kysely.destroy();
    },
  };
}

/**
 * What a COMMIT waits for (docs/deployment.md, "Durability on SQLite"). NORMAL: the commit is in
 * the write-ahead log in the operating system's cache — it survives the process being killed, and
 * a power loss can take back the commits since the log was last synced (at each checkpoint).
 * FULL: the log is synced to disk at every COMMIT (one sync per group, see group-commit-driver.ts).
 */
export function sqliteSynchronous(value: string | undefined): 'NORMAL' | 'FULL' {
  const chosen = (value ?? 'normal').trim().toLowerCase();
  if (chosen === 'normal' || chosen === 'full') return chosen === 'full' ? 'FULL' : 'NORMAL';
  throw new Error(`OUTPOST_SQLITE_SYNCHRONOUS must be "normal" or "full", not "${value}".`);
}

/**
 * Kysely prepares every query anew; on the bench dataset preparing took 10–25% of the CPU time of
 * a queue page or a ticket read (several joins, compiled for a few indexed row reads).
 * better-sqlite3 statements are reusable and re-prepare themselves after a schema change, so
 * they are kept by SQL text, the least recently used dropped first.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else {
        statement = sqlite.prepare(text);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}
