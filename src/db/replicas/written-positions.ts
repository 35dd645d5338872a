/**
 * The latest WAL position each principal (member, API token, portal contact) wrote through this
 * node, kept for `ttlMs`. It gives read-your-writes to clients without cookies (API tokens) — but
 * only on the node that took the write: a token client whose next request lands on another node
 * may read from a replica that has not replayed it yet. Browsers carry the position in a cookie,
 * which every node reads.
 *
 * Bounded: at `maxEntries` the oldest entry goes, so a flood of principals cannot grow it.
 */
export class WrittenPositions {
  readonly #entries = new Map<string, { lsn: bigint; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Notes that `principal` wrote at `lsn` (an older position never replaces a newer one). */
  note(principal: string, lsn: bigint, now = Date.now()): void {
    const previous = this.latest(principal, now);
    this.#entries.delete(principal);
    this.#entries.set(principal, { lsn: previous !== null && previous > lsn ? previous : lsn, until: now + this.ttlMs });
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** The position `principal` last wrote at, or null when none is known or it has expired. */
  latest(principal: string, now = Date.now()): bigint | null {
    const entry = this.#entries.get(principal);
    if (!entry) return null;
    if (entry.until > now) return entry.lsn;
    this.#entries.delete(principal);
    return null;
  }

  get size(): number {
    return this.#entries.size;
  }
}
