import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { portalSignIn } from '../../../../test/helpers/portal.js';

/**
 * Hand-made tickets whose figures can be worked out by hand (period 2026-01-01 … 2026-02-28):
 *
 * | ticket | priority | policy | created          | first reply      | solved           | breaches              | tier  |
 * | T1     | urgent   | Gold   | 01-05 10:00      | 01-05 10:30      | 01-06 10:00      | –                     | tier1 |
 * | T2     | urgent   | Gold   | 01-10 00:00      | 01-10 02:00      | 01-12 00:00      | first_reply,resolution| tier2 (escalated) |
 * | T3     | low      | Gold   | 02-02 09:00      | 02-02 13:00      | 02-03 09:00      | –                     | tier1 |
 * | T4     | normal   | –      | 02-03 00:00      | –                | open             | –                     | tier1 |
 * | T5     | normal   | –      | 2025-12-20       | –                | 01-02 12:00      | –                     | tier1 |
 * | T6     | normal   | –      | 2025-12-01       | –                | 2025-12-02       | –                     | tier1 |
 *
 * Gold sets first reply and resolution for urgent, only resolution for low.
 */
describe.each(testDialects())('support and delivery analytics on %s', (dialect) => {
  let t: TestApp;
  let manager: SignedIn;
  let accountId: string;
  let contactId: string;
  const period = 'from=2026-01-01&to=2026-02-28';

  beforeAll(async () => {
    t = await startTestApp(dialect);
    manager = await signInAs(t, ['support_tier2']);
    const admin = await signInAs(t, ['admin']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.test'], segment: 'enterprise' },
    });
    accountId = account.json().id;
    contactId = (
      await admin.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/contacts`,
        payload: { name: 'Peter', email: 'peter@initech.test' },
      })
    ).json().id;
    const db = t.db.kysely;
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('ticket_groups').values({ id: 'grp-front', name: 'Frontline', tier: 'tier1', created_at: now }).execute();
    const targets = {
      urgent: { firstReplyMinutes: 60, nextReplyMinutes: null, resolutionMinutes: 480 },
      high: { firstReplyMinutes: 120, nextReplyMinutes: null, resolutionMinutes: 960 },
      normal: { firstReplyMinutes: 240, nextReplyMinutes: null, resolutionMinutes: 1440 },
      low: { firstReplyMinutes: null, nextReplyMinutes: null, resolutionMinutes: 2880 },
    };
    await db
      .insertInto('sla_policies')
      .values({
        id: 'pol-gold',
        name: 'Gold',
        position: 99,
        conditions: '{}',
        targets: JSON.stringify(targets),
        calendar_id: null,
        status: 'archived',
        created_at: now,
        updated_at: now,
      })
      .execute();
    // An office-hours policy (Monday–Friday 09:00–17:00 UTC) for the business-hours response times.
    await db
      .insertInto('business_calendars')
      .values({
        id: 'cal-office',
        name: 'Office',
        time_zone: 'UTC',
        weekly_hours: JSON.stringify(Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start: '09:00', end: '17:00' }]]))),
        holidays: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await db
      .insertInto('sla_policies')
      .values({
        id: 'pol-office',
        name: 'Office hours',
        position: 98,
        conditions: '{}',
        targets: JSON.stringify(targets),
        calendar_id: 'cal-office',
        status: 'archived',
        created_at: now,
        updated_at: now,
      })
      .execute();
    let n = 9000;
    const ticket = (
      id: string,
      o: {
        priority: 'low' | 'normal' | 'high' | 'urgent';
        policy: string | null;
        created: string;
        firstReply: string | null;
        solved: string | null;
        breaches: string[];
        tier?: 'tier1' | 'tier2';
        group?: string | null;
        /** Closed without being solved (a spam or duplicate closed by hand). */
        closedUnsolved?: string;
      },
    ) => ({
      id,
      number: n++,
      subject: id,
      status: o.closedUnsolved ? ('closed' as const) : o.solved ? ('solved' as const) : ('open' as const),
      priority: o.priority,
      tier: o.tier ?? ('tier1' as const),
      group_id: o.group ?? null,
      assignee_id: null,
      requester_id: contactId,
      account_id: accountId,
      channel: 'email' as const,
      deployment_id: null,
      engineering_link: null,
      reopen_count: 0,
      tier_entered_at: o.created,
      sla_policy_id: o.policy,
      sla_state: JSON.stringify({
        firstReplyDueAt: null,
        nextReplyDueAt: null,
        resolutionDueAt: null,
        resolutionElapsedMinutes: 0,
        resolutionRunningSince: null,
        firstReplyAt: o.firstReply,
        breaches: o.breaches,
      }),
      first_reply_due_at: null,
      next_reply_due_at: null,
      resolution_due_at: null,
      sla_due_at: '9999-12-31T23:59:59.999Z',
      created_at: o.created,
      updated_at: o.created,
      solved_at: o.solved,
      closed_at: o.closedUnsolved ?? null,
    });
    await db
      .insertInto('tickets')
      .values([
        ticket('T1', {
          priority: 'urgent',
          policy: 'pol-gold',
          created: '2026-01-05T10:00:00.000Z',
          firstReply: '2026-01-05T10:30:00.000Z',
          solved: '2026-01-06T10:00:00.000Z',
          breaches: [],
          group: 'grp-front',
        }),
        ticket('T2', {
          priority: 'urgent',
          policy: 'pol-gold',
          created: '2026-01-10T00:00:00.000Z',
          firstReply: '2026-01-10T02:00:00.000Z',
          solved: '2026-01-12T00:00:00.000Z',
          breaches: ['first_reply', 'resolution'],
          tier: 'tier2',
        }),
        ticket('T3', {
          priority: 'low',
          policy: 'pol-gold',
          created: '2026-02-02T09:00:00.000Z',
          firstReply: '2026-02-02T13:00:00.000Z',
          solved: '2026-02-03T09:00:00.000Z',
          breaches: [],
        }),
        ticket('T4', {
          priority: 'normal',
          policy: null,
          created: '2026-02-03T00:00:00.000Z',
          firstReply: null,
          solved: null,
          breaches: [],
        }),
        ticket('T5', {
          priority: 'normal',
          policy: null,
          created: '2025-12-20T00:00:00.000Z',
          firstReply: null,
          solved: '2026-01-02T12:00:00.000Z',
          breaches: [],
        }),
        // April: created Friday 16:00, answered Monday 10:00, solved Monday 13:00 (UTC).
        ticket('T9', {
          priority: 'normal',
          policy: 'pol-office',
          created: '2026-04-03T16:00:00.000Z',
          firstReply: '2026-04-06T10:00:00.000Z',
          solved: '2026-04-06T13:00:00.000Z',
          breaches: [],
        }),
        // March, outside the other tests' periods: two tickets closed without a solve.
        ticket('T7', {
          priority: 'normal',
          policy: null,
          created: '2026-03-02T10:00:00.000Z',
          firstReply: null,
          solved: null,
          breaches: [],
          closedUnsolved: '2026-03-04T09:00:00.000Z',
        }),
        ticket('T8', {
          priority: 'low',
          policy: null,
          created: '2026-03-01T05:00:00.000Z',
          firstReply: null,
          solved: null,
          breaches: [],
          closedUnsolved: '2026-03-01T20:00:00.000Z',
        }),
        ticket('T6', {
          priority: 'normal',
          policy: null,
          created: '2025-12-01T00:00:00.000Z',
          firstReply: null,
          solved: '2025-12-02T00:00:00.000Z',
          breaches: [],
        }),
      ])
      .execute();
    await db
      .insertInto('escalations')
      .values([
        {
          id: 'esc-1',
          ticket_id: 'T2',
          from_tier: 'tier1',
          to_tier: 'tier2',
          actor_type: 'system',
          actor_id: null,
          rule_id: null,
          reason: 'Stuck',
          summary: 'Stuck',
          engineering_link: null,
          at: '2026-01-10T05:00:00.000Z',
        },
        {
          id: 'esc-2',
          ticket_id: 'T3',
          from_tier: 'tier2',
          to_tier: 'engineering',
          actor_type: 'system',
          actor_id: null,
          rule_id: null,
          reason: 'Bug',
          summary: 'Bug',
          engineering_link: null,
          at: '2026-02-02T12:00:00.000Z',
        },
      ])
      .execute();
    const survey = (id: string, ticketId: string, rating: 'good' | 'bad' | null, ratedAt: string | null) => ({
      id,
      ticket_id: ticketId,
      contact_id: contactId,
      token_hash: `hash-${id}`,
      expires_at: '2027-01-01T00:00:00.000Z',
      rating,
      comment: null,
      rated_at: ratedAt,
      assignee_id: null,
      account_id: accountId,
      created_at: '2026-01-06T00:00:00.000Z',
    });
    await db
      .insertInto('csat_surveys')
      .values([
        survey('s1', 'T1', 'good', '2026-01-07T00:00:00.000Z'),
        survey('s2', 'T2', 'bad', '2026-01-13T00:00:00.000Z'),
        survey('s3', 'T3', 'good', '2026-02-04T00:00:00.000Z'),
        survey('s4', 'T5', null, null),
      ])
      .execute();
  });
  afterAll(async () => t.close());

  const get = async (url: string) => {
    const res = await manager.request({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('works out SLA attainment by month, priority and policy: met targets ÷ targets of the tickets solved', async () => {
    const byMonth = await get(`/api/analytics/support/sla-attainment?by=month&${period}`);
    expect(
      byMonth.rows.map((r: { key: string; targets: number; met: number; attainment: number | null }) => [
        r.key,
        r.targets,
        r.met,
        r.attainment,
      ]),
    ).toEqual([
      ['2026-01', 4, 2, 50],
      ['2026-02', 1, 1, 100],
    ]);
    expect(byMonth.total).toMatchObject({ targets: 5, met: 3, missed: 2, attainment: 60, firstReplyTargets: 2, firstReplyMet: 1 });
    const byPriority = await get(`/api/analytics/support/sla-attainment?by=priority&${period}`);
    expect(
      byPriority.rows.map((r: { key: string; targets: number; attainment: number | null }) => [r.key, r.targets, r.attainment]),
    ).toEqual([
      ['urgent', 4, 50],
      ['high', 0, null],
      ['normal', 0, null],
      ['low', 1, 100],
    ]);
    const byPolicy = await get(`/api/analytics/support/sla-attainment?by=policy&${period}`);
    expect(byPolicy.rows).toEqual([expect.objectContaining({ key: 'pol-gold', label: 'Gold', targets: 5, met: 3 })]);
    const tier2 = await get(`/api/analytics/support/sla-attainment?by=month&${period}&tier=tier2`);
    expect(tier2.total).toMatchObject({ targets: 2, met: 0 });
    const smb = await get(`/api/analytics/support/sla-attainment?by=month&${period}&segment=smb`);
    expect(smb.total.targets).toBe(0);
    const group = await get(`/api/analytics/support/sla-attainment?by=month&${period}&groupId=grp-front`);
    expect(group.total).toMatchObject({ targets: 2, met: 2 });
  });

  it('counts the backlog at the end of each day and week', async () => {
    const daily = await get('/api/analytics/support/backlog?from=2026-01-01&to=2026-01-12');
    const open = Object.fromEntries(daily.points.map((p: { day: string; open: number }) => [p.day, p.open]));
    expect(open).toEqual({
      '2026-01-01': 1,
      '2026-01-02': 0,
      '2026-01-03': 0,
      '2026-01-04': 0,
      '2026-01-05': 1,
      '2026-01-06': 0,
      '2026-01-07': 0,
      '2026-01-08': 0,
      '2026-01-09': 0,
      '2026-01-10': 1,
      '2026-01-11': 1,
      '2026-01-12': 0,
    });
    const weekly = await get('/api/analytics/support/backlog?from=2026-01-01&to=2026-02-10&interval=week');
    expect(weekly.points.map((p: { day: string; open: number }) => [p.day, p.open])).toEqual([
      ['2026-01-04', 0],
      ['2026-01-11', 1],
      ['2026-01-18', 0],
      ['2026-01-25', 0],
      ['2026-02-01', 0],
      ['2026-02-08', 1],
      ['2026-02-10', 1],
    ]);
  });

  it('takes a ticket closed without a solve out of the backlog when it is closed', async () => {
    type Points = { points: { day: string; open: number }[] };
    const fromFirst: Points = await get('/api/analytics/support/backlog?from=2026-03-01&to=2026-03-05');
    const open = Object.fromEntries(fromFirst.points.map((p) => [p.day, p.open]));
    // T8 opened and closed on the 1st; T7 open from the 2nd until closed on the 4th.
    expect(open['2026-03-02']! - open['2026-03-01']!).toBe(1);
    expect(open['2026-03-03']).toBe(open['2026-03-02']);
    expect(open['2026-03-04']).toBe(open['2026-03-01']);
    expect(open['2026-03-05']).toBe(open['2026-03-01']);
    // Starting after T8 was closed, it is not open as the period starts.
    const fromSecond: Points = await get('/api/analytics/support/backlog?from=2026-03-02&to=2026-03-05');
    expect(fromSecond.points.map((p) => p.open)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].map((d) => open[d]));
  });

  it('counts tickets created and solved per week', async () => {
    const body = await get('/api/analytics/support/created-vs-solved?from=2026-01-01&to=2026-01-12');
    expect(body.weeks).toEqual([
      { week: '2025-12-29', created: 0, solved: 1 },
      { week: '2026-01-05', created: 2, solved: 1 },
      { week: '2026-01-12', created: 0, solved: 1 },
    ]);
  });

  it('buckets first-reply and resolution times with median and p90', async () => {
    const body = await get(`/api/analytics/support/response-times?${period}`);
    expect(body.firstReply).toEqual({ count: 3, medianHours: 2, p90Hours: 4 });
    expect(body.resolution).toEqual({ count: 3, medianHours: 24, p90Hours: 48 });
    const bucket = (name: string) => body.buckets.find((b: { bucket: string }) => b.bucket === name);
    expect(bucket('< 1 h')).toMatchObject({ firstReply: 1, resolution: 0 });
    expect(bucket('1–4 h')).toMatchObject({ firstReply: 1 });
    expect(bucket('4–8 h')).toMatchObject({ firstReply: 1 });
    expect(bucket('1–3 d')).toMatchObject({ resolution: 3 });
  });

  it('counts response times in business hours of the ticket’s SLA calendar when asked', async () => {
    const april = 'from=2026-04-01&to=2026-04-30';
    const calendar = await get(`/api/analytics/support/response-times?${april}`);
    expect(calendar).toMatchObject({ hours: 'calendar', firstReply: { count: 1, medianHours: 66 }, resolution: { medianHours: 69 } });
    // Friday 16–17 and Monday 9–10 for the first reply; Monday 10–13 more for the solve.
    const business = await get(`/api/analytics/support/response-times?${april}&hours=business`);
    expect(business).toMatchObject({ hours: 'business', firstReply: { count: 1, medianHours: 2 }, resolution: { medianHours: 5 } });
    expect((await manager.request({ method: 'GET', url: `/api/analytics/support/response-times?${april}&hours=office` })).statusCode).toBe(
      400,
    );
  });

  it('reports CSAT and the Tier 1 → Tier 2 escalation rate per month', async () => {
    const csat = await get(`/api/analytics/support/csat?${period}`);
    expect(csat.months).toEqual([
      { month: '2026-01', responses: 2, good: 1, goodPercent: 50 },
      { month: '2026-02', responses: 1, good: 1, goodPercent: 100 },
    ]);
    const esc = await get(`/api/analytics/support/escalation-rate?${period}`);
    expect(esc.months).toEqual([
      { month: '2026-01', tier1: 2, escalated: 1, rate: 50 },
      { month: '2026-02', tier1: 2, escalated: 0, rate: 0 },
    ]);
  });

  it('exports every chart as CSV with a header row', async () => {
    const res = await manager.request({ method: 'GET', url: `/api/analytics/support/sla-attainment.csv?by=month&${period}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.trim().split('\n')).toEqual([
      'month,targets,met,missed,attainment_percent,first_reply_targets,first_reply_met,resolution_targets,resolution_met',
      '2026-01,4,2,2,50,2,1,2,1',
      '2026-02,1,1,0,100,0,0,1,1',
    ]);
    const backlog = await manager.request({ method: 'GET', url: '/api/analytics/support/backlog.csv?from=2026-01-01&to=2026-01-02' });
    expect(backlog.body.trim().split('\n')).toEqual(['day,open_tickets', '2026-01-01,1', '2026-01-02,0']);
    for (const chart of ['response-times', 'created-vs-solved', 'csat', 'escalation-rate']) {
      const r = await manager.request({ method: 'GET', url: `/api/analytics/support/${chart}.csv?${period}` });
      expect(r.statusCode, chart).toBe(200);
      expect(r.headers['content-type']).toMatch(/^text\/csv/);
    }
    const delivery = await manager.request({ method: 'GET', url: '/api/analytics/delivery/engagements.csv' });
    expect(delivery.body.split('\n')[0]).toBe(
      'engagement,account,status,budget_hours,logged_hours,burn_percent,target_go_live,projected_go_live,slip_days',
    );
  });

  it('lists live engagements with budget burn and slip', async () => {
    const lead = await signInAs(t, ['admin']);
    const created = await lead.request({
      method: 'POST',
      url: '/api/engagements',
      payload: { accountId, kind: 'implementation', name: '=Rollout', status: 'active', startDate: '2026-03-02', budgetHours: 40 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = await get('/api/analytics/delivery/engagements');
    expect(body.engagements).toEqual([expect.objectContaining({ name: '=Rollout', budgetHours: 40, loggedHours: 0, burnPercent: 0 })]);
    expect(body.totals).toMatchObject({ engagements: 1, budgetHours: 40, loggedHours: 0, burnPercent: 0, overBudget: 0 });
    expect((await get('/api/analytics/delivery/engagements?segment=smb')).engagements).toEqual([]);
    const csv = await manager.request({ method: 'GET', url: '/api/analytics/delivery/engagements.csv' });
    expect(csv.body.split('\n')[1]).toMatch(/^'=Rollout,Initech,active,40,0,0,/);
  });

  it('refuses bad filters, strangers and portal contacts', async () => {
    expect((await manager.request({ method: 'GET', url: '/api/analytics/support/backlog?from=2026-02-01&to=2026-01-01' })).statusCode).toBe(
      400,
    );
    expect((await manager.request({ method: 'GET', url: '/api/analytics/support/sla-attainment?by=team' })).statusCode).toBe(400);
    expect((await manager.request({ method: 'GET', url: '/api/analytics/support/csat?segment=a%00b' })).statusCode).toBe(400);
    expect((await manager.request({ method: 'GET', url: '/api/analytics/support/csat?groupId=a%00b' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/analytics/support/backlog' })).statusCode).toBe(401);
    const portal = await portalSignIn(t, 'peter@initech.test');
    for (const url of [
      '/api/analytics/support/sla-attainment',
      '/api/analytics/support/backlog.csv',
      '/api/analytics/delivery/engagements',
    ]) {
      expect([401, 403]).toContain((await portal.request({ method: 'GET', url })).statusCode);
    }
  });
});
