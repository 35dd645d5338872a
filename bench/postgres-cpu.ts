/**
 * The CPU time PostgreSQL spends for the workbench, read from /proc (Linux), for bench/capacity.ts.
 *
 * Two groups, because the server is shared with other databases on this machine:
 * - **backends**: the processes serving the workbench's own connections (their pids come from the
 *   wire meter), exactly ours;
 * - **background**: the postmaster, checkpointer, background writer, WAL writer and autovacuum
 *   workers of our database. They work for every database of the cluster, so their figure carries
 *   whatever else writes meanwhile; it is reported on its own.
 *
 * Processes come and go (the pool closes idle connections after 10 s, autovacuum workers are
 * short-lived), so the ledger samples every process several times a second and keeps each one's
 * last reading: a process that ended still counts for what it used up to its last sample.
 */
import fs from 'node:fs';

/** utime + stime of a process in seconds, or null when it has gone. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

const BACKGROUND_TITLE = /: (checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher)\s*$/;

/** Every process named `postgres` that works for the whole cluster or (autovacuum) for `database`. */
function backgroundPids(database: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const title = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      const postmaster = title.includes(' -D ');
      if (postmaster || BACKGROUND_TITLE.test(title) || title.endsWith(`autovacuum worker ${database}`)) pids.push(Number(entry));
    } catch {
      // ended while we read it
    }
  }
  return pids;
}

export interface PostgresCpu {
  backends: number;
  background: number;
}

export interface PostgresCpuLedger {
  /** CPU seconds used since the ledger started, per group (take differences for a window). */
  totals(): PostgresCpu;
  /** Reads a backend now: called by the wire meter just before the backend is told to end. */
  recordEnding(pid: number): void;
  stop(): void;
}

/**
 * Starts sampling. `backendPids` gives the workbench's backends at each sample; a pid seen for
 * the first time is counted from its birth when it was born after the ledger started.
 */
export function startPostgresCpuLedger(database: string, backendPids: () => ReadonlySet<number>, everyMs = 200): PostgresCpuLedger {
  const startedAt = Date.now();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const group = new Map<number, keyof PostgresCpu>();
  const bootTime = Number(/btime (\d+)/.exec(fs.readFileSync('/proc/stat', 'utf8'))![1]);

  /** A process born after the ledger started counts from zero; an older one from its first reading. */
  function bornAfterStart(pid: number): boolean {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (bootTime + Number(fields[19]) / 100) * 1000 >= startedAt;
    } catch {
      return false;
    }
  }
  function read(pid: number, kind: keyof PostgresCpu) {
    const seconds = processCpuSeconds(pid);
    if (seconds === null) return;
    if (!first.has(pid)) {
      first.set(pid, bornAfterStart(pid) ? 0 : seconds);
      group.set(pid, kind);
    }
    last.set(pid, seconds);
  }
  // Listing /proc is the costly part, and background processes rarely change: list it every 2 s.
  let background: number[] = [];
  let samples = 0;
  function sample() {
    if (samples++ % 10 === 0) background = backgroundPids(database);
    for (const pid of backendPids()) read(pid, 'backends');
    for (const pid of background) read(pid, 'background');
  }
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    totals() {
      sample();
      const totals: PostgresCpu = { backends: 0, background: 0 };
      for (const [pid, seconds] of last) totals[group.get(pid)!] += seconds - first.get(pid)!;
      return totals;
    },
    recordEnding: (pid) => read(pid, 'backends'),
    stop: () => clearInterval(timer),
  };
}
