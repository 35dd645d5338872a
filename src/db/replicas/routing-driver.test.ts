import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runWithReadRouting, type RequestReadRouting } from './read-routing-context.js';
import type { ReplicaFailure } from './replica-errors.js';
import { ReadRoutingDriver, type ReadPolicy } from './routing-driver.js';

/** A server that records what ran on it and fails statements as told. */
function fakeServer(name: string, log: string[], failWith?: (sql: string) => unknown): Driver {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const failure = failWith?.(query.sql);
      if (failure) throw failure;
      log.push(`${name}: ${query.sql}`);
      return { rows: [] };
    },
    // eslint-disable-next-line require-yield
    async *streamQuery() {
      throw new Error('not used');
    },
  };
  return {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async (c) => void (await c.executeQuery(CompiledQuery.raw('begin'))),
    commitTransaction: async (c) => void (await c.executeQuery(CompiledQuery.raw('commit'))),
    rollbackTransaction: async (c) => void (await c.executeQuery(CompiledQuery.raw('rollback'))),
    releaseConnection: async () => {},
    destroy: async () => {},
  };
}

function setUp(failOnReplica?: (sql: string) => unknown) {
  const log: string[] = [];
  const failures: ReplicaFailure[] = [];
  const policy: ReadPolicy = {
    // The real policy (read-routing.ts) also weighs health and positions; here: any read-only request that has not written.
    pickReplica: () => 0,
    replicaAnswered: () => {},
    replicaFailed: (_replica, failure) => void failures.push(failure),
  };
  const driver = new ReadRoutingDriver(fakeServer('primary', log), [fakeServer('replica', log, failOnReplica)], policy);
  const statement = async (sql: string) => {
    const connection = await driver.acquireConnection();
    try {
      await connection.executeQuery(CompiledQuery.raw(sql));
    } finally {
      await driver.releaseConnection(connection);
    }
  };
  const transaction = async (sql: string) => {
    const connection = await driver.acquireConnection();
    await driver.beginTransaction(connection, {});
    await connection.executeQuery(CompiledQuery.raw(sql));
    await driver.commitTransaction(connection);
    await driver.releaseConnection(connection);
  };
  return { log, failures, statement, transaction };
}

const readOnly = (): RequestReadRouting => ({ readOnly: true, minLsn: 0n, wrote: false });

describe('the read-routing driver', () => {
  it('sends single statements where the policy says, and every transaction to the primary', async () => {
    const { log, statement, transaction } = setUp();
    const request = readOnly();
    await runWithReadRouting(request, async () => {
      await statement('select 1');
      await transaction('update t set x = 1');
    });
    expect(log).toEqual(['replica: select 1', 'primary: begin', 'primary: update t set x = 1', 'primary: commit']);
    // A transaction counts as a write: the request's later reads and its WAL position follow.
    expect(request.wrote).toBe(true);
  });

  it('retries a write a replica refused (25006) once on the primary, transparently', async () => {
    const refused = Object.assign(new Error('cannot execute UPDATE in a read-only transaction'), { code: '25006' });
    const { log, failures, statement } = setUp((sql) => (sql.startsWith('update') ? refused : undefined));
    await runWithReadRouting(readOnly(), () => statement('update sessions set last_seen_at = now()'));
    expect(log).toEqual(['primary: update sessions set last_seen_at = now()']);
    expect(failures).toEqual(['write_refused']);
  });

  it('retries a read on the primary when the replica is gone, and says so (the policy marks it down)', async () => {
    const gone = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
    const { log, failures, statement } = setUp(() => gone);
    await runWithReadRouting(readOnly(), () => statement('select * from tickets'));
    expect(log).toEqual(['primary: select * from tickets']);
    expect(failures).toEqual(['unavailable']);
  });

  it("does not retry a statement's own error: it would fail on the primary too", async () => {
    const syntax = Object.assign(new Error('syntax error'), { code: '42601' });
    const { log, failures, statement } = setUp(() => syntax);
    await expect(runWithReadRouting(readOnly(), () => statement('selec 1'))).rejects.toThrow('syntax error');
    expect(log).toEqual([]);
    expect(failures).toEqual([]);
  });
});
