/**
 * Read replicas (DATABASE_READ_URL) against a real streaming replica of the test PostgreSQL:
 * GET traffic is served by the replica; a member who just wrote reads it back (from the primary)
 * while another member still reads the replica; a replica that dies mid-burst costs no request,
 * and takes its share again once it is back.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { startWorkbench, type RunningWorkbench } from '../../src/app/start.js';
import { parseLsn } from '../../src/db/replicas/lsn.js';
import type { ReadRoutingStats } from '../../src/db/replicas/read-routing.js';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import { createMember } from '../../src/modules/team/members/member-service.js';
import { replicaPrerequisitesMissing, startStreamingReplica, type StreamingReplica } from './streaming-replica.js';

const POSTGRES_URL = process.env.OUTPOST_TEST_POSTGRES_URL;
const PASSWORD = 'correct horse battery';
const missing = replicaPrerequisitesMissing();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

describe('read-replica test prerequisites', () => {
  it('has PostgreSQL, its server binaries and root in CI (the replica test must run there, never skip)', () => {
    if (process.env.CI === 'true') expect(missing, 'the read-replica test cannot make a replica').toEqual([]);
  });
});

/** A browser: its cookies (session, and outpost_lsn once it has written) go with each request. */
interface Browser {
  cookies: Map<string, string>;
  csrf: string;
}

describe.runIf(missing.length === 0)('read replicas on a streaming replica', () => {
  const database = `outpost_replicas_${randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-replicas-'));
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  let replica: StreamingReplica;
  let replicaAdmin: pg.Client;
  let node: RunningWorkbench;
  let lead: Browser;
  let agent: Browser;
  let token: string;
  let accountId: string;

  const stats = (): ReadRoutingStats => node.db.readRouting!.stats();

  async function send(who: Browser | string, method: string, url: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (typeof who === 'string') headers.authorization = `Bearer ${who}`;
    else {
      headers.cookie = [...who.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
      headers['x-csrf-token'] = who.csrf;
    }
    const res = await fetch(`${node.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (typeof who !== 'string')
      for (const cookie of res.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        who.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
    return res;
  }
  async function call<T = Record<string, unknown>>(who: Browser | string, method: string, url: string, body?: unknown): Promise<T> {
    const res = await send(who, method, url, body);
    const json = (await res.json().catch(() => null)) as T;
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  }
  async function signIn(email: string): Promise<Browser> {
    const browser: Browser = { cookies: new Map(), csrf: '' };
    const res = await send(browser, 'POST', '/api/auth/sign-in', { email, password: PASSWORD });
    browser.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return browser;
  }
  const queueIds = async (who: Browser | string) =>
    (await call<{ items: { id: string }[] }>(who, 'GET', '/api/tickets?limit=200')).items.map((t) => t.id);
  const ticketRead = async (who: Browser | string, id: string) =>
    (await call<{ ticket: { id: string } }>(who, 'GET', `/api/tickets/${id}`)).ticket.id;
  /** Until the replica has replayed everything the primary has written so far. */
  const replicaCaughtUp = async () => {
    const target = parseLsn((await admin.query<{ lsn: string }>('select pg_current_wal_insert_lsn()::text as lsn')).rows[0]!.lsn);
    await until(
      'the replica to catch up',
      () => {
        const [state] = stats().replicas;
        return state!.up && state!.replayLsn !== null && parseLsn(state!.replayLsn) >= target;
      },
      15_000,
    );
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${database}`);
    // Copied with the cluster, so the replica has the database before the workbench starts.
    replica = await startStreamingReplica(POSTGRES_URL!);
    replicaAdmin = new pg.Client({ connectionString: replica.urlFor(database) });
    await replicaAdmin.connect();
    // It is stopped under the node's feet in the last test; this test client only pauses replay.
    replicaAdmin.on('error', () => {});
    const url = new URL(POSTGRES_URL!);
    url.pathname = `/${database}`;
    node = await startWorkbench({
      ...loadConfig({}),
      databaseUrl: url.toString(),
      databaseReadUrls: [replica.urlFor(database)],
      port: 0,
      host: '127.0.0.1',
      webRoot: '/nonexistent',
      logLevel: 'silent',
      dataDir,
    });
    for (const [email, name] of [
      ['lead@replicas.test', 'Support lead'],
      ['agent@replicas.test', 'Support agent'],
    ])
      await createMember(node.db.kysely, SYSTEM_CONTEXT, { email: email!, name: name!, roles: ['admin'], password: PASSWORD });
    lead = await signIn('lead@replicas.test');
    agent = await signIn('agent@replicas.test');
    accountId = (
      await call<{ id: string }>(lead, 'POST', '/api/accounts', { name: 'Replica Inc', domains: ['replicas.test'], segment: 'enterprise' })
    ).id;
    token = (await call<{ token: string }>(lead, 'POST', '/api/tokens', { name: 'Integration', scopes: ['tickets.read', 'tickets.write'] }))
      .token;
    await replicaCaughtUp();
  }, 60_000);

  afterAll(async () => {
    await replicaAdmin?.query('select pg_wal_replay_resume()').catch(() => undefined);
    await replicaAdmin?.end().catch(() => undefined);
    await node?.stop();
    await replica?.destroy();
    await until(
      "the node's connections to close",
      async () => (await admin.query(`select 1 from pg_stat_activity where datname = '${database}'`)).rowCount === 0,
      10_000,
    ).catch(() => undefined);
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('serves GET traffic from the replica', async () => {
    const before = stats();
    for (let i = 0; i < 10; i++) {
      await call(agent, 'GET', '/api/tickets');
      await call(agent, 'GET', '/api/accounts');
    }
    const after = stats();
    expect(after.replicaReads - before.replicaReads).toBeGreaterThanOrEqual(20);
    expect(after.primaryReads).toBe(before.primaryReads);
    // The replica's own view: the node's read pool is connected to it.
    const { rows } = await replicaAdmin.query(
      `select count(*)::int as n from pg_stat_activity where application_name = 'outpost-read' and datname = $1`,
      [database],
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('lets a member read their own write at once while replay is paused; others read the replica until it catches up', async () => {
    // A fresh sign-in, so the agent's session is not due a touch (a write) during the test.
    agent = await signIn('agent@replicas.test');
    await replicaCaughtUp();
    await replicaAdmin.query('select pg_wal_replay_pause()');
    await until(
      'replay to pause',
      async () => (await replicaAdmin.query(`select pg_get_wal_replay_pause_state() as s`)).rows[0].s === 'paused',
      5_000,
    );

    const ticket = await call<{ id: string }>(lead, 'POST', '/api/tickets', {
      subject: 'Written on the primary',
      description: 'Read back at once',
      requesterEmail: 'ops@replicas.test',
      accountId,
    });
    const written = lead.cookies.get('outpost_lsn');
    expect(written).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    // The lead sees the ticket, from the primary: the replica has not replayed the write.
    const beforeLead = stats();
    expect(await ticketRead(lead, ticket.id)).toBe(ticket.id);
    expect(await queueIds(lead)).toContain(ticket.id);
    const afterLead = stats();
    expect(afterLead.primaryReadsForFreshness).toBeGreaterThan(beforeLead.primaryReadsForFreshness);
    expect(afterLead.replicaReads).toBe(beforeLead.replicaReads);

    // The agent wrote nothing: its reads stay on the (paused, stale) replica.
    expect(await queueIds(agent)).not.toContain(ticket.id);
    expect((await send(agent, 'GET', `/api/tickets/${ticket.id}`)).status).toBe(404);
    const afterAgent = stats();
    expect(afterAgent.replicaReads).toBeGreaterThan(afterLead.replicaReads);

    // An API token has no cookie: this node remembers the position its write left.
    const viaToken = await call<{ id: string }>(token, 'POST', '/api/tickets', {
      subject: 'Written by an integration',
      description: 'Read back at once',
      requesterEmail: 'ops@replicas.test',
      accountId,
    });
    expect(await ticketRead(token, viaToken.id)).toBe(viaToken.id);

    // Replay resumes: once the replica has passed the lead's write, the lead reads from it again.
    await replicaAdmin.query('select pg_wal_replay_resume()');
    await until('the replica to pass the write', () => parseLsn(stats().replicas[0]!.replayLsn ?? '0/0') >= parseLsn(written!), 10_000);
    const resumed = stats();
    expect(await ticketRead(lead, ticket.id)).toBe(ticket.id);
    expect(await queueIds(agent)).toContain(ticket.id);
    const end = stats();
    expect(end.replicaReads).toBeGreaterThan(resumed.replicaReads);
    expect(end.primaryReadsForFreshness).toBe(resumed.primaryReadsForFreshness);
  }, 30_000);

  it('fails no request when the replica dies mid-burst, and reads from it again once it is back', async () => {
    const failures: string[] = [];
    let served = 0;
    let running = true;
    const reader = async (who: Browser | string) => {
      while (running) {
        const res = await send(who, 'GET', '/api/tickets?limit=20').catch((err: Error) => err);
        if (res instanceof Error) failures.push(res.message);
        else if (!res.ok) failures.push(`${res.status}: ${await res.text()}`);
        else {
          await res.arrayBuffer();
          served++;
        }
      }
    };
    const before = stats();
    const readers = [reader(lead), reader(agent), reader(token), reader(agent)];
    await sleep(700);
    const servedBeforeStop = served;
    await replica.stop('immediate');
    await sleep(1_500);
    running = false;
    await Promise.all(readers);

    expect(failures).toEqual([]);
    expect(served).toBeGreaterThan(servedBeforeStop);
    const down = stats();
    expect(down.replicas[0]!.up).toBe(false);
    expect(down.replicaReads).toBeGreaterThan(before.replicaReads);
    expect(down.primaryReads).toBeGreaterThan(before.primaryReads);

    await replica.start();
    await until('the replica to be back in rotation', () => stats().replicas[0]!.up, 15_000);
    const back = stats();
    await queueIds(agent);
    expect(stats().replicaReads, JSON.stringify(stats())).toBeGreaterThan(back.replicaReads);
  }, 40_000);
});
