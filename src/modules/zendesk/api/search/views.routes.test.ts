import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unique } from '../../../../../test/factories/index.js';
import { SYSTEM_CONTEXT } from '../../../../kernel/actor.js';
import type { Permission } from '../../../identity/roles/roles.js';
import { actorForMemberId, createToken } from '../../../identity/sessions/auth-service.js';
import { createMember } from '../../../team/members/member-service.js';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, TEST_PASSWORD, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { createView, listViews } from '../../../support/queues/views.js';
import { REFERENCE_VIEW, REFERENCE_VIEW_COUNT, REFERENCE_VIEW_EXECUTE } from './reference-examples.js';
import { searchDesk, type SearchDesk } from './search-fixtures.js';

const relative = (url: string) => new URL(url).pathname + new URL(url).search;

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

describe.each(testDialects())('GET /api/v2/views — Zendesk views over Outpost’s queues (%s)', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let other: ZendeskClient;
  let desk: SearchDesk;
  const viewIds: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier1']);
    other = await zendeskClient(t, ['support_tier1']);
    desk = await searchDesk(t);
    for (let i = 0; i < 5; i++) await desk.ticket({ subject: `Unassigned ${i}`, tags: i % 2 ? ['vip'] : [] });
    for (let i = 0; i < 3; i++) await desk.ticket({ subject: `Mine ${i}`, assigneeId: agent.memberId });
    await desk.ticket({ subject: 'Someone else’s', assigneeId: other.memberId });
    await createView(t.db.kysely, { name: 'My VIPs', filters: { tag: 'vip', statuses: ['new', 'open'] }, shared: false }, agent.memberId);
    await createView(t.db.kysely, { name: 'Other’s private view', filters: { statuses: ['new'] }, shared: false }, other.memberId);
    const list = (await agent.get('/api/v2/views.json')).json();
    for (const v of list.views as { id: number; title: string }[]) viewIds[v.title] = v.id;
  });
  afterAll(async () => t.close());

  it('lists shared views and the caller’s own, never another member’s personal view', async () => {
    const res = await agent.get('/api/v2/views.json');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ next_page: null, previous_page: null, count: body.views.length });
    const titles = (body.views as { title: string }[]).map((v) => v.title);
    expect(titles).toEqual(expect.arrayContaining(['My open tickets', 'All unsolved', 'My VIPs']));
    expect(titles).not.toContain('Other’s private view');
    const mine = (body.views as { title: string; restriction: unknown }[]).find((v) => v.title === 'My VIPs')!;
    expect(mine.restriction).toMatchObject({ type: 'User', id: expect.any(Number) });
    expect((await agent.get('/api/v2/views/active.json')).json().count).toBe(body.count);
  });

  it('shows one view in the reference’s shape; another member’s personal view is not found', async () => {
    const res = await agent.get(`/api/v2/views/${viewIds['All unsolved']}.json`);
    expect(res.statusCode).toBe(200);
    const view = res.json().view;
    expect(Object.keys(view)).toEqual(expect.arrayContaining(Object.keys(REFERENCE_VIEW.view)));
    expect(view).toMatchObject({
      id: viewIds['All unsolved'],
      title: 'All unsolved',
      active: true,
      conditions: { all: [{ field: 'status', operator: 'less_than', value: 'solved' }] },
    });
    const othersView = (await other.get('/api/v2/views.json'))
      .json()
      .views.find((v: { title: string }) => v.title === 'Other’s private view');
    const hidden = await agent.get(`/api/v2/views/${othersView.id}.json`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ error: 'RecordNotFound' });
    expect((await agent.get('/api/v2/views/99999999.json')).statusCode).toBe(404);
    expect((await agent.get('/api/v2/views/not-a-number.json')).statusCode).toBe(404);
  });

  it('counts each view exactly as Outpost’s queue counts it', async () => {
    const queue = await listViews(t.db.kysely, agent.memberId);
    for (const view of queue) {
      const res = await agent.get(`/api/v2/views/${viewIds[view.name]}/count.json`);
      expect(res.statusCode).toBe(200);
      const count = res.json().view_count;
      expect(Object.keys(count).sort()).toEqual(Object.keys(REFERENCE_VIEW_COUNT.view_count).sort());
      expect(count).toMatchObject({ view_id: viewIds[view.name], value: view.count, fresh: true });
    }
    expect(queue.find((v) => v.name === 'My open tickets')!.count).toBe(3);
    expect(queue.find((v) => v.name === 'My VIPs')!.count).toBe(2);
  });

  it('counts several views at /views/count_many, leaving out views the caller may not see', async () => {
    const ids = [viewIds['My open tickets'], viewIds['All unsolved']];
    const res = await agent.get(`/api/v2/views/count_many.json?ids=${ids.join(',')}`);
    expect(res.statusCode).toBe(200);
    expect((res.json().view_counts as { view_id: number; value: number }[]).map((c) => [c.view_id, c.value])).toEqual([
      [ids[0], 3],
      [ids[1], 9],
    ]);
    expect((await agent.get('/api/v2/views/count_many.json?ids=abc')).statusCode).toBe(400);
  });

  it('pages a view’s tickets in queue order and runs it with rows and columns', async () => {
    const id = viewIds['All unsolved'];
    const first = (await agent.get(`/api/v2/views/${id}/tickets.json?per_page=5`)).json();
    expect(first).toMatchObject({ count: 9, previous_page: null });
    expect(first.tickets).toHaveLength(5);
    const second = (await agent.get(relative(first.next_page as string))).json();
    expect(second.tickets).toHaveLength(4);
    const all = [...first.tickets, ...second.tickets].map((x: { id: number }) => x.id);
    expect(new Set(all).size).toBe(9);

    const run = await agent.get(`/api/v2/views/${viewIds['My open tickets']}/execute.json`);
    expect(run.statusCode).toBe(200);
    const body = run.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(Object.keys(REFERENCE_VIEW_EXECUTE)));
    expect(body).toMatchObject({ count: 3, view: { id: viewIds['My open tickets'] } });
    expect(body.rows.map((r: { subject: string }) => r.subject).sort()).toEqual(['Mine 0', 'Mine 1', 'Mine 2']);
    expect(body.rows[0]).toMatchObject({
      ticket: { id: expect.any(Number), subject: expect.any(String) },
      requester_id: expect.any(Number),
    });
    expect(body.columns.map((c: { id: string }) => c.id)).toContain('subject');
  });

  it('answers anonymous callers 401 and a token without tickets.read 403', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v2/views.json' });
    expect(anonymous.statusCode).toBe(401);
    const authorization = await scopedAuthorization(t, ['accounts.read']);
    const forbidden = await t.app.inject({
      method: 'GET',
      url: `/api/v2/views/${viewIds['All unsolved']}/count.json`,
      headers: { authorization },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json()).toMatchObject({ error: 'Forbidden' });
  });
});
