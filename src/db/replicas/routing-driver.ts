import type { CompiledQuery, DatabaseConnection, Driver, QueryCompiler, QueryResult, TransactionSettings } from 'kysely';
import { currentReadRouting } from './read-routing-context.js';
import { classifyReplicaFailure, type ReplicaFailure } from './replica-errors.js';

/** The choices the driver leaves to the read routing (read-routing.ts). */
export interface ReadPolicy {
  /** The replica the current statement may read from, or null for the primary. */
  pickReplica(): number | null;
  replicaAnswered(replica: number): void;
  /** A statement failed on `replica` in a way the primary can answer; it is retried there. */
  replicaFailed(replica: number, failure: ReplicaFailure, err: unknown): void;
}

/**
 * A Kysely driver over one primary and any number of replicas (each an ordinary PostgresDriver).
 * Kysely acquires a connection per statement, or one for a whole transaction; the connection
 * handed out here chooses its server lazily, at its first statement, because only then is it
 * known whether a transaction is starting:
 * - `beginTransaction` → the primary, always (a transaction is where writes and consistent
 *   multi-statement reads live; a replica would refuse the first and may cancel the second);
 * - a single statement → `policy.pickReplica()`: a replica for a read-only request, else the primary.
 * A statement that fails on a replica because the replica refused a write (25006), is gone, or
 * cancelled it for replay is retried once on the primary. Reads and refused writes did nothing
 * on the replica, so the retry cannot apply anything twice.
 */
export class ReadRoutingDriver implements Driver {
  constructor(
    readonly primary: Driver,
    readonly replicas: readonly Driver[],
    readonly policy: ReadPolicy,
  ) {}

  async init(): Promise<void> {
    await Promise.all([this.primary.init(), ...this.replicas.map((replica) => replica.init())]);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const request = currentReadRouting();
    if (request) request.wrote = true;
    await this.primary.beginTransaction(await routed(connection).onPrimary(), settings);
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.primary.commitTransaction(routed(connection).bound());
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await this.primary.rollbackTransaction(routed(connection).bound());
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.primary.savepoint!(routed(connection).bound(), name, compile);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.primary.rollbackToSavepoint!(routed(connection).bound(), name, compile);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await this.primary.releaseSavepoint!(routed(connection).bound(), name, compile);
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await routed(connection).release();
  }

  async destroy(): Promise<void> {
    await Promise.all([this.primary.destroy(), ...this.replicas.map((replica) => replica.destroy())]);
  }
}

function routed(connection: DatabaseConnection): RoutedConnection {
  if (!(connection instanceof RoutedConnection)) throw new Error('ReadRoutingDriver was handed a connection it did not open');
  return connection;
}

const PRIMARY = -1;

/** One acquired connection: bound to a server's connection at its first statement. */
class RoutedConnection implements DatabaseConnection {
  #server = PRIMARY;
  #inner: DatabaseConnection | null = null;

  constructor(private readonly driver: ReadRoutingDriver) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.#inner === null) {
      const replica = this.driver.policy.pickReplica();
      if (replica !== null) return this.#onReplica<R>(replica, query);
      await this.#bind(PRIMARY);
    }
    if (this.#server === PRIMARY) return this.#inner!.executeQuery<R>(query);
    return this.#onReplica<R>(this.#server, query);
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    // Rows already handed out cannot be taken back, so a stream is not retried once it runs.
    if (this.#inner === null) {
      const replica = this.driver.policy.pickReplica();
      await this.#bind(replica ?? PRIMARY).catch(async (err: unknown) => {
        const failure = replica === null ? null : classifyReplicaFailure(err);
        if (replica === null || !failure) throw err;
        this.driver.policy.replicaFailed(replica, failure, err);
        await this.#bind(PRIMARY);
      });
    }
    yield* this.#inner!.streamQuery<R>(query, chunkSize);
  }

  /** The primary connection a transaction runs on (a replica one, from a plain read before, is given back). */
  async onPrimary(): Promise<DatabaseConnection> {
    if (this.#inner !== null && this.#server !== PRIMARY) await this.release();
    if (this.#inner === null) await this.#bind(PRIMARY);
    return this.#inner!;
  }

  bound(): DatabaseConnection {
    if (this.#inner === null || this.#server !== PRIMARY) throw new Error('No transaction is open on this connection');
    return this.#inner;
  }

  async release(): Promise<void> {
    const inner = this.#inner;
    if (inner === null) return;
    this.#inner = null;
    await this.#driverOf(this.#server).releaseConnection(inner);
  }

  async #onReplica<R>(replica: number, query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      if (this.#inner === null) await this.#bind(replica);
      const result = await this.#inner!.executeQuery<R>(query);
      this.driver.policy.replicaAnswered(replica);
      return result;
    } catch (err) {
      const failure = classifyReplicaFailure(err);
      if (!failure) throw err;
      this.driver.policy.replicaFailed(replica, failure, err);
      // node-postgres drops a broken client when it is given back, so no dead connection is reused.
      await this.release().catch(() => {});
      await this.#bind(PRIMARY);
      return this.#inner!.executeQuery<R>(query);
    }
  }

  async #bind(server: number): Promise<void> {
    this.#inner = await this.#driverOf(server).acquireConnection();
    this.#server = server;
  }

  #driverOf(server: number): Driver {
    return server === PRIMARY ? this.driver.primary : this.driver.replicas[server]!;
  }
}
