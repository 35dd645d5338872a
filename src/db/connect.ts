import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { startCheckpointer } from './sqlite-checkpointer.js';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL only: for what needs its own connections (LISTEN, the job queue). */
  connectionString?: string;
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
}

export function connect(url: string, options: ConnectOptions = {}): Db {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    });
    // An idle connection the server dropped (failover, restart, admin command) is discarded by the
    // pool and the next query opens a new one; unheard, its error would end the process.
    pool.on('error', () => {});
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: 'postgres', connectionString: url, close: () => kysely.destroy() };
  }
  const file = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : url;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  if (!options.backgroundCheckpoints || file === ':memory:') return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
  // The worker copies the log; this connection checkpoints only at 10,000 pages (40 MB), to
  // restart the log under sustained writes, and finds little left to copy by then.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // After a burst the log file is cut back to 64 MB rather than keeping its largest size.
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  const checkpointer = startCheckpointer(path.resolve(file), {}, options.onCheckpointError);
  return {
    kysely,
    dialect: 'sqlite',
    async close() {
      await checkpointer.stop();
      await kysely.destroy();
    },
  };
}

/**
 * Kysely prepares every query anew; on the bench dataset preparing took 10–25% of the CPU time of
 * a queue page or a ticket read (several joins, compiled for a few indexed row reads).
 * better-sqlite3 statements are reusable and re-prepare themselves after a schema change, so
 * they are kept by SQL text, the least recently used dropped first.
 *
 * Kysely opens transactions with a deferred `begin`. A deferred transaction that has read and then
 * writes while another process holds the write lock (a CLI command beside the server) fails at
 * once with SQLITE_BUSY: SQLite cannot wait there without risking a deadlock. `begin immediate`
 * takes the write lock first, so it waits in the busy handler instead. This process has one
 * connection, so nothing here loses concurrency by it.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string): SQLite.Statement {
      let statement = statements.get(text);
      if (statement) statements.delete(text);
      else {
        statement = sqlite.prepare(text === 'begin' ? 'begin immediate' : text);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}
