import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import { csatScore } from './csat-score.js';

describe('CSAT score', () => {
  it('is good ratings as a percentage of all ratings, one decimal, or null without ratings', () => {
    expect(csatScore(3, 1)).toBe(75);
    expect(csatScore(2, 1)).toBe(66.7);
    expect(csatScore(0, 0)).toBeNull();
    expect(csatScore(0, 4)).toBe(0);
  });
});

describe.each(testDialects())('CSAT on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let accountId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    accountId = (
      await admin.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
      })
    ).json().id;
  });
  afterAll(async () => t.close());

  /** A ticket the agent answered and solved; returns it with the survey link's token. */
  async function solvedTicket(subject: string, by: SignedIn = agent) {
    const ticket = (
      await by.request({
        method: 'POST',
        url: '/api/tickets',
        payload: { subject, description: 'Help', requesterEmail: 'peter.gibbons@initech.com' },
      })
    ).json();
    await by.request({ method: 'POST', url: `/api/tickets/${ticket.id}/messages`, payload: { body: 'Looking.' } });
    const solved = await by.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Fixed.', status: 'solved' },
    });
    expect(solved.statusCode, solved.body).toBe(201);
    const surveys = (await by.request({ method: 'GET', url: `/api/tickets/${ticket.id}/csat` })).json().items;
    return { ticket, surveys, token: (surveys[0].link as string).replace('/csat/', '') };
  }

  it('creates one survey when a ticket is solved, for the requester, counting for the assignee', async () => {
    const { ticket, surveys } = await solvedTicket('Survey me');
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({
      ticketId: ticket.id,
      contactId: ticket.requester.id,
      assignee: { id: agent.memberId },
      rating: null,
      expired: false,
    });
    expect(surveys[0].link).toMatch(/^\/csat\/[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(surveys[0].expiresAt) - Date.parse(surveys[0].createdAt)).toBe(7 * 86_400_000);
    // The link's token is not stored: only its hash is.
    const row = await t.db.kysely.selectFrom('csat_surveys').selectAll().where('id', '=', surveys[0].id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(surveys[0].link.slice(6));
    // The requester gets the link by e-mail, queued with the solve.
    const mails = await t.db.kysely
      .selectFrom('outbox_emails')
      .select(['to_addresses', 'subject', 'text_body'])
      .where('ticket_id', '=', ticket.id)
      .execute();
    const survey = mails.find((m) => m.subject.includes('How did we do?'));
    expect(survey?.to_addresses).toBe(JSON.stringify([ticket.requester.email]));
    expect(survey?.text_body).toContain(`${surveys[0].link}?rating=good`);
    // Re-reading the ticket shows the same link again.
    expect((await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/csat` })).json().items[0].link).toBe(surveys[0].link);
  });

  it('lets the requester rate through the link without signing in, and change the rating until it expires', async () => {
    const { ticket, token } = await solvedTicket('Rate me');
    const open = await t.app.inject({ method: 'GET', url: `/api/csat/${token}` });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json()).toMatchObject({ ticket: { number: ticket.number, subject: 'Rate me' }, rated: false, rating: null });
    expect(Object.keys(open.json().ticket).sort()).toEqual(['number', 'subject']);
    const rated = await t.app.inject({ method: 'POST', url: `/api/csat/${token}`, payload: { rating: 'bad', comment: 'Took too long' } });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rated: true, rating: 'bad', comment: 'Took too long' });
    const changed = await t.app.inject({ method: 'POST', url: `/api/csat/${token}`, payload: { rating: 'good' } });
    expect(changed.json()).toMatchObject({ rating: 'good', comment: null });
    const surveys = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/csat` })).json().items;
    expect(surveys[0]).toMatchObject({ rating: 'good' });
    const events = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/events` })).json().items;
    expect(events.filter((e: { type: string }) => e.type === 'csat.rated').map((e: { actorType: string }) => e.actorType)).toEqual([
      'contact',
      'contact',
    ]);
  });

  it('answers 404 alike for an unknown and an expired link, and refuses a rating that is not good or bad', async () => {
    const { token, surveys } = await solvedTicket('Expire me');
    expectError(await t.app.inject({ method: 'POST', url: `/api/csat/${token}`, payload: { rating: 'meh' } }), 400, 'request.invalid');
    await t.db.kysely
      .updateTable('csat_surveys')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', surveys[0].id)
      .execute();
    const expired = expectError(await t.app.inject({ method: 'GET', url: `/api/csat/${token}` }), 404, 'csat.not_found');
    const unknown = expectError(await t.app.inject({ method: 'GET', url: `/api/csat/${'x'.repeat(43)}` }), 404, 'csat.not_found');
    expect(expired).toEqual(unknown);
    expectError(await t.app.inject({ method: 'POST', url: `/api/csat/${token}`, payload: { rating: 'good' } }), 404, 'csat.not_found');
    const row = await t.db.kysely.selectFrom('csat_surveys').select('rating').where('id', '=', surveys[0].id).executeTakeFirstOrThrow();
    expect(row.rating).toBeNull();
  });

  it('sends a new survey when a reopened ticket is solved again', async () => {
    const { ticket } = await solvedTicket('Twice');
    await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { status: 'open' } });
    await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { status: 'solved' } });
    await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { status: 'closed' } });
    const surveys = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/csat` })).json().items;
    expect(surveys).toHaveLength(2);
    expect(surveys[0].link).not.toBe(surveys[1].link);
  });

  it('summarises ratings as counts and a score, by member and by account', async () => {
    const other = await signInAs(t, ['support_tier1']);
    for (const rating of ['good', 'good', 'good', 'bad'] as const) {
      const { token } = await solvedTicket(`Summary ${rating}`, other);
      await t.app.inject({ method: 'POST', url: `/api/csat/${token}`, payload: { rating } });
    }
    await solvedTicket('Never rated', other);
    const byMember = await agent.request({ method: 'GET', url: `/api/csat/summary?memberId=${other.memberId}` });
    expect(byMember.statusCode, byMember.body).toBe(200);
    expect(byMember.json()).toEqual({ good: 3, bad: 1, rated: 4, score: 75 });
    const byAccount = (await agent.request({ method: 'GET', url: `/api/csat/summary?accountId=${accountId}` })).json();
    expect(byAccount.rated).toBeGreaterThanOrEqual(4);
    expect((await agent.request({ method: 'GET', url: '/api/csat/summary?accountId=no-such-account' })).json()).toEqual({
      good: 0,
      bad: 0,
      rated: 0,
      score: null,
    });
  });
});
