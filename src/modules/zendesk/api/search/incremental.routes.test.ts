import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { createContactViaService } from '../../../../../test/factories/index.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { searchDesk, type SearchDesk } from './search-fixtures.js';

const HOUR = 3_600_000;
const relative = (url: string) => new URL(url).pathname + new URL(url).search;

describe.each(testDialects())('GET /api/v2/incremental — Zendesk incremental exports (%s)', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let desk: SearchDesk;
  /** The export's start: an hour before the first ticket. */
  let startTime: number;
  const numbers: number[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier2']);
    desk = await searchDesk(t);
    const base = Date.now() - 10 * HOUR;
    startTime = Math.floor((base - HOUR) / 1000);
    // Seven tickets: three changed within one second, so a page boundary falls inside a second.
    const times = [0, 1000, 1000, 1000, 5000, 9000, 12_000].map((ms) => new Date(base + ms));
    for (const at of times) numbers.push((await desk.ticket({ subject: `Export me ${at.getTime()}`, at })).number);
  });
  afterAll(async () => t.close());

  it('answers the time-based export in Zendesk’s shape (tickets, next_page, count, end_time, end_of_stream)', async () => {
    const res = await agent.get(`/api/v2/incremental/tickets.json?start_time=${startTime}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ count: 7, end_of_stream: true, end_time: expect.any(Number) });
    expect(body.tickets.map((x: { id: number }) => x.id)).toEqual(numbers);
    expect(body.next_page).toMatch(new RegExp(`/api/v2/incremental/tickets\\.json\\?start_time=${body.end_time}$`));
    expect(body.tickets[0]).toMatchObject({ id: numbers[0], status: 'new', generated_timestamp: expect.any(Number) });
  });

  it('returns every ticket changed since start_time exactly once across time-based pages', async () => {
    const seen: number[] = [];
    let url: string | null = `/api/v2/incremental/tickets.json?start_time=${startTime}&per_page=2`;
    let pages = 0;
    while (url && pages++ < 20) {
      const body = (await agent.get(url)).json() as { tickets: { id: number }[]; end_of_stream: boolean; next_page: string };
      seen.push(...body.tickets.map((x) => x.id));
      url = body.end_of_stream ? null : relative(body.next_page as string);
    }
    expect(seen).toEqual(numbers);
  });

  it('returns every ticket exactly once across cursor pages, and a ticket changed mid-export again later', async () => {
    const first = (await agent.get(`/api/v2/incremental/tickets/cursor.json?start_time=${startTime}&per_page=3`)).json();
    expect(first).toMatchObject({ end_of_stream: false, before_url: null, before_cursor: null, after_cursor: expect.any(String) });
    expect(first.after_url).toMatch(/\/api\/v2\/incremental\/tickets\/cursor\.json\?.*cursor=/);
    const seen: number[] = first.tickets.map((x: { id: number }) => x.id);
    // The first exported ticket changes while the export runs: it moves to the end of the order.
    await desk.update((await ticketIdOf(numbers[0]!))!, { priority: 'urgent' });
    let body = first;
    while (!body.end_of_stream) {
      body = (await agent.get(relative(body.after_url as string))).json();
      seen.push(...body.tickets.map((x: { id: number }) => x.id));
    }
    expect(seen).toEqual([...numbers, numbers[0]]);
    expect(body.tickets.at(-1)).toMatchObject({ id: numbers[0], priority: 'urgent' });
    // At the end of the stream the cursor still resumes: nothing new, nothing repeated.
    const later = (await agent.get(`/api/v2/incremental/tickets/cursor.json?cursor=${body.after_cursor}`)).json();
    expect(later).toMatchObject({ tickets: [], end_of_stream: true });
  });

  it.each([
    ['a negative start_time', 'start_time=-5', /start_time/],
    ['a start_time in the future', `start_time=${Math.floor(Date.now() / 1000) + 3600}`, /future/],
    ['a start_time that is no number', 'start_time=yesterday', /Unix time/],
    ['no start_time', '', /start_time/],
  ])('refuses %s with 400 InvalidValue', async (_case, query, description) => {
    for (const path of [
      '/api/v2/incremental/tickets.json',
      '/api/v2/incremental/tickets/cursor.json',
      '/api/v2/incremental/users.json',
      '/api/v2/incremental/organizations.json',
    ]) {
      const res = await agent.get(`${path}?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'InvalidValue', description: expect.stringMatching(description) });
    }
  });

  it('refuses a cursor it did not hand out with 400', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('["x",null,null]').toString('base64url')]) {
      const res = await agent.get(`/api/v2/incremental/tickets/cursor.json?cursor=${cursor}`);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ error: 'InvalidValue', description: expect.stringMatching(/cursor/) });
    }
  });

  it('exports users — members (agents) and contacts (end users) — by time and by cursor', async () => {
    const since = Math.floor(Date.now() / 1000) - 5;
    const contact = await createContactViaService(t.db, desk.accountId, { name: 'Fresh Contact' });
    const timeBased = (await agent.get(`/api/v2/incremental/users.json?start_time=${since - 3600}`)).json();
    const emails = (timeBased.users as { email: string }[]).map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining([agent.email, contact.email]));
    expect(timeBased).toMatchObject({ end_of_stream: true, count: timeBased.users.length });
    const roles = Object.fromEntries((timeBased.users as { email: string; role: string }[]).map((u) => [u.email, u.role]));
    expect(roles[contact.email]).toBe('end-user');
    expect(roles[agent.email]).not.toBe('end-user');

    const seen: string[] = [];
    let body = (await agent.get(`/api/v2/incremental/users/cursor.json?start_time=${since - 3600}&per_page=1`)).json();
    seen.push(...body.users.map((u: { email: string }) => u.email));
    while (!body.end_of_stream) {
      body = (await agent.get(relative(body.after_url as string))).json();
      seen.push(...body.users.map((u: { email: string }) => u.email));
    }
    expect(seen.sort()).toEqual([...emails].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('leaves end users (customer contacts) out for a token that may not read accounts', async () => {
    const since = Math.floor(Date.now() / 1000) - 3600;
    const contact = await createContactViaService(t.db, desk.accountId, { name: 'Private Contact' });
    const membersOnly = await zendeskClient(t, ['support_tier2'], undefined, ['members.read']);
    for (const url of [`/api/v2/incremental/users.json?start_time=${since}`, `/api/v2/incremental/users/cursor.json?start_time=${since}`]) {
      const users = (await membersOnly.get(url)).json().users as { email: string; role: string }[];
      expect(users.map((u) => u.email)).toContain(membersOnly.email);
      expect(users.map((u) => u.email)).not.toContain(contact.email);
      expect(users.every((u) => u.role !== 'end-user')).toBe(true);
    }
  });

  it('exports organizations (accounts) changed since start_time', async () => {
    const body = (await agent.get(`/api/v2/incremental/organizations.json?start_time=${startTime}`)).json();
    expect(body).toMatchObject({ end_of_stream: true, count: body.organizations.length, end_time: expect.any(Number) });
    expect((body.organizations as { name: string }[]).map((o) => o.name)).toContain(desk.accountName);
  });

  it('answers anonymous callers 401 in Zendesk’s shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v2/incremental/tickets.json?start_time=${startTime}` });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: "Couldn't authenticate you" });
  });

  async function ticketIdOf(number: number): Promise<string | undefined> {
    const row = await t.db.kysely.selectFrom('tickets').select('id').where('number', '=', number).executeTakeFirst();
    return row?.id;
  }
});
