import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { stripJsonSuffix, thisUrlWith, zendeskTime } from './urls.js';

/**
 * The /api/v2 shell every Zendesk-compatible endpoint stands on: Zendesk clients' credentials,
 * Zendesk's error bodies and the `.json` suffix (issue 18). The endpoints' own tests sit beside them.
 */
describe.each(testDialects())('the Zendesk-compatible API shell on %s', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier1']);
  });
  afterAll(async () => t.close());

  const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

  it('answers an unknown path in Zendesk’s shape, with or without .json', async () => {
    for (const url of ['/api/v2/no_such_thing.json', '/api/v2/no_such_thing']) {
      const res = await agent.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: 'InvalidEndpoint', description: 'Not found' });
    }
  });

  it('accepts Basic email/token:TOKEN only for the member who made the token', async () => {
    const own = await t.app.inject({ method: 'GET', url: '/api/tickets', headers: { authorization: agent.authorization } });
    expect(own.statusCode).toBe(200);
    const someoneElse = await t.app.inject({
      method: 'GET',
      url: '/api/tickets',
      headers: { authorization: basic('admin@elsewhere.test/token', agent.token) },
    });
    expect(someoneElse.statusCode).toBe(401);
    const bearer = await t.app.inject({ method: 'GET', url: '/api/tickets', headers: { authorization: `Bearer ${agent.token}` } });
    expect(bearer.statusCode).toBe(200);
  });

  it('refuses Basic email:password unless password access is switched on', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/tickets', headers: { authorization: basic(agent.email, TEST_PASSWORD) } });
    expect(res.statusCode).toBe(401);
    process.env.OUTPOST_API_PASSWORD_ACCESS = 'true';
    try {
      const allowed = await t.app.inject({
        method: 'GET',
        url: '/api/tickets',
        headers: { authorization: basic(agent.email, TEST_PASSWORD) },
      });
      expect(allowed.statusCode).toBe(200);
      const wrong = await t.app.inject({
        method: 'GET',
        url: '/api/tickets',
        headers: { authorization: basic(agent.email, 'not the password') },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      delete process.env.OUTPOST_API_PASSWORD_ACCESS;
    }
  });

  it('ignores garbage credentials rather than failing on them', async () => {
    for (const authorization of ['Basic !!!', 'Basic ' + Buffer.from('no-colon').toString('base64'), 'Digest abc']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/tickets', headers: { authorization } });
      expect(res.statusCode).toBe(401);
    }
  });
});

describe.each(testDialects())('the /api/v2 rate limit on %s', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let other: ZendeskClient;
  const before = process.env.OUTPOST_API_RATE_LIMIT;
  beforeAll(async () => {
    process.env.OUTPOST_API_RATE_LIMIT = '3';
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier1']);
    other = await zendeskClient(t, ['support_tier1']);
  });
  afterAll(async () => {
    process.env.OUTPOST_API_RATE_LIMIT = before;
    await t.close();
  });

  it('answers 429 with Retry-After past the limit, per caller, and tells what is left', async () => {
    const first = await agent.get('/api/v2/no_such_thing.json');
    expect(first.headers['x-rate-limit']).toBe('3');
    expect(first.headers['x-rate-limit-remaining']).toBe('2');
    await agent.get('/api/v2/no_such_thing.json');
    await agent.get('/api/v2/no_such_thing.json');
    const over = await agent.get('/api/v2/no_such_thing.json');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(over.json()).toMatchObject({ error: 'APIRateLimitExceeded' });
    // Another member's token has its own allowance.
    expect((await other.get('/api/v2/no_such_thing.json')).statusCode).toBe(404);
  });
});

describe('Zendesk URLs', () => {
  it('strips .json before routing, only under /api/v2', () => {
    expect(stripJsonSuffix('/api/v2/tickets.json')).toBe('/api/v2/tickets');
    expect(stripJsonSuffix('/api/v2/tickets/12.json?include=users')).toBe('/api/v2/tickets/12?include=users');
    expect(stripJsonSuffix('/api/tickets.json')).toBe('/api/tickets.json');
    expect(stripJsonSuffix('/api/v2/attachments/report.json.txt')).toBe('/api/v2/attachments/report.json.txt');
  });

  it('gives times to the second in UTC, as Zendesk does', () => {
    expect(zendeskTime('2026-12-04T10:15:00.123Z')).toBe('2026-12-04T10:15:00Z');
    expect(zendeskTime(null)).toBeNull();
  });

  it('builds next-page links on the host the client called, with .json', () => {
    const request = { url: '/api/v2/tickets?per_page=2', protocol: 'https', host: 'desk.example.com' } as never;
    expect(thisUrlWith(request, { page: 3 })).toBe('https://desk.example.com/api/v2/tickets.json?per_page=2&page=3');
  });
});
