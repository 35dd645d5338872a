/** What the health poller last learned about one replica. */
export interface ReplicaView {
  /** Answered its last poll in time, in recovery (a standby), and no query has failed on it since. */
  up: boolean;
  /** `pg_last_wal_replay_lsn()` at the last poll. */
  replayLsn: bigint | null;
}

export interface ReadNeed {
  /** The latest WAL position this request's principal wrote, or 0n: the replica must have replayed it. */
  minLsn: bigint;
  /** The primary's WAL position at the last poll, for the lag limit (null: not known yet, no limit). */
  primaryLsn: bigint | null;
  /** A replica further behind the primary than this is skipped for everyone. */
  maxLagBytes: bigint;
}

export type ReplicaChoice =
  | { replica: number }
  /** `behind`: a replica is up but has not replayed this principal's last write yet. */
  | { replica: null; reason: 'none_up' | 'lagging' | 'behind' };

/**
 * Picks the replica for one read, round-robin from `start` over those that are up, within the lag
 * limit and past `need.minLsn`; null (read from the primary) when none is. Pure: the caller keeps
 * the round-robin cursor and the poller's views.
 *
 * @example chooseReplica([{ up: true, replayLsn: 10n }], { minLsn: 11n, primaryLsn: 12n, maxLagBytes: 100n }, 0)
 *   // → { replica: null, reason: 'behind' }: this principal wrote at 11, the replica is at 10
 */
export function chooseReplica(replicas: readonly ReplicaView[], need: ReadNeed, start: number): ReplicaChoice {
  let reason: 'none_up' | 'lagging' | 'behind' = 'none_up';
  for (let step = 0; step < replicas.length; step++) {
    const index = (start + step) % replicas.length;
    const replica = replicas[index]!;
    if (!replica.up || replica.replayLsn === null) continue;
    if (need.primaryLsn !== null && need.primaryLsn - replica.replayLsn > need.maxLagBytes) {
      if (reason === 'none_up') reason = 'lagging';
      continue;
    }
    if (replica.replayLsn < need.minLsn) {
      reason = 'behind';
      continue;
    }
    return { replica: index };
  }
  return { replica: null, reason };
}
