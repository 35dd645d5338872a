import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import { formatMinutes } from '../../support/escalation/time-draft-section.js';

describe('time formatting', () => {
  it('writes minutes as hours and minutes', () => {
    expect([5, 60, 95, 600].map(formatMinutes)).toEqual(['5 min', '1 h', '1 h 35 min', '10 h']);
  });
});

describe.each(testDialects())('time entries API on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let colleague: SignedIn;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    colleague = await signInAs(t, ['support_tier2']);
    accountId = (
      await admin.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  async function openTicket(subject: string) {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description: 'Help', requesterEmail: 'peter.gibbons@initech.com' },
    });
    return res.json() as { id: string };
  }

  it('logs time on a ticket with the ticket’s account, and totals it by category', async () => {
    const ticket = await openTicket('Timed');
    const first = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/time`,
      payload: { minutes: 25, category: 'routine', note: 'Ran the SSO runbook' },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      minutes: 25,
      category: 'routine',
      ticketId: ticket.id,
      accountId,
      member: { id: agent.memberId },
      note: 'Ran the SSO runbook',
    });
    expect(Date.parse(first.json().createdAt) - Date.parse(first.json().startedAt)).toBeCloseTo(25 * 60_000, -3);
    await colleague.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/time`,
      payload: { minutes: 70, category: 'engineering', startedAt: '2026-03-02T09:00:00+01:00' },
    });
    const time = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/time` })).json();
    expect(time.totalMinutes).toBe(95);
    expect(time.byCategory).toEqual({ routine: 25, engineering: 70 });
    expect(time.items.map((e: { startedAt: string }) => e.startedAt)[0]).toBe('2026-03-02T08:00:00.000Z');
    const draft = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/escalation-draft` })).json();
    expect(draft.summary).toContain('Time spent: 1 h 35 min (engineering 1 h 10 min, routine 25 min) by 2 members.');
  });

  it('refuses a category other than routine or engineering on a ticket, and odd minutes', async () => {
    const ticket = await openTicket('Bad time');
    const wrong = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/time`,
      payload: { minutes: 10, category: 'management' },
    });
    expect(expectError(wrong, 400, 'request.invalid').message).toContain('routine');
    expectError(
      await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/time`, payload: { minutes: 0, category: 'routine' } }),
      400,
      'request.invalid',
    );
    expectError(
      await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/time`, payload: { minutes: 2.5, category: 'routine' } }),
      400,
      'request.invalid',
    );
    expectError(
      await agent.request({
        method: 'POST',
        url: `/api/tickets/${ticket.id}/time`,
        payload: { minutes: 5, category: 'routine', startedAt: 'yesterday' },
      }),
      400,
      'request.invalid',
    );
    expect((await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/time` })).json().totalMinutes).toBe(0);
  });

  it('shows members their own entries and admins anyone’s, filtered by time and paged', async () => {
    const ticket = await openTicket('Listed');
    const member = await signInAs(t, ['support_tier1']);
    for (const [i, day] of ['2026-01-05', '2026-01-06', '2026-01-07'].entries()) {
      await member.request({
        method: 'POST',
        url: `/api/tickets/${ticket.id}/time`,
        payload: { minutes: 10 * (i + 1), category: 'routine', startedAt: `${day}T10:00:00Z` },
      });
    }
    const own = (await member.request({ method: 'GET', url: '/api/time-entries?from=2026-01-06T00:00:00Z&limit=1' })).json();
    expect(own.items.map((e: { minutes: number }) => e.minutes)).toEqual([30]);
    expect(own.totalMinutes).toBe(50);
    const next = (
      await member.request({ method: 'GET', url: `/api/time-entries?from=2026-01-06T00:00:00Z&limit=1&cursor=${own.nextCursor}` })
    ).json();
    expect(next.items.map((e: { minutes: number }) => e.minutes)).toEqual([20]);
    expect(next.nextCursor).toBeNull();
    expect(
      expectError(await agent.request({ method: 'GET', url: `/api/time-entries?memberId=${member.memberId}` }), 403, 'auth.forbidden')
        .details.permission,
    ).toBe('time.manage');
    const byAdmin = (
      await admin.request({ method: 'GET', url: `/api/time-entries?memberId=${member.memberId}&to=2026-01-07T00:00:00Z` })
    ).json();
    expect(byAdmin.totalMinutes).toBe(30);
  });

  it('lets a member delete only their own entries, and an admin anyone’s', async () => {
    const ticket = await openTicket('Deleting');
    const entry = (
      await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/time`, payload: { minutes: 15, category: 'routine' } })
    ).json();
    expectError(await colleague.request({ method: 'DELETE', url: `/api/time-entries/${entry.id}` }), 403, 'time_entries.not_yours');
    expect((await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/time` })).json().totalMinutes).toBe(15);
    expect((await agent.request({ method: 'DELETE', url: `/api/time-entries/${entry.id}` })).statusCode).toBe(204);
    expectError(await agent.request({ method: 'DELETE', url: `/api/time-entries/${entry.id}` }), 404, 'time_entries.not_found');
    const theirs = (
      await colleague.request({ method: 'POST', url: `/api/tickets/${ticket.id}/time`, payload: { minutes: 5, category: 'engineering' } })
    ).json();
    expect((await admin.request({ method: 'DELETE', url: `/api/time-entries/${theirs.id}` })).statusCode).toBe(204);
    expect((await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/time` })).json()).toMatchObject({
      items: [],
      totalMinutes: 0,
    });
  });
});
