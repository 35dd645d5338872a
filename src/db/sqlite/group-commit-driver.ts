import type SQLite from 'better-sqlite3';
import { SqliteDialect, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** Where statements come from: the connection's statement cache (see connect.ts). */
export interface StatementSource {
  prepare(text: string): SQLite.Statement;
  close(): void;
}

/** Since start: how many COMMITs carried how many transactions (the ratio is the group size). */
export interface GroupCommitStats {
  commits: number;
  transactions: number;
}

export interface GroupCommitOptions {
  /** Most transactions one COMMIT carries; a larger group would hold answers back longer. */
  maxGroup?: number;
  /** Longest a group stays open (ms) while new members keep arriving. */
  maxDelayMs?: number;
  /** A COMMIT within this many ms of the previous one means writes are streaming in... */
  busyWindowMs?: number;
  /** ...and the next COMMIT then waits this long for company (ms). */
  busyDelayMs?: number;
}

/**
 * Group commit for the process's one SQLite connection.
 *
 * A COMMIT writes every page the transaction dirtied to the write-ahead log: for a ticket create
 * about fifty (the ticket's indexes, its message, the search documents and their full-text
 * segment), and most of them are the same pages for the next create. When transactions queue for
 * the connection, they run one after another inside one SQLite transaction, each in a savepoint of
 * its own, and one COMMIT writes the shared pages once for all of them.
 *
 * What a caller sees does not change:
 * - its transaction returns only after the COMMIT that carries it has returned, so nothing is
 *   acknowledged that a `kill -9` could still lose (test/crash/kill-during-burst.test.ts);
 * - a transaction that fails is rolled back to its savepoint, alone — the others' work stays;
 * - when the COMMIT itself fails, every transaction in the group fails with that error;
 * - a write outside a transaction (a single statement) first commits the open group, and is then
 *   committed on its own before it returns;
 * - a read outside a transaction runs in the open group and sees the work of the transactions that
 *   finished in it — otherwise every request's first read (its session) would commit the group
 *   and no group would ever form. So that nobody is *shown* work that is not yet committed, the
 *   server holds every answer until the group open at that moment has committed
 *   (`pendingCommit`, awaited in an onSend hook in src/app/server.ts).
 *
 * better-sqlite3 is synchronous, so a transaction runs start to end without giving the event loop
 * a turn: no other request is ever *waiting* when it commits. The COMMIT is therefore put off to
 * the end of the current event-loop turn (`setImmediate`): requests whose bytes have already
 * arrived run first, and their transactions join the group. Under a stream of writes (the last
 * COMMIT less than `busyWindowMs` ago) it is put off by `busyDelayMs` instead — PostgreSQL's
 * `commit_delay` with `commit_siblings`, in effect — since the next request's transaction begins
 * only after its body has arrived and its session was read, a turn or two later. A lone write waits
 * one turn (microseconds); a group is committed at once when it holds `maxGroup` transactions or
 * has been open `maxDelayMs`.
 *
 * Groups open with `begin immediate`, not a deferred `begin`: a deferred transaction that has read
 * and then writes while another process holds the write lock (a CLI command beside the server)
 * fails at once with SQLITE_BUSY, where an immediate one waits in the busy handler.
 */
export class GroupCommitSqliteDriver implements Driver {
  readonly #waiting: Array<() => void> = [];
  #held = false;
  #group: Group | null = null;
  #commitScheduled = false;
  readonly #stats: GroupCommitStats = { commits: 0, transactions: 0 };
  readonly #maxGroup: number;
  readonly #maxDelayMs: number;
  readonly #busyWindowMs: number;
  readonly #busyDelayMs: number;
  #lastCommitAt = -Infinity;

  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: StatementSource,
    options: GroupCommitOptions = {},
  ) {
    this.#maxGroup = options.maxGroup ?? 64;
    this.#maxDelayMs = options.maxDelayMs ?? 5;
    this.#busyWindowMs = options.busyWindowMs ?? 2;
    this.#busyDelayMs = options.busyDelayMs ?? 1;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#held = true;
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // A failed statement can end SQLite's transaction on its own (a full disk, an I/O error):
    // the group it carried is lost, and a new one begins.
    if (this.#group && !this.sqlite.inTransaction) this.#failGroup(new Error('The write transaction was rolled back by SQLite.'));
    if (!this.#group) {
      this.run('begin immediate');
      this.#group = new Group();
    }
    // One name serves every member: they run one after another, never nested in each other.
    lease.savepoint = 'group_member';
    this.run(`savepoint ${lease.savepoint}`);
    this.#group.members++;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    const group = this.#group!;
    this.run(`release ${lease.savepoint}`);
    lease.savepoint = null;
    if (group.members >= this.#maxGroup || performance.now() - group.openedAt >= this.#maxDelayMs) this.#commitGroup();
    this.release(lease);
    await group.committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    // After a failed group COMMIT there is nothing left to roll back.
    if (!lease.savepoint) return;
    if (this.sqlite.inTransaction) {
      this.run(`rollback to ${lease.savepoint}`);
      this.run(`release ${lease.savepoint}`);
    }
    lease.savepoint = null;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.release(connection as Lease);
  }

  async destroy(): Promise<void> {
    if (this.#group) this.#commitGroup();
    this.statements.close();
  }

  /** Hands the connection to the next waiter, or frees it and lets the open group commit. */
  release(lease: Lease): void {
    if (lease.released) return;
    lease.released = true;
    const next = this.#waiting.shift();
    if (next) return next();
    this.#held = false;
    if (this.#group) this.#scheduleCommit();
  }

  /** Commits the open group a little later (see above), if the connection is free then. */
  #scheduleCommit(): void {
    if (this.#commitScheduled) return;
    this.#commitScheduled = true;
    const commitIfFree = () => {
      this.#commitScheduled = false;
      // Held: the holder's release schedules the commit again.
      if (this.#group && !this.#held) this.#commitGroup();
    };
    const busy = performance.now() - this.#lastCommitAt < this.#busyWindowMs;
    const wait = busy ? Math.min(this.#busyDelayMs, this.#maxDelayMs - (performance.now() - this.#group!.openedAt)) : 0;
    if (wait > 0) setTimeout(commitIfFree, wait);
    else setImmediate(commitIfFree);
  }

  stats(): GroupCommitStats {
    return { ...this.#stats };
  }

  /** The COMMIT of the open group, if one is open: what an answer sent now must wait for. */
  pendingCommit(): Promise<void> | null {
    return this.#group?.committed ?? null;
  }

  run(text: string): void {
    this.statements.prepare(text).run();
  }

  execute(lease: Lease, compiled: CompiledQuery): QueryResult<unknown> {
    const statement = this.statements.prepare(compiled.sql);
    // A write outside a transaction is not carried by the group: that would answer it uncommitted.
    if (this.#group && lease.savepoint === null && !statement.reader) this.#commitGroup();
    if (statement.reader) return { rows: statement.all(compiled.parameters as unknown[]) };
    const { changes, lastInsertRowid } = statement.run(compiled.parameters as unknown[]);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  #commitGroup(): void {
    const group = this.#group!;
    this.#group = null;
    if (!this.sqlite.inTransaction) return group.fail(new Error('The write transaction was rolled back by SQLite.'));
    try {
      this.run('commit');
      this.#lastCommitAt = performance.now();
      this.#stats.commits++;
      this.#stats.transactions += group.members;
      group.succeed();
    } catch (error) {
      if (this.sqlite.inTransaction) this.run('rollback');
      group.fail(error);
    }
  }

  #failGroup(error: unknown): void {
    const group = this.#group!;
    this.#group = null;
    group.fail(error);
  }
}

/** The transactions one COMMIT carries, and the promise they all wait on. */
class Group {
  members = 0;
  readonly openedAt = performance.now();
  readonly committed: Promise<void>;
  succeed!: () => void;
  fail!: (error: unknown) => void;

  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.succeed = resolve;
      this.fail = reject;
    });
    // Members await it; a group whose members all rolled back may fail unheard.
    this.committed.catch(() => {});
  }
}

/** One caller's hold on the connection: whether it is in a transaction, and whether it let go. */
class Lease implements DatabaseConnection {
  savepoint: string | null = null;
  released = false;

  constructor(private readonly driver: GroupCommitSqliteDriver) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, compiled) as QueryResult<R>;
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield this.driver.execute(this, compiled) as QueryResult<R>;
  }
}

/** Kysely's SQLite dialect with the group-commit driver in place of its own. */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: SQLite.Database,
    private readonly statements: StatementSource,
    private readonly options: GroupCommitOptions = {},
  ) {
    super({ database: statements as never });
  }

  driver: GroupCommitSqliteDriver | null = null;

  override createDriver(): Driver {
    this.driver = new GroupCommitSqliteDriver(this.sqlite, this.statements, this.options);
    return this.driver;
  }
}
