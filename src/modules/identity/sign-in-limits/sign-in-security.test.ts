import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, TEST_PASSWORD, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../app/server.js';
import { loadConfig } from '../../../app/config.js';
import { secretBoxFromKey } from '../../platform/webhooks/secret-box.js';
import { countAttempt, deleteEndedRateLimitWindows } from './rate-limit-store.js';

describe.each(testDialects())('sign-in hardening on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
  });
  afterAll(async () => t.close());

  const signIn = (email: string, password: string, ip = '127.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress: ip });

  it('locks a member after five wrong passwords, even against the right one, and audits the lock', async () => {
    const victim = await signInAs(t, ['support_tier1']);
    for (let i = 0; i < 5; i++)
      expectError(await signIn(victim.email, 'wrong password!', `10.0.0.${i + 1}`), 401, 'auth.invalid_credentials');
    const locked = expectError(await signIn(victim.email, TEST_PASSWORD, '10.0.1.1'), 429, 'auth.locked');
    expect(locked.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?recordId=${victim.memberId}` })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('member.sign_in_locked');
  });

  it('clears the failure count after a successful sign-in', async () => {
    const member = await signInAs(t, ['field']);
    for (let i = 0; i < 4; i++) await signIn(member.email, 'wrong password!', `10.0.2.${i + 1}`);
    expect((await signIn(member.email, TEST_PASSWORD, '10.0.3.1')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await signIn(member.email, 'wrong password!', `10.0.4.${i + 1}`);
    expect((await signIn(member.email, TEST_PASSWORD, '10.0.5.1')).statusCode).toBe(200);
  });

  it('rate-limits sign-in attempts from one address for one e-mail, not for others', async () => {
    const ip = '10.9.9.9';
    const results = [];
    for (let i = 0; i < 20; i++) results.push((await signIn('nobody@team.test', 'wrong password!', ip)).statusCode);
    expect(results.every((s) => s === 401)).toBe(true);
    const limited = await signIn('nobody@team.test', 'wrong password!', ip);
    expectError(limited, 429, 'request.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('someone-else@team.test', 'wrong password!', ip)).statusCode).toBe(401);
  });

  it('counts sign-in attempts across nodes: a second server on the same database sees the first one’s', async () => {
    // Another node: its own server process state, the same database.
    const nodeB = await buildServer({
      db: t.db,
      config: { ...loadConfig({}), webRoot: '/nonexistent' },
      logger: false,
      secretBox: secretBoxFromKey(randomBytes(32)),
    });
    try {
      const attempt = (app: FastifyInstance) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { email: 'spread@team.test', password: 'wrong password!' },
          remoteAddress: '10.7.7.7',
        });
      const results = [];
      for (let i = 0; i < 20; i++) results.push((await attempt(i % 2 ? nodeB : t.app)).statusCode);
      expect(results.every((s) => s === 401)).toBe(true);
      // Ten attempts on each node: the twenty-first is refused on both.
      expectError(await attempt(nodeB), 429, 'request.rate_limited');
      expectError(await attempt(t.app), 429, 'request.rate_limited');
    } finally {
      await nodeB.close();
    }
  });

  it('starts a new window once the old one has ended, and the expiry pass deletes ended windows', async () => {
    const now = new Date('2026-03-02T10:00:00.000Z');
    expect(await countAttempt(t.db.kysely, 'test|window', 60_000, now)).toEqual({ current: 1, ttl: 60_000 });
    expect(await countAttempt(t.db.kysely, 'test|window', 60_000, new Date(now.getTime() + 20_000))).toEqual({ current: 2, ttl: 40_000 });
    expect(await countAttempt(t.db.kysely, 'test|window', 60_000, new Date(now.getTime() + 61_000))).toEqual({ current: 1, ttl: 60_000 });
    expect(await deleteEndedRateLimitWindows(t.db.kysely, new Date(now.getTime() + 120_000))).toBe(0);
    expect(await deleteEndedRateLimitWindows(t.db.kysely, new Date(now.getTime() + 122_000))).toBeGreaterThanOrEqual(1);
    const left = await t.db.kysely.selectFrom('rate_limit_counters').select('key').where('key', '=', 'test|window').execute();
    expect(left).toEqual([]);
  });

  it('sends secure headers and a content security policy; HSTS and upgrade-insecure-requests only over HTTPS (issue 13)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Over plain HTTP they would send the browser to an https:// that is not there.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');

    const https = await buildServer({
      db: t.db,
      config: { ...loadConfig({ OUTPOST_SECURE_COOKIES: 'true' }), webRoot: '/nonexistent' },
      logger: false,
      secretBox: secretBoxFromKey(randomBytes(32)),
    });
    try {
      const secure = await https.inject({ method: 'GET', url: '/healthz' });
      expect(secure.headers['strict-transport-security']).toContain('max-age=');
      expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });

  it('listens on this machine only unless HOST says otherwise (issue 13)', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('lists your sessions and signs one of them out', async () => {
    const member = await signInAs(t, ['customer_success']);
    const second = await signIn(member.email, TEST_PASSWORD, '10.1.1.1');
    const secondCookie = second.cookies.find((c) => c.name === 'outpost_session')!.value;
    const sessions = (await member.request({ method: 'GET', url: '/api/auth/sessions' })).json().items as {
      id: string;
      current: boolean;
      ip: string;
    }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const other = sessions.find((s) => !s.current)!;
    expect(other.ip).toBe('10.1.1.1');
    expect((await member.request({ method: 'DELETE', url: `/api/auth/sessions/${other.id}` })).statusCode).toBe(204);
    const afterwards = await t.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: `outpost_session=${secondCookie}` },
    });
    expectError(afterwards, 401, 'auth.unauthenticated');
    expectError(
      await admin.request({ method: 'DELETE', url: `/api/auth/sessions/${sessions.find((s) => s.current)!.id}` }),
      404,
      'auth.session_not_found',
    );
  });
});
