import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unique } from '../../../../../test/factories/index.js';
import { SYSTEM_CONTEXT } from '../../../../kernel/actor.js';
import type { Permission } from '../../../identity/roles/roles.js';
import { actorForMemberId, createToken } from '../../../identity/sessions/auth-service.js';
import { createMember } from '../../../team/members/member-service.js';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { searchDesk, type SearchDesk } from './search-fixtures.js';

const DAY = 86_400_000;

/** Basic `email/token:TOKEN` for a token that carries only these permissions (a narrowly scoped integration). */
async function scopedAuthorization(t: TestApp, scopes: Permission[]): Promise<string> {
  const email = `scoped${unique()}@team.test`;
  const { member } = await createMember(t.db.kysely, SYSTEM_CONTEXT, {
    email,
    name: 'Scoped script',
    roles: ['support_tier1'],
    password: TEST_PASSWORD,
  });
  const actor = (await actorForMemberId(t.db.kysely, member.id))!;
  const ctx = { ...SYSTEM_CONTEXT, actorType: 'member' as const, actorId: member.id, memberId: member.id };
  const { token } = await createToken(t.db.kysely, actor, ctx, { name: 'scoped', scopes });
  return `Basic ${Buffer.from(`${email}/token:${token}`).toString('base64')}`;
}

describe.each(testDialects())('GET /api/v2/search — Zendesk query language (%s)', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let desk: SearchDesk;
  const tickets: Record<string, { id: string; number: number }> = {};

  /** The ticket numbers (Zendesk ids) a query finds, sorted. */
  async function found(query: string, extra = ''): Promise<number[]> {
    const res = await agent.get(`/api/v2/search.json?query=${encodeURIComponent(query)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().results as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
  }
  const ids = (...names: string[]) => names.map((n) => tickets[n]!.number).sort((a, b) => a - b);

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier2']);
    desk = await searchDesk(t);
    const now = Date.now();
    tickets.oldOpen = await desk.ticket({
      subject: 'Printer on fire',
      tags: ['hardware', 'vip'],
      priority: 'high',
      at: new Date(now - 40 * DAY),
    });
    tickets.mine = await desk.ticket({
      subject: 'Login fails after upgrade',
      assigneeId: agent.memberId,
      type: 'incident',
      tags: ['auth'],
    });
    tickets.pending = await desk.ticket({
      subject: 'Invoice question',
      requesterId: desk.requesters[1]!.id,
      type: 'question',
      priority: 'low',
    });
    tickets.solved = await desk.ticket({ subject: 'Export is slow', priority: 'urgent', tags: ['performance', 'vip'] });
    await desk.update(tickets.pending.id, { status: 'pending' });
    await desk.update(tickets.solved.id, { status: 'solved' });
  });
  afterAll(async () => t.close());

  it('answers in Zendesk’s search envelope, each result a ticket with result_type', async () => {
    const res = await agent.get('/api/v2/search.json?query=type:ticket');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ facets: null, next_page: null, previous_page: null, count: 4 });
    expect(body.results).toHaveLength(4);
    for (const r of body.results)
      expect(r).toMatchObject({ result_type: 'ticket', url: expect.stringMatching(/\/api\/v2\/tickets\/\d+\.json$/) });
  });

  it('filters by status, with comparisons in Zendesk’s workflow order (hold sits before solved)', async () => {
    expect(await found('status:open')).toEqual(ids('mine'));
    expect(await found('status:new')).toEqual(ids('oldOpen'));
    expect(await found('status<solved')).toEqual(ids('oldOpen', 'mine', 'pending'));
    expect(await found('status>pending')).toEqual(ids('solved'));
    expect(await found('status:open status:pending')).toEqual(ids('mine', 'pending'));
    expect(await found('-status:solved')).toEqual(ids('oldOpen', 'mine', 'pending'));
  });

  it('filters by priority, ticket_type and tags, including -tags and a quoted list of tags', async () => {
    expect(await found('priority>normal')).toEqual(ids('oldOpen', 'solved'));
    expect(await found('priority:low')).toEqual(ids('pending'));
    expect(await found('ticket_type:incident')).toEqual(ids('mine'));
    expect(await found('tags:vip')).toEqual(ids('oldOpen', 'solved'));
    expect(await found('tags:vip -tags:hardware')).toEqual(ids('solved'));
    expect(await found('tags:"auth hardware"')).toEqual(ids('oldOpen', 'mine'));
    expect(await found('tags:vip tags:performance')).toEqual(ids('solved'));
  });

  it('filters by requester, assignee, organization and group', async () => {
    expect(await found(`requester:${desk.requesters[1]!.email}`)).toEqual(ids('pending'));
    expect(await found('assignee:me')).toEqual(ids('mine'));
    expect(await found(`assignee:${agent.email}`)).toEqual(ids('mine'));
    expect(await found('assignee:none status<solved')).toEqual(ids('oldOpen', 'pending'));
    expect(await found(`organization:"${desk.accountName}"`)).toHaveLength(4);
    expect(await found('organization:"No such company"')).toEqual([]);
    expect(await found('group:none')).toHaveLength(4);
  });

  it('filters by created, updated and solved dates, absolute and relative', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const tenDaysAgo = new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10);
    expect(await found(`created<${tenDaysAgo}`)).toEqual(ids('oldOpen'));
    expect(await found(`created>${tenDaysAgo}`)).toEqual(ids('mine', 'pending', 'solved'));
    expect(await found('created>2days')).toEqual(ids('mine', 'pending', 'solved'));
    expect(await found('created<2days')).toEqual(ids('oldOpen'));
    expect(await found(`solved:${today}`)).toEqual(ids('solved'));
    expect(await found('updated>1hour status:pending')).toEqual(ids('pending'));
  });

  it('finds free words in subjects and messages, combined with keywords', async () => {
    expect(await found('printer')).toEqual(ids('oldOpen'));
    expect(await found('type:ticket upgrade status:open')).toEqual(ids('mine'));
    expect(await found('wrong')).toHaveLength(4);
    expect(await found('wrong tags:vip')).toEqual(ids('oldOpen', 'solved'));
  });

  it('sorts by sort_by/sort_order and by order_by:/sort: in the query', async () => {
    const order = async (q: string) =>
      ((await agent.get(`/api/v2/search.json?query=${encodeURIComponent(q)}`)).json().results as { id: number }[]).map((r) => r.id);
    expect(await order('type:ticket order_by:created sort:asc')).toEqual(ids('oldOpen', 'mine', 'pending', 'solved'));
    expect(await order('type:ticket order_by:priority sort:desc')).toEqual([
      tickets.solved!.number,
      tickets.oldOpen!.number,
      ...ids('mine'),
      tickets.pending!.number,
    ]);
    const res = await agent.get('/api/v2/search.json?query=type:ticket&sort_by=created_at&sort_order=desc');
    expect((res.json().results as { id: number }[]).map((r) => r.id)).toEqual(ids('oldOpen', 'mine', 'pending', 'solved').reverse());
  });

  it('pages by page/per_page with absolute next_page and previous_page URLs', async () => {
    const first = (await agent.get('/api/v2/search.json?query=type:ticket&per_page=3')).json();
    expect(first.results).toHaveLength(3);
    expect(first.count).toBe(4);
    expect(first.next_page).toMatch(/^http:\/\/[^/]+\/api\/v2\/search\.json\?.*page=2/);
    const second = (await agent.get(new URL(first.next_page as string).pathname + new URL(first.next_page as string).search)).json();
    expect(second.results).toHaveLength(1);
    expect(second.next_page).toBeNull();
    expect(second.previous_page).toMatch(/page=1/);
  });

  it('refuses a page past the 1,000th result with 422, as Zendesk does', async () => {
    const res = await agent.get('/api/v2/search.json?query=type:ticket&per_page=100&page=11');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toBeTypeOf('string');
  });

  it('counts matches at /search/count', async () => {
    const res = await agent.get(`/api/v2/search/count.json?query=${encodeURIComponent('type:ticket status<solved')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ count: 3 });
  });

  it('exports every match by cursor at /search/export with filter[type]=ticket', async () => {
    const seen: number[] = [];
    let url: string | null = '/api/v2/search/export.json?query=type:ticket&filter[type]=ticket&page[size]=3';
    while (url) {
      const res = await agent.get(url);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.facets).toBeNull();
      seen.push(...(body.results as { id: number }[]).map((r) => r.id));
      url = body.meta.has_more ? new URL(body.links.next as string).pathname + new URL(body.links.next as string).search : null;
    }
    expect(seen.sort((a, b) => a - b)).toEqual(ids('oldOpen', 'mine', 'pending', 'solved'));
    const noType = await agent.get('/api/v2/search/export.json?query=type:ticket');
    expect(noType.statusCode).toBe(400);
  });

  it.each([
    ['an unknown keyword', 'colour:red', /Unknown search keyword "colour"/],
    ['a status Zendesk does not have', 'status:stuck', /"status" cannot be "stuck"/],
    ['type: used for the ticket type', 'type:incident', /ticket_type:incident/],
    ['a date that is no date', 'created>yesterdayish', /"created" cannot be/],
    ['a comparison on tags', 'tags>vip', /"tags" does not take ">"/],
    ['an unknown order_by', 'order_by:colour', /"order_by" cannot be "colour"/],
    ['an empty query', '', /Give a search query/],
  ])('answers %s with 400 InvalidValue and a description that says what is wrong', async (_case, query, description) => {
    const res = await agent.get(`/api/v2/search.json?query=${encodeURIComponent(query)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'InvalidValue', description: expect.stringMatching(description) });
  });

  it('answers anonymous callers 401 and a token without tickets.read 403, in Zendesk’s shape', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v2/search.json?query=type:ticket' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: "Couldn't authenticate you" });
    const authorization = await scopedAuthorization(t, ['accounts.read']);
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/v2/search.json?query=type:ticket', headers: { authorization } });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: 'Forbidden' });
  });

  it('refuses wrong types in the query string with 400', async () => {
    expect((await agent.get('/api/v2/search.json?query=type:ticket&per_page=500')).statusCode).toBe(400);
    expect((await agent.get('/api/v2/search.json?query=type:ticket&page=zero')).statusCode).toBe(400);
    expect((await agent.get('/api/v2/search.json?query=type:ticket&sort_by=colour')).statusCode).toBe(400);
    expect((await agent.get(`/api/v2/search.json?query=${encodeURIComponent('status:open\u0000')}`)).statusCode).toBeLessThan(500);
  });
});
