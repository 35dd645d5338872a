import { describe, expect, it } from 'vitest';
import { chooseReplica, type ReadNeed, type ReplicaView } from './replica-choice.js';

const need = (minLsn: bigint, primaryLsn: bigint | null = null, maxLagBytes = 1000n): ReadNeed => ({ minLsn, primaryLsn, maxLagBytes });
const up = (replayLsn: bigint): ReplicaView => ({ up: true, replayLsn });
const down: ReplicaView = { up: false, replayLsn: 500n };

describe('choosing a replica for a read', () => {
  it('takes turns across the replicas that are up, starting at the cursor', () => {
    const replicas = [up(100n), down, up(100n), up(100n)];
    expect([0, 1, 2, 3, 4].map((start) => chooseReplica(replicas, need(0n), start))).toEqual([
      { replica: 0 },
      { replica: 2 },
      { replica: 2 },
      { replica: 3 },
      { replica: 0 },
    ]);
  });

  it('reads from the primary when every replica is down, or there are none', () => {
    expect(chooseReplica([down, down], need(0n), 0)).toEqual({ replica: null, reason: 'none_up' });
    expect(chooseReplica([], need(0n), 0)).toEqual({ replica: null, reason: 'none_up' });
    // Up but never polled successfully: no position to compare, so not used.
    expect(chooseReplica([{ up: true, replayLsn: null }], need(0n), 0)).toEqual({ replica: null, reason: 'none_up' });
  });

  it('uses a replica for someone who wrote only once it has replayed that write (read-your-writes)', () => {
    expect(chooseReplica([up(99n)], need(100n), 0)).toEqual({ replica: null, reason: 'behind' });
    expect(chooseReplica([up(100n)], need(100n), 0)).toEqual({ replica: 0 });
    // One replica caught up, another not: the caught-up one serves, whatever the cursor.
    expect(chooseReplica([up(150n), up(90n)], need(100n), 1)).toEqual({ replica: 0 });
  });

  it('skips a replica further behind the primary than the lag limit, for everyone', () => {
    expect(chooseReplica([up(100n)], need(0n, 1101n, 1000n), 0)).toEqual({ replica: null, reason: 'lagging' });
    expect(chooseReplica([up(100n)], need(0n, 1100n, 1000n), 0)).toEqual({ replica: 0 });
    expect(chooseReplica([up(100n), up(900n)], need(0n, 1500n, 1000n), 0)).toEqual({ replica: 1 });
    // The primary's position is not known yet: no limit applies.
    expect(chooseReplica([up(1n)], need(0n, null, 1000n), 0)).toEqual({ replica: 0 });
  });

  it('says "behind" rather than "lagging" when one replica is merely behind this principal', () => {
    expect(chooseReplica([up(10n), up(900n)], need(950n, 1500n, 1000n), 0)).toEqual({ replica: null, reason: 'behind' });
  });
});
