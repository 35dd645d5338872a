/**
 * The capacity model of docs/capacity.md, as plain arithmetic over measured per-request costs
 * (bench/capacity.ts measures them): how many requests per second one application node serves,
 * how many one PostgreSQL primary of P cores serves before it saturates, the ratio (nodes per
 * primary), and what R read replicas change. No I/O, so it is tested with plain values.
 */

/** What one request of an endpoint costs, measured with the idle baseline taken out. */
export interface EndpointCost {
  /** CPU milliseconds of the Node.js process per request. */
  appCpuMs: number;
  /** CPU milliseconds of PostgreSQL per request (the backends serving it, plus its share of the WAL writer and checkpointer). */
  dbCpuMs: number;
  /** A write stays on the primary with its whole database work (its reads run in its transaction). */
  write: boolean;
}

/** Requests of each endpoint per 100 requests of a desk's day (any weights; they are normalised). */
export type WorkloadMix = Readonly<Record<string, number>>;

/**
 * A support desk's traffic, per 100 requests: agents' queues refresh on their own and dominate;
 * each ticket opened is a ticket page; a reply or a new ticket is about one request in eight;
 * customers check the portal; the sidebar's view counts, a search, the accounts list and the
 * feature-request ranking fill the rest. An estimate, not a measurement: change it to yours.
 */
export const DESK_MIX: WorkloadMix = {
  queue_view: 35,
  ticket_page: 25,
  search: 8,
  accounts_list: 4,
  portal_tickets: 8,
  views_with_counts: 5,
  feedback_ranking: 2,
  create_ticket: 5,
  add_reply: 8,
};

export interface CapacityAssumptions {
  /** Share of a core's time a process may use before queues grow and latency climbs (0.7). */
  utilisationCeiling: number;
  /** Reads that must see the caller's own write, per write (the page reloaded after a reply): these stay on the primary. */
  fallbackReadsPerWrite: number;
  /** A replica's CPU to replay a write's WAL, as a share of the write's database CPU on the primary (not measured). */
  replayShare: number;
  /** PostgreSQL connections one node holds: its pool (10), pg-boss's pool (3) and its LISTEN connection. */
  connectionsPerNode: number;
  /** The server's `max_connections` less `superuser_reserved_connections` and what else connects (backups, psql). */
  usableConnections: number;
}

export const DEFAULT_ASSUMPTIONS: CapacityAssumptions = {
  utilisationCeiling: 0.7,
  fallbackReadsPerWrite: 1,
  replayShare: 0.2,
  connectionsPerNode: 14,
  usableConnections: 100 - 3 - 5,
};

/** The cost of one average request of the mix, split by where its database work may run. */
export interface MixedRequest {
  appCpuMs: number;
  dbReadCpuMs: number;
  dbWriteCpuMs: number;
  /** Share of requests that write. */
  writeShare: number;
}

/**
 * Weighs each endpoint's cost by the mix.
 *
 * @example mixRequest({ a: { appCpuMs: 2, dbCpuMs: 1, write: false } }, { a: 1 }) // { appCpuMs: 2, dbReadCpuMs: 1, … }
 */
export function mixRequest(costs: Readonly<Record<string, EndpointCost>>, mix: WorkloadMix): MixedRequest {
  const total = Object.values(mix).reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0)) throw new Error('The workload mix has no requests');
  const mixed: MixedRequest = { appCpuMs: 0, dbReadCpuMs: 0, dbWriteCpuMs: 0, writeShare: 0 };
  for (const [endpoint, weight] of Object.entries(mix)) {
    const cost = costs[endpoint];
    if (!cost) throw new Error(`No measured cost for ${endpoint}`);
    const share = weight / total;
    mixed.appCpuMs += share * cost.appCpuMs;
    if (cost.write) {
      mixed.dbWriteCpuMs += share * cost.dbCpuMs;
      mixed.writeShare += share;
    } else mixed.dbReadCpuMs += share * cost.dbCpuMs;
  }
  return mixed;
}

/** Requests per second `cores` cores serve at the ceiling when each request costs `cpuMs`. */
export function requestsPerSecond(cpuMs: number, cores: number, assumptions: CapacityAssumptions): number {
  return cpuMs > 0 ? (assumptions.utilisationCeiling * cores * 1000) / cpuMs : Number.POSITIVE_INFINITY;
}

/** One node is one Node.js process, whose JavaScript runs on one core. */
export function nodeRequestsPerSecond(mixed: MixedRequest, assumptions: CapacityAssumptions): number {
  return requestsPerSecond(mixed.appCpuMs, 1, assumptions);
}

/**
 * Share of the reads' database work that stays on the primary when there are replicas: the reads
 * that follow a write and must see it (read-your-writes), as a share of all reads.
 */
export function fallbackShare(mixed: MixedRequest, assumptions: CapacityAssumptions): number {
  const readShare = 1 - mixed.writeShare;
  if (readShare <= 0) return 1;
  return Math.min(1, (mixed.writeShare * assumptions.fallbackReadsPerWrite) / readShare);
}

export interface DatabaseLimit {
  /** Requests per second of the mix the database tier serves at the ceiling. */
  requestsPerSecond: number;
  /** What saturates first. */
  limitedBy: 'primary' | 'replicas';
}

/**
 * The database tier's limit with a primary of `cores` cores and `replicas` replicas of the same
 * size. Without replicas the primary does all the work. With them, the primary keeps the writes
 * and the read-your-writes fallbacks; the other reads are spread evenly over the replicas, each of
 * which also replays every write.
 */
export function databaseLimit(mixed: MixedRequest, cores: number, replicas: number, assumptions: CapacityAssumptions): DatabaseLimit {
  if (replicas <= 0)
    return { requestsPerSecond: requestsPerSecond(mixed.dbReadCpuMs + mixed.dbWriteCpuMs, cores, assumptions), limitedBy: 'primary' };
  const fallback = fallbackShare(mixed, assumptions);
  const primary = requestsPerSecond(mixed.dbWriteCpuMs + fallback * mixed.dbReadCpuMs, cores, assumptions);
  const replica = requestsPerSecond(
    ((1 - fallback) * mixed.dbReadCpuMs) / replicas + assumptions.replayShare * mixed.dbWriteCpuMs,
    cores,
    assumptions,
  );
  return primary <= replica ? { requestsPerSecond: primary, limitedBy: 'primary' } : { requestsPerSecond: replica, limitedBy: 'replicas' };
}

/** Nodes the primary's connections allow (each node holds `connectionsPerNode`). */
export function nodesByConnections(assumptions: CapacityAssumptions): number {
  return Math.floor(assumptions.usableConnections / assumptions.connectionsPerNode);
}

export interface CapacityRow {
  cores: number;
  replicas: number;
  requestsPerSecond: number;
  limitedBy: DatabaseLimit['limitedBy'];
  /** Nodes the database tier keeps busy: its limit ÷ one node's requests per second. */
  nodes: number;
}

/** The model's table: for each primary size and replica count, the limit and the nodes it feeds. */
export function capacityTable(
  mixed: MixedRequest,
  coreCounts: readonly number[],
  replicaCounts: readonly number[],
  assumptions: CapacityAssumptions,
): CapacityRow[] {
  const perNode = nodeRequestsPerSecond(mixed, assumptions);
  return coreCounts.flatMap((cores) =>
    replicaCounts.map((replicas) => {
      const limit = databaseLimit(mixed, cores, replicas, assumptions);
      return { cores, replicas, ...limit, nodes: limit.requestsPerSecond / perNode };
    }),
  );
}
