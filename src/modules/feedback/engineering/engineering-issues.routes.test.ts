import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, type SignedIn, type TestApp, startTestApp } from '../../../../test/helpers/test-app.js';
import { ticketOnEnvironment } from './test-engineering.js';

describe.each(testDialects())('engineering issues on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let stakeholder: SignedIn;
  let fixture: Awaited<ReturnType<typeof ticketOnEnvironment>>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier2']);
    stakeholder = await signInAs(t, ['stakeholder']);
    fixture = await ticketOnEnvironment(t, admin, agent);
  });
  afterAll(async () => t.close());

  const count = async (table: 'engineering_issues' | 'engineering_issue_tickets' | 'escalations') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates ENG-numbered issues with the linked ticket’s environment filled into the reproduction', async () => {
    const res = await agent.request({
      method: 'POST',
      url: '/api/engineering-issues',
      payload: {
        title: 'Export times out',
        reproSteps: 'Export 10k rows',
        reproExpected: 'A CSV',
        reproActual: 'Timeout',
        ticketId: fixture.ticketId,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const issue = res.json();
    expect(issue).toMatchObject({
      key: expect.stringMatching(/^ENG-\d+$/),
      tracker: 'outpost',
      status: 'open',
      severity: 'medium',
      reproduction: {
        environment: { id: fixture.environmentId, name: 'production', product: fixture.product },
        productVersion: '4.1.0',
        configuration: { sso: 'okta', shards: 4 },
      },
      tickets: [{ id: fixture.ticketId, subject: 'Export times out on large projects', draftedReply: null }],
    });
    const second = await agent.request({ method: 'POST', url: '/api/engineering-issues', payload: { title: 'Second bug' } });
    expect(Number(second.json().key.slice(4))).toBe(Number(issue.key.slice(4)) + 1);
    expect(second.json().reproduction.environment).toBeNull();
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', issue.id).execute();
    expect(audit.map((a) => a.action)).toContain('engineering_issue.created');
  });

  it('lists with filters and pages, gets, and updates status, severity, fix release and repro', async () => {
    const created = (
      await agent.request({
        method: 'POST',
        url: '/api/engineering-issues',
        payload: { title: 'Login loop on Safari', severity: 'critical' },
      })
    ).json();
    const list = await stakeholder.request({ method: 'GET', url: '/api/engineering-issues?severity=critical&q=safari' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    const byKey = await stakeholder.request({
      method: 'GET',
      url: `/api/engineering-issues?q=${encodeURIComponent(created.key.toLowerCase())}`,
    });
    expect(byKey.json().items.map((i: { id: string }) => i.id)).toContain(created.id);
    const page1 = (await stakeholder.request({ method: 'GET', url: '/api/engineering-issues?limit=1' })).json();
    expect(page1.items).toHaveLength(1);
    const page2 = (await stakeholder.request({ method: 'GET', url: `/api/engineering-issues?limit=1&cursor=${page1.nextCursor}` })).json();
    expect(page2.items[0].id).not.toBe(page1.items[0].id);

    const patched = await agent.request({
      method: 'PATCH',
      url: `/api/engineering-issues/${created.id}`,
      payload: { status: 'in_progress', severity: 'high', reproActual: 'Redirects forever', environmentId: fixture.environmentId },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      status: 'in_progress',
      severity: 'high',
      resolvedAt: null,
      reproduction: { actual: 'Redirects forever', productVersion: '4.1.0' },
    });
    const resolved = (
      await agent.request({ method: 'PATCH', url: `/api/engineering-issues/${created.id}`, payload: { status: 'resolved' } })
    ).json();
    expect(resolved.resolvedAt).not.toBeNull();
    const got = await stakeholder.request({ method: 'GET', url: `/api/engineering-issues/${created.id}` });
    expect(got.json().status).toBe('resolved');
  });

  it('links and unlinks tickets (one bug, many tickets) and a feature request', async () => {
    const other = await ticketOnEnvironment(t, admin, agent);
    const issue = (await agent.request({ method: 'POST', url: '/api/engineering-issues', payload: { title: 'Shared bug' } })).json();
    const linked = await agent.request({
      method: 'POST',
      url: `/api/engineering-issues/${issue.id}/tickets`,
      payload: { ticketId: other.ticketId },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    // An issue without an environment takes the first linked ticket's.
    expect(linked.json().reproduction.environment.id).toBe(other.environmentId);
    await agent.request({ method: 'POST', url: `/api/engineering-issues/${issue.id}/tickets`, payload: { ticketId: fixture.ticketId } });
    const again = await agent.request({
      method: 'POST',
      url: `/api/engineering-issues/${issue.id}/tickets`,
      payload: { ticketId: fixture.ticketId },
    });
    expect(again.json().tickets).toHaveLength(2);
    const byTicket = await agent.request({ method: 'GET', url: `/api/engineering-issues?ticketId=${other.ticketId}` });
    expect(byTicket.json().items.map((i: { id: string }) => i.id)).toEqual([issue.id]);
    const unlinked = await agent.request({ method: 'DELETE', url: `/api/engineering-issues/${issue.id}/tickets/${other.ticketId}` });
    expect(unlinked.json().tickets.map((x: { id: string }) => x.id)).toEqual([fixture.ticketId]);
    const notLinked = await agent.request({ method: 'DELETE', url: `/api/engineering-issues/${issue.id}/tickets/${other.ticketId}` });
    expect(notLinked.statusCode).toBe(404);

    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('feature_requests')
      .values({
        id: 'fr-eng-1',
        title: 'Bulk export',
        description: '',
        product_area: null,
        status: 'planned',
        declined_reason: null,
        owner_id: null,
        target_release: null,
        visibility: 'internal',
        merged_into_id: null,
        shipped_at: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const withRequest = await agent.request({
      method: 'PUT',
      url: `/api/engineering-issues/${issue.id}/feature-request`,
      payload: { featureRequestId: 'fr-eng-1' },
    });
    expect(withRequest.json().featureRequest).toEqual({ id: 'fr-eng-1', title: 'Bulk export' });
    const missing = await agent.request({
      method: 'PUT',
      url: `/api/engineering-issues/${issue.id}/feature-request`,
      payload: { featureRequestId: 'nope' },
    });
    expect(missing.statusCode).toBe(422);
  });

  it('escalates a ticket to engineering by creating the issue, keeping engineeringLink for old clients', async () => {
    const f = await ticketOnEnvironment(t, admin, agent);
    const draft = await agent.request({ method: 'GET', url: `/api/tickets/${f.ticketId}/engineering-issue-draft` });
    expect(draft.json()).toMatchObject({ title: 'Export times out on large projects', environmentId: f.environmentId });
    const res = await agent.request({
      method: 'POST',
      url: `/api/tickets/${f.ticketId}/engineering-escalation`,
      payload: {
        reason: 'Needs a code fix',
        summary: 'Reproduced on 4.1.0',
        newIssue: { title: draft.json().title, reproSteps: draft.json().reproSteps },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const issue = res.json().issue;
    expect(issue.reproduction.environment.id).toBe(f.environmentId);
    expect(issue.tickets.map((x: { id: string }) => x.id)).toEqual([f.ticketId]);
    const ticket = (await agent.request({ method: 'GET', url: `/api/tickets/${f.ticketId}` })).json();
    expect(JSON.stringify(ticket)).toContain(`/engineering-issues/${issue.id}`);
    const escalations = (await agent.request({ method: 'GET', url: `/api/tickets/${f.ticketId}/escalations` })).json();
    const list = Array.isArray(escalations) ? escalations : escalations.items;
    expect(list.at(-1)).toMatchObject({ toTier: 'engineering', engineeringLink: `/engineering-issues/${issue.id}` });

    // Already in engineering: refused, and no second issue is created.
    const before = await count('engineering_issues');
    const again = await agent.request({
      method: 'POST',
      url: `/api/tickets/${f.ticketId}/engineering-escalation`,
      payload: { reason: 'Again', summary: 'Again and again', newIssue: { title: 'Dup' } },
    });
    expect(again.statusCode).toBe(409);
    expect(await count('engineering_issues')).toBe(before);
  });

  it('escalates by linking an existing issue', async () => {
    const f = await ticketOnEnvironment(t, admin, agent);
    const issue = (await agent.request({ method: 'POST', url: '/api/engineering-issues', payload: { title: 'Known bug' } })).json();
    const res = await agent.request({
      method: 'POST',
      url: `/api/tickets/${f.ticketId}/engineering-escalation`,
      payload: { reason: 'Known bug', summary: 'Matches the known issue', issueId: issue.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().issue.tickets.map((x: { id: string }) => x.id)).toEqual([f.ticketId]);
  });

  it('refuses by permission: stakeholders read only, trackers need settings.manage (they hold secrets)', async () => {
    expect((await stakeholder.request({ method: 'POST', url: '/api/engineering-issues', payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await agent.request({ method: 'GET', url: '/api/engineering-trackers' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/engineering-trackers' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/engineering-issues' })).statusCode).toBe(401);
  });

  it('refuses bad input with 4xx and writes nothing', async () => {
    const before = [await count('engineering_issues'), await count('engineering_issue_tickets')];
    const cases = [
      { method: 'POST' as const, url: '/api/engineering-issues', payload: { title: '' } },
      { method: 'POST' as const, url: '/api/engineering-issues', payload: { title: 'x', bogus: 1 } },
      { method: 'POST' as const, url: '/api/engineering-issues', payload: { title: 'x'.repeat(301) } },
      { method: 'POST' as const, url: '/api/engineering-issues', payload: { title: 'x', ticketId: 'missing' } },
      { method: 'POST' as const, url: '/api/engineering-issues', payload: { title: 'x', environmentId: 'missing' } },
      { method: 'POST' as const, url: '/api/engineering-issues', payload: { title: 'x', tracker: 'github' } },
      { method: 'POST' as const, url: '/api/engineering-issues/missing/tickets', payload: { ticketId: fixture.ticketId } },
      { method: 'PATCH' as const, url: '/api/engineering-issues/missing', payload: { status: 'resolved' } },
      {
        method: 'POST' as const,
        url: `/api/tickets/${fixture.ticketId}/engineering-escalation`,
        payload: { reason: 'abc', summary: 'abc' },
      },
    ];
    for (const c of cases) {
      const res = await agent.request(c);
      expect(res.statusCode, `${c.url} ${JSON.stringify(c.payload)} → ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.code).toBeTypeOf('string');
    }
    expect([await count('engineering_issues'), await count('engineering_issue_tickets')]).toEqual(before);
  });
});
