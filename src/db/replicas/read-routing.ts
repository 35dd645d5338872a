import { PostgresDialect, PostgresDriver, type Dialect, type Driver } from 'kysely';
import pg from 'pg';
import { currentReadRouting } from './read-routing-context.js';
import { formatLsn, parseLsn, parseLsnOrNull } from './lsn.js';
import { chooseReplica } from './replica-choice.js';
import type { ReplicaFailure } from './replica-errors.js';
import { quietOnDisconnect } from './quiet-on-disconnect.js';
import { ReplicaHealth } from './replica-health.js';
import { ReadRoutingDriver, type ReadPolicy } from './routing-driver.js';
import { WrittenPositions } from './written-positions.js';

/** 16 MiB of WAL: seconds of heavy writing; a replica further behind is serving a stale picture. */
export const DEFAULT_MAX_LAG_BYTES = 16 * 1024 * 1024;
/** How long a principal's last write steers its reads: far longer than a healthy replica's lag. */
export const WRITTEN_POSITION_TTL_MS = 60_000;

export interface ReadReplicaOptions {
  /** The replicas' PostgreSQL URLs (`DATABASE_READ_URL`). */
  urls: string[];
  /** Connections per replica (default 10, as the primary's pool). */
  poolSize?: number;
  /** Skip a replica this far behind the primary (`OUTPOST_REPLICA_MAX_LAG_BYTES`); 0 turns the limit off. */
  maxLagBytes?: number;
  /** Health poll period (default 250 ms). */
  pollIntervalMs?: number;
  /** A replica went down or came back (`up`): one line for the log. */
  onEvent?: (message: string, up: boolean) => void;
}

export interface ReadRoutingStats {
  /** Statements a replica answered. */
  replicaReads: number;
  /** Statements of read-only requests the primary answered because no replica fitted. */
  primaryReads: number;
  /** Of `primaryReads`: a replica was up but had not replayed the principal's last write. */
  primaryReadsForFreshness: number;
  /** Statements retried on the primary after failing on a replica (refused write, replica gone, recovery conflict). */
  fallbacks: number;
  /** Of `fallbacks`: writes a replica refused (25006), e.g. a GET that touches its session. */
  refusedWrites: number;
  primaryLsn: string | null;
  replicas: { url: string; up: boolean; replayLsn: string | null; reads: number }[];
}

/** Read replicas as the rest of the server sees them (`db.readRouting`). */
export interface ReadRouting {
  stats(): ReadRoutingStats;
  /** The primary's WAL insert position now: everything committed so far lies before it. */
  primaryWritePosition(): Promise<bigint>;
  /** Notes, on this node, that `principal` wrote at `lsn` (see written-positions.ts for the limit). */
  rememberWrite(principal: string, lsn: bigint): void;
  lastWriteOf(principal: string): bigint | null;
}

/**
 * The Kysely dialect for a primary pool plus replicas, and the routing state behind it: the
 * replicas' health pollers, the primary's position for the lag limit, the round-robin cursor and
 * the counters. Closing the Kysely instance stops it all.
 */
export function createReadRouting(primaryPool: pg.Pool, options: ReadReplicaOptions): { dialect: Dialect; routing: ReadRouting } {
  const maxLagBytes = BigInt(options.maxLagBytes ?? DEFAULT_MAX_LAG_BYTES);
  const urls = options.urls.map(redactPassword);
  const health = options.urls.map(
    (url, i) =>
      new ReplicaHealth(url, {
        intervalMs: options.pollIntervalMs,
        onChange: (up, detail) => options.onEvent?.(`Read replica ${urls[i]} is ${up ? 'up' : 'down'}: ${detail}`, up),
      }),
  );
  const replicaPools = options.urls.map((url) => {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // A replica that does not accept a connection quickly is treated as gone: the read goes to the primary.
      connectionTimeoutMillis: 2_000,
      application_name: 'outpost-read',
    });
    quietOnDisconnect(pool);
    return pool;
  });
  const written = new WrittenPositions(WRITTEN_POSITION_TTL_MS);
  const counters = { replicaReads: 0, primaryReads: 0, primaryReadsForFreshness: 0, fallbacks: 0, refusedWrites: 0 };
  const readsPerReplica = options.urls.map(() => 0);
  let primaryLsn: bigint | null = null;
  let cursor = 0;

  const policy: ReadPolicy = {
    pickReplica() {
      const request = currentReadRouting();
      if (!request || !request.readOnly || request.wrote) return null;
      cursor = (cursor + 1) % health.length;
      const choice = chooseReplica(
        health,
        { minLsn: request.minLsn, primaryLsn: maxLagBytes > 0n ? primaryLsn : null, maxLagBytes },
        cursor,
      );
      if (choice.replica === null) {
        counters.primaryReads++;
        if (choice.reason === 'behind') counters.primaryReadsForFreshness++;
      }
      return choice.replica;
    },
    replicaAnswered(replica) {
      counters.replicaReads++;
      readsPerReplica[replica]!++;
    },
    replicaFailed(replica, failure: ReplicaFailure, err) {
      counters.fallbacks++;
      if (failure === 'write_refused') {
        counters.refusedWrites++;
        // It wrote after all: the rest of this request reads its own write on the primary.
        const request = currentReadRouting();
        if (request) request.wrote = true;
      }
      if (failure === 'unavailable') health[replica]!.markDown(err instanceof Error ? err.message : String(err));
    },
  };

  // The primary's position, for the lag limit, polled as often as the replicas.
  let primaryTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  const pollPrimary = async () => {
    const row = await primaryPool.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn').catch(() => null);
    primaryLsn = parseLsnOrNull(row?.rows[0]?.lsn) ?? primaryLsn;
    if (!stopped) primaryTimer = setTimeout(() => void pollPrimary(), options.pollIntervalMs ?? 250).unref();
  };
  if (maxLagBytes > 0n) void pollPrimary();
  for (const replica of health) replica.start();

  const primaryDriver = new PostgresDriver({ pool: primaryPool });
  const driver = new ReadRoutingDriver(
    primaryDriver,
    replicaPools.map((pool) => new PostgresDriver({ pool })),
    policy,
  );
  const destroy = driver.destroy.bind(driver);
  driver.destroy = async () => {
    stopped = true;
    clearTimeout(primaryTimer);
    await Promise.all(health.map((replica) => replica.stop()));
    await destroy();
  };

  const routing: ReadRouting = {
    stats: () => ({
      ...counters,
      primaryLsn: primaryLsn === null ? null : formatLsn(primaryLsn),
      replicas: health.map((replica, i) => ({
        url: urls[i]!,
        up: replica.up,
        replayLsn: replica.replayLsn === null ? null : formatLsn(replica.replayLsn),
        reads: readsPerReplica[i]!,
      })),
    }),
    async primaryWritePosition() {
      // The insert position, not the flushed one: with synchronous_commit off a commit may not be
      // flushed yet, and a replica at the flush position could still miss it.
      const { rows } = await primaryPool.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn');
      return parseLsn(rows[0]!.lsn);
    },
    rememberWrite: (principal, lsn) => written.note(principal, lsn),
    lastWriteOf: (principal) => written.latest(principal),
  };
  return { dialect: new ReadRoutingDialect(primaryPool, driver), routing };
}

class ReadRoutingDialect extends PostgresDialect {
  constructor(
    pool: pg.Pool,
    private readonly driver: Driver,
  ) {
    super({ pool });
  }

  override createDriver(): Driver {
    return this.driver;
  }
}

/** A URL fit for logs and stats. */
function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
