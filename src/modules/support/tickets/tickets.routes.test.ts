import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';

const WEEKDAYS_9_TO_17 = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]]));

describe.each(testDialects())('support desk API on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let tier2: SignedIn;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    tier2 = await signInAs(t, ['support_tier2']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise', arr: 120000 },
    });
    accountId = account.json().id;
    const calendar = await admin.request({
      method: 'POST',
      url: '/api/business-calendars',
      payload: { name: 'Berlin office', timeZone: 'Europe/Berlin', weeklyHours: WEEKDAYS_9_TO_17, holidays: [] },
    });
    expect(calendar.statusCode).toBe(201);
    const targets = { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480 };
    const policy = await admin.request({
      method: 'POST',
      url: '/api/sla-policies',
      payload: {
        name: 'Enterprise',
        position: 1,
        conditions: { segments: ['enterprise'] },
        targets: { low: targets, normal: targets, high: targets, urgent: targets },
        calendarId: null,
      },
    });
    expect(policy.statusCode).toBe(201);
  });
  afterAll(async () => t.close());

  async function openTicket(subject: string, extra: Record<string, unknown> = {}) {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: {
        subject,
        description: 'The nightly export fails with a timeout.',
        requesterEmail: `peter.${subject.length}@initech.com`,
        requesterName: 'Peter Gibbons',
        ...extra,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('opens a ticket from an unknown sender, matching the account by e-mail domain and starting the SLA clock', async () => {
    const ticket = await openTicket('Export fails');
    expect(ticket.account.id).toBe(accountId);
    expect(ticket.requester.name).toBe('Peter Gibbons');
    expect(ticket.status).toBe('new');
    expect(ticket.tier).toBe('tier1');
    expect(Date.parse(ticket.sla.firstReplyDueAt) - Date.parse(ticket.createdAt)).toBeCloseTo(60 * 60_000, -3);
    expect(ticket.sla.dueAt).toBe(ticket.sla.firstReplyDueAt);
    const contacts = await admin.request({ method: 'GET', url: `/api/accounts/${accountId}/contacts` });
    expect(contacts.json().items.map((c: { email: string }) => c.email)).toContain(ticket.requester.email);
  });

  it('creates every ticket and one contact when a new requester sends several at once (issue 13, finding 3)', async () => {
    const email = `parallel.${Date.now()}@initech.com`;
    const results = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        agent.request({
          method: 'POST',
          url: '/api/tickets',
          payload: { subject: `Parallel ${n}`, description: 'Sent at once', requesterEmail: email, requesterName: 'Sam Parallel' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    const contactIds = new Set(results.map((r) => r.json().requester.id));
    expect(contactIds.size).toBe(1);
    const contacts = await t.db.kysely.selectFrom('contacts').select('id').where('email', '=', email).execute();
    expect(contacts).toHaveLength(1);
  });

  it('refuses a requester whose domain matches no account unless an account is named', async () => {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Hi', description: 'Hello', requesterEmail: 'x@nowhere.example' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('tickets.requester_account_unknown');
  });

  it('a public reply meets the first-reply target, opens the ticket and assigns it to the replier', async () => {
    const ticket = await openTicket('Reply test');
    const reply = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Looking into it.', visibility: 'public' },
    });
    expect(reply.statusCode).toBe(201);
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(page.ticket.status).toBe('open');
    expect(page.ticket.assignee.id).toBe(agent.memberId);
    expect(page.ticket.sla.firstReplyDueAt).toBeNull();
    expect(page.messages.map((m: { body: string }) => m.body)).toEqual(['The nightly export fails with a timeout.', 'Looking into it.']);
    expect(page.account.name).toBe('Initech');
  });

  it('pauses the resolution clock while pending and resumes it when the customer answers', async () => {
    const ticket = await openTicket('Pause test');
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Can you send the logs?', status: 'pending' },
    });
    const pending = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json().ticket;
    expect(pending.status).toBe('pending');
    expect(pending.sla.paused).toBe(true);
    expect(pending.sla.resolutionDueAt).toBeNull();
    const resumed = await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { status: 'open' } });
    expect(resumed.json().sla.resolutionDueAt).not.toBeNull();
  });

  it('escalates with a reason and summary, records it, and shows it in the Tier 2 queue', async () => {
    const ticket = await openTicket('Escalate me');
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Checked the export job config; looks right.', visibility: 'internal' },
    });
    const draft = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/escalation-draft` })).json();
    expect(draft.summary).toContain('Checked the export job config');
    const missing = await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/escalate`, payload: { toTier: 'tier2' } });
    expect(missing.statusCode).toBe(400);
    const res = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/escalate`,
      payload: { toTier: 'tier2', reason: 'Needs database access', summary: draft.summary },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fromTier: 'tier1', toTier: 'tier2', reason: 'Needs database access' });
    const queue = (await tier2.request({ method: 'GET', url: '/api/tickets?view=view-tier2' })).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(ticket.id);
    const toEngineering = await tier2.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/escalate`,
      payload: { toTier: 'engineering', reason: 'Bug', summary: 'Reproduced on 4.2' },
    });
    expect(toEngineering.statusCode).toBe(400);
    expect(toEngineering.json().error.message).toContain('engineering issue link');
    const events = (await tier2.request({ method: 'GET', url: `/api/tickets/${ticket.id}/events` }))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events).toEqual(expect.arrayContaining(['ticket.created', 'message.noted', 'ticket.escalated']));
  });

  it('sorts queues by the nearest SLA due time and pages them by cursor without gaps', async () => {
    for (const p of ['urgent', 'low', 'high', 'normal'] as const) await openTicket(`Queue ${p}`, { priority: p });
    const seen: string[] = [];
    let cursor: string | null = null;
    let previousDue = '';
    do {
      const res = await agent.request({
        method: 'GET',
        url: `/api/tickets?view=view-unsolved&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const body = res.json();
      for (const ticket of body.items) {
        const due = ticket.sla.dueAt ?? '9999';
        expect(due >= previousDue).toBe(true);
        previousDue = due;
        seen.push(ticket.id);
      }
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const views = (await agent.request({ method: 'GET', url: '/api/views' })).json().items;
    expect(views.find((v: { id: string }) => v.id === 'view-unsolved').count).toBe(seen.length);
  });

  it('an escalation rule moves a stale Tier 1 case to Tier 2 once, with the rule recorded', async () => {
    const ticket = await openTicket('Stale case', { priority: 'urgent' });
    const rule = await admin.request({
      method: 'POST',
      url: '/api/escalation-rules',
      payload: {
        name: 'Urgent to Tier 2 at once',
        position: 1,
        conditions: { tiers: ['tier1'], priorities: ['urgent'], minHoursInTier: 0 },
        actions: { moveToTier: 'tier2', notifyRole: 'support_tier2' },
      },
    });
    expect(rule.statusCode).toBe(201);
    const run = await admin.request({ method: 'POST', url: '/api/escalation-rules/run' });
    expect(run.json().fired).toBeGreaterThanOrEqual(1);
    const escalations = (await admin.request({ method: 'GET', url: `/api/tickets/${ticket.id}/escalations` })).json().items;
    expect(escalations).toHaveLength(1);
    expect(escalations[0].actor.name).toBe('Rule: Urgent to Tier 2 at once');
    const again = await admin.request({ method: 'POST', url: '/api/escalation-rules/run' });
    expect(again.statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: `/api/tickets/${ticket.id}/escalations` })).json().items).toHaveLength(1);
  });

  it('only admins change SLA policies and escalation rules', async () => {
    const res = await agent.request({
      method: 'POST',
      url: '/api/escalation-rules',
      payload: { name: 'x', position: 1, conditions: { tiers: ['tier1'] }, actions: { moveToTier: 'tier2' } },
    });
    expect(res.statusCode).toBe(403);
  });
});
