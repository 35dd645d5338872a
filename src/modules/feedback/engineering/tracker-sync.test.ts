import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, type SignedIn, type TestApp, startTestApp } from '../../../../test/helpers/test-app.js';
import { ticketOnEnvironment } from './test-engineering.js';

/**
 * A loopback stand-in for GitHub's and Jira's REST APIs (127.0.0.1 only) that answers like them
 * and refuses a request whose shape their public references would refuse: GitHub's "Create an
 * issue" (POST /repos/{owner}/{repo}/issues, Bearer token, vnd.github+json, API version header,
 * `title` required) and Jira Cloud's "Create issue" (POST /rest/api/3/issue, Basic e-mail:token,
 * fields.project.key, summary, issuetype, description as an ADF doc of version 1).
 */
async function fakeTrackers() {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the request body as the tracker would read it
  const seen: { path: string; headers: http.IncomingHttpHeaders; body: any }[] = [];
  let failNext = false;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : null;
      seen.push({ path: req.url!, headers: req.headers, body });
      const answer = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (failNext) {
        failNext = false;
        return answer(503, { message: 'Service unavailable' });
      }
      if (req.method === 'POST' && req.url === '/repos/acme/relay/issues') {
        const ok =
          req.headers.authorization === 'Bearer ghp_test' &&
          req.headers.accept === 'application/vnd.github+json' &&
          req.headers['x-github-api-version'] === '2022-11-28' &&
          typeof body?.title === 'string' &&
          typeof body?.body === 'string' &&
          Array.isArray(body?.labels);
        if (!ok) return answer(422, { message: 'Validation Failed' });
        return answer(201, { id: 1, number: 45, html_url: 'https://github.com/acme/relay/issues/45', state: 'open', title: body.title });
      }
      if (req.method === 'POST' && req.url === '/rest/api/3/issue') {
        const f = body?.fields;
        const ok =
          req.headers.authorization === `Basic ${Buffer.from('bot@acme.example:jira_test').toString('base64')}` &&
          f?.project?.key === 'PROJ' &&
          typeof f?.summary === 'string' &&
          f?.issuetype?.name === 'Bug' &&
          f?.description?.type === 'doc' &&
          f?.description?.version === 1 &&
          Array.isArray(f?.description?.content) &&
          JSON.stringify(f.description).includes('"type":"text"') &&
          !JSON.stringify(f.description).includes('"text":""');
        if (!ok) return answer(400, { errorMessages: [], errors: { description: 'Operation value must be an Atlassian Document' } });
        return answer(201, { id: '10045', key: 'PROJ-45', self: 'https://acme.atlassian.net/rest/api/3/issue/10045' });
      }
      answer(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, failOnce: () => (failNext = true), close: () => new Promise<void>((r) => server.close(() => r())) };
}

const GITHUB_SECRET = 'gh-webhook-secret';
const JIRA_SECRET = 'jira-shared-secret';

describe.each(testDialects())('tracker sync and fix shipping on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let trackers: Awaited<ReturnType<typeof fakeTrackers>>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier2']);
    trackers = await fakeTrackers();
    const res = await admin.request({
      method: 'PUT',
      url: '/api/engineering-trackers',
      payload: {
        github: { apiUrl: trackers.url, repo: 'acme/relay', token: 'ghp_test', webhookSecret: GITHUB_SECRET },
        jira: { baseUrl: trackers.url, projectKey: 'PROJ', email: 'bot@acme.example', apiToken: 'jira_test', webhookSecret: JIRA_SECRET },
      },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await trackers.close();
    await t.close();
  });

  const count = async (table: 'engineering_issues' | 'tracker_deliveries' | 'ticket_messages') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const github = (payload: unknown, opts: { delivery?: string; secret?: string; event?: string } = {}) => {
    const raw = JSON.stringify(payload);
    return t.app.inject({
      method: 'POST',
      url: '/api/engineering-trackers/github/webhook',
      headers: {
        'content-type': 'application/json',
        'x-github-event': opts.event ?? 'issues',
        'x-github-delivery': opts.delivery ?? crypto.randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', opts.secret ?? GITHUB_SECRET)
          .update(raw)
          .digest('hex')}`,
      },
      payload: raw,
    });
  };
  const closedEvent = (number: number, milestone: string | null) => ({
    action: 'closed',
    issue: {
      number,
      title: 'Export times out',
      state: 'closed',
      state_reason: 'completed',
      milestone: milestone ? { title: milestone } : null,
    },
    repository: { full_name: 'acme/relay' },
  });

  it('never returns the stored secrets', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/engineering-trackers' });
    expect(res.json()).toMatchObject({
      github: { repo: 'acme/relay', hasToken: true, hasWebhookSecret: true },
      jira: { projectKey: 'PROJ', hasApiToken: true },
    });
    expect(res.body).not.toContain('ghp_test');
    expect(res.body).not.toContain(GITHUB_SECRET);
    const stored = await t.db.kysely
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'feedback.trackers')
      .executeTakeFirstOrThrow();
    expect(stored.value).not.toContain('ghp_test');
  });

  it('creates the GitHub issue through its REST API and keeps owner/repo#n and the page', async () => {
    const f = await ticketOnEnvironment(t, admin, agent);
    const res = await agent.request({
      method: 'POST',
      url: '/api/engineering-issues',
      payload: { title: 'Export times out', tracker: 'github', reproSteps: 'Export 10k rows', ticketId: f.ticketId },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'acme/relay#45', tracker: 'github', trackerUrl: 'https://github.com/acme/relay/issues/45' });
    const sent = trackers.seen.at(-1)!;
    expect(sent.body.body).toContain('### Steps to reproduce');
    expect(sent.body.body).toContain('4.1.0');
  });

  it('creates the Jira issue with an ADF description and keeps PROJ-n and the browse page', async () => {
    const res = await agent.request({
      method: 'POST',
      url: '/api/engineering-issues',
      payload: { title: 'Sync drops rows', tracker: 'jira', reproSteps: 'Sync\n\nThen look', reproActual: '' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ key: 'PROJ-45', tracker: 'jira', trackerUrl: `${trackers.url}/browse/PROJ-45` });
  });

  it('answers 502 in the error shape and writes nothing when the tracker fails', async () => {
    const before = await count('engineering_issues');
    trackers.failOnce();
    const res = await agent.request({ method: 'POST', url: '/api/engineering-issues', payload: { title: 'x', tracker: 'github' } });
    expect(res.statusCode).toBe(502);
    expect(res.json().error.code).toBe('trackers.request_failed');
    expect(await count('engineering_issues')).toBe(before);
  });

  it('refuses a bad or missing GitHub signature with 401 and changes nothing', async () => {
    const deliveries = await count('tracker_deliveries');
    const bad = await github(closedEvent(45, '4.2.0'), { secret: 'wrong' });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('trackers.signature_invalid');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/engineering-trackers/github/webhook',
      headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'd-missing' },
      payload: JSON.stringify(closedEvent(45, '4.2.0')),
    });
    expect(missing.statusCode).toBe(401);
    expect(await count('tracker_deliveries')).toBe(deliveries);
    const issue = await t.db.kysely
      .selectFrom('engineering_issues')
      .select('status')
      .where('key', '=', 'acme/relay#45')
      .executeTakeFirstOrThrow();
    expect(issue.status).toBe('open');
  });

  it('a signed close with a milestone resolves the issue, notes each ticket and drafts a reply, once even when replayed', async () => {
    const issue = await t.db.kysely
      .selectFrom('engineering_issues')
      .selectAll()
      .where('key', '=', 'acme/relay#45')
      .executeTakeFirstOrThrow();
    const link = await t.db.kysely
      .selectFrom('engineering_issue_tickets')
      .selectAll()
      .where('issue_id', '=', issue.id)
      .executeTakeFirstOrThrow();
    const messagesBefore = await count('ticket_messages');
    const res = await github(closedEvent(45, '4.2.0'), { delivery: 'delivery-1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ outcome: 'updated', issueKey: 'acme/relay#45' });
    const view = (await agent.request({ method: 'GET', url: `/api/engineering-issues/${issue.id}` })).json();
    expect(view).toMatchObject({ status: 'resolved', fixRelease: '4.2.0', fixAnnouncedAt: expect.any(String) });
    expect(view.tickets[0].draftedReply).toContain('4.2.0');
    const list = (await agent.request({ method: 'GET', url: `/api/tickets/${link.ticket_id}` })).json().messages;
    expect(list.filter((m: { visibility: string; body: string }) => m.visibility === 'internal' && m.body.includes('4.2.0'))).toHaveLength(
      1,
    );

    const replay = await github(closedEvent(45, '4.2.0'), { delivery: 'delivery-1' });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().outcome).toBe('duplicate');
    // Another delivery of the same state (reopen then close again) announces nothing more.
    await github({ ...closedEvent(45, '4.2.0'), action: 'reopened', issue: { number: 45, state: 'open', milestone: { title: '4.2.0' } } });
    await github(closedEvent(45, '4.2.0'));
    expect(await count('ticket_messages')).toBe(messagesBefore + 1);

    const sent = await agent.request({
      method: 'POST',
      url: `/api/engineering-issues/${issue.id}/tickets/${link.ticket_id}/reply`,
      payload: {},
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().tickets[0]).toMatchObject({ draftedReply: null, replySentAt: expect.any(String) });
    expect(await count('ticket_messages')).toBe(messagesBefore + 2);
    const twice = await agent.request({
      method: 'POST',
      url: `/api/engineering-issues/${issue.id}/tickets/${link.ticket_id}/reply`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
  });

  it('lists who is affected and starts an upgrade campaign to the fix release', async () => {
    const issue = await t.db.kysely
      .selectFrom('engineering_issues')
      .selectAll()
      .where('key', '=', 'acme/relay#45')
      .executeTakeFirstOrThrow();
    const affected = (await agent.request({ method: 'GET', url: `/api/engineering-issues/${issue.id}/affected` })).json();
    expect(affected.fixRelease).toBe('4.2.0');
    expect(affected.environments.map((e: { version: string }) => e.version)).toEqual(['4.1.0']);
    const campaign = await agent.request({ method: 'POST', url: `/api/engineering-issues/${issue.id}/upgrade-campaign`, payload: {} });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect(campaign.json().environmentCount).toBe(1);
  });

  it('Jira: shared secret checked, done category resolves with the first fix version, auto-send when set', async () => {
    await admin.request({ method: 'PUT', url: '/api/engineering-trackers', payload: { autoSendFixReplies: true } });
    const f = await ticketOnEnvironment(t, admin, agent);
    const issue = await t.db.kysely.selectFrom('engineering_issues').selectAll().where('key', '=', 'PROJ-45').executeTakeFirstOrThrow();
    await agent.request({ method: 'POST', url: `/api/engineering-issues/${issue.id}/tickets`, payload: { ticketId: f.ticketId } });
    const event = {
      webhookEvent: 'jira:issue_updated',
      timestamp: 1760000000000,
      issue: {
        key: 'PROJ-45',
        fields: { summary: 'Sync drops rows', status: { name: 'Done', statusCategory: { key: 'done' } }, fixVersions: [{ name: '4.3.0' }] },
      },
    };
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/engineering-trackers/jira/webhook?secret=nope',
      headers: { 'content-type': 'application/json' },
      payload: event,
    });
    expect(bad.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/engineering-trackers/jira/webhook',
      headers: { 'content-type': 'application/json', 'x-webhook-secret': JIRA_SECRET },
      payload: event,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const view = (await agent.request({ method: 'GET', url: `/api/engineering-issues/${issue.id}` })).json();
    expect(view).toMatchObject({ status: 'resolved', fixRelease: '4.3.0' });
    expect(view.tickets[0]).toMatchObject({ draftedReply: null, replySentAt: expect.any(String) });
    await admin.request({ method: 'PUT', url: '/api/engineering-trackers', payload: { autoSendFixReplies: false } });
  });
});
