import pg from 'pg';
import { parseLsnOrNull } from './lsn.js';
import type { ReplicaView } from './replica-choice.js';
import { quietOnDisconnect } from './quiet-on-disconnect.js';

export interface ReplicaHealthOptions {
  /** How often to ask (default 250 ms: a replica that died is out of rotation within about a second). */
  intervalMs?: number;
  /** Connect and statement timeout of each poll: a replica that takes longer is down. */
  timeoutMs?: number;
  /** Told when the replica goes down or comes back (once per change, not per poll). */
  onChange?: (up: boolean, detail: string) => void;
}

/**
 * Polls one replica for `pg_last_wal_replay_lsn()` and `pg_is_in_recovery()` on a connection of
 * its own. A replica is up while its polls answer in time and it is a standby; a promoted server
 * (not in recovery) is down here: reads must not go to a second primary that no longer follows
 * ours. The routing driver also marks a replica down the moment a query on it fails to connect;
 * the next poll that answers brings it back.
 */
export class ReplicaHealth implements ReplicaView {
  up = false;
  replayLsn: bigint | null = null;
  readonly #pool: pg.Pool;
  readonly #intervalMs: number;
  readonly #onChange?: ReplicaHealthOptions['onChange'];
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;
  #polling: Promise<void> | undefined;
  #reported = false;

  constructor(url: string, options: ReplicaHealthOptions = {}) {
    const timeoutMs = options.timeoutMs ?? 1_000;
    this.#intervalMs = options.intervalMs ?? 250;
    this.#onChange = options.onChange;
    this.#pool = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: timeoutMs,
      // Client-side, for a server that accepted the connection and then stopped answering.
      query_timeout: timeoutMs,
      statement_timeout: timeoutMs,
      application_name: 'outpost-replica-health',
    });
    quietOnDisconnect(this.#pool);
  }

  /** Polls now, then every interval until `stop`. */
  start(): void {
    const loop = () => {
      this.#polling = this.poll().finally(() => {
        if (!this.#stopped) this.#timer = setTimeout(loop, this.#intervalMs).unref();
      });
    };
    loop();
  }

  /** One poll; never throws. */
  async poll(): Promise<void> {
    let client: pg.PoolClient | undefined;
    try {
      client = await this.#pool.connect();
      const { rows } = await client.query<{ replay: string | null; recovering: boolean }>(
        'select pg_last_wal_replay_lsn()::text as replay, pg_is_in_recovery() as recovering',
      );
      client.release();
      client = undefined;
      const row = rows[0];
      if (!row?.recovering) return this.#set(false, 'not in recovery: it is no standby (promoted?)');
      const replayLsn = parseLsnOrNull(row.replay);
      if (replayLsn === null) return this.#set(false, 'has replayed no WAL yet');
      this.replayLsn = replayLsn;
      this.#set(true, 'answering');
    } catch (err) {
      // A connection that timed out or broke is not given back to the pool.
      client?.release(true);
      this.#set(false, err instanceof Error ? err.message : String(err));
    }
  }

  /** Out of rotation now (a query on it could not connect); the next poll that answers restores it. */
  markDown(detail: string): void {
    this.#set(false, detail);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#polling;
    await this.#pool.end();
  }

  #set(up: boolean, detail: string): void {
    // The first answer is reported whatever it is: "down since start-up" is worth a log line too.
    if (this.up === up && this.#reported) return;
    this.#reported = true;
    this.up = up;
    this.#onChange?.(up, detail);
  }
}
