import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { KEY_ACCOUNT_TARGETS } from '../../../db/seed/support-config.js';
import { createTicket, savePolicy, sweepSlaBreaches } from '../../support/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import {
  createAccountViaService,
  createContactViaService,
  daysAgo,
  expectError,
  logInteractionViaService,
} from '../../../../test/factories/index.js';
import type { AccountHealth, HealthModel, PortfolioRow } from '../contract/health.js';
import { refreshHealth } from './health-refresh.js';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe.each(testDialects())('account health on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let tam: SignedIn;
  let stakeholder: SignedIn;
  let redCo: string;
  const breachedTickets: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    tam = await signInAs(t, ['technical_account_manager']);
    stakeholder = await signInAs(t, ['stakeholder']);
    await savePolicy(t.db.kysely, SYSTEM_CONTEXT, null, {
      name: 'Around the clock',
      position: 1,
      conditions: {},
      targets: KEY_ACCOUNT_TARGETS,
      calendarId: null,
      status: 'active',
    });
    redCo = (await createAccountViaService(t.db, { name: 'Red Rocket Ltd', segment: 'enterprise', arr: 300_000 })).id;
    const requester = await createContactViaService(t.db, redCo, { name: 'Rita Requester' });
    // Six urgent tickets opened two days ago and never answered: each breaches first reply and resolution.
    for (let i = 0; i < 6; i++) {
      const ticket = await createTicket(
        t.db.kysely,
        SYSTEM_CONTEXT,
        {
          subject: `Outage ${i + 1}`,
          description: 'Nothing loads',
          requesterId: requester.id,
          priority: 'urgent',
          channel: 'web',
          tags: [],
        },
        'api',
        new Date(Date.now() - 2 * DAY_MS),
      );
      breachedTickets.push(ticket.id);
    }
    await sweepSlaBreaches(t.db.kysely, new Date());
    // The last conversation was ten weeks ago.
    await logInteractionViaService(t.db, redCo, { occurredAt: daysAgo(70) });
  });
  afterAll(async () => t.close());

  const health = async (accountId: string, who: SignedIn = stakeholder) => {
    const res = await who.request({ method: 'GET', url: `/api/accounts/${accountId}/health` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AccountHealth>();
  };

  it('explains a red account by its drivers, with links to the evidence', async () => {
    const h = await health(redCo);
    expect(h.grade).toBe('red');
    expect(h.computedGrade).toBe('red');
    expect(h.modelScope).toBe('default');
    const top = h.drivers[0]!;
    expect(top.metric).toBe('sla_breaches_30d');
    expect(top.value).toBeGreaterThanOrEqual(6);
    expect(top.summary).toMatch(/SLA breaches in 30 days on 6 tickets/);
    expect(top.evidence).toHaveLength(5);
    for (const e of top.evidence) expect(breachedTickets.map((id) => `/tickets/${id}`)).toContain(e.href);
    const silent = h.drivers.find((d) => d.metric === 'days_since_interaction')!;
    expect(silent.value).toBe(70);
    expect(silent.score).toBe(0);
    expect(silent.evidence).toEqual([{ label: 'Timeline: silent for 10 weeks', href: `/accounts/${redCo}` }]);
    const open = h.drivers.find((d) => d.metric === 'open_tickets')!;
    expect(open.value).toBe(6);
    expect(open.evidence).toHaveLength(3);
    expect(h.missing).toEqual(expect.arrayContaining(['csat_average', 'feature_adoption', 'versions_behind', 'training_attendance']));
    expect(Math.abs(h.drivers.reduce((s, d) => s + d.pointsLost, 0) - (100 - h.score!))).toBeLessThanOrEqual(1);
    expect(h.trend).toHaveLength(1);

    const stored = await t.db.kysely
      .selectFrom('account_health')
      .select('metric_values')
      .where('account_id', '=', redCo)
      .executeTakeFirstOrThrow();
    const values = JSON.parse(stored.metric_values) as Record<string, number | null>;
    expect(Object.keys(values)).toHaveLength(11);
    expect(values.csat_average).toBeNull();
    expect(values.open_tickets).toBe(6);
  });

  it('shows an override until it expires, then the computed grade again', async () => {
    const res = await tam.request({
      method: 'POST',
      url: `/api/accounts/${redCo}/health/override`,
      payload: { grade: 'green', reason: 'Exec sponsor confirmed the renewal', expiresAt: inDays(7) },
    });
    expect(res.statusCode, res.body).toBe(201);
    const overridden = res.json<AccountHealth>();
    expect(overridden.grade).toBe('green');
    expect(overridden.computedGrade).toBe('red');
    expect(overridden.override?.reason).toBe('Exec sponsor confirmed the renewal');
    expect(overridden.override?.createdBy?.id).toBe(tam.memberId);

    const portfolio = await stakeholder.request({ method: 'GET', url: '/api/health/portfolio?q=red%20rocket' });
    expect(portfolio.json<{ items: PortfolioRow[] }>().items[0]).toMatchObject({ grade: 'green', overridden: true });

    // The pass at a later instant (a `now` past the expiry) shows the computed grade again.
    await refreshHealth(t.db.kysely, new Date(Date.now() + 8 * DAY_MS), [redCo]);
    const later = await t.db.kysely
      .selectFrom('account_health')
      .select(['grade', 'computed_grade'])
      .where('account_id', '=', redCo)
      .executeTakeFirstOrThrow();
    expect(later.grade).toBe('red');

    // Back to today, with the override set to have expired a moment ago: the read corrects the stale grade itself.
    await refreshHealth(t.db.kysely, new Date(), [redCo]);
    expect((await health(redCo)).grade).toBe('green');
    await t.db.kysely
      .updateTable('health_overrides')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('account_id', '=', redCo)
      .execute();
    const expired = await health(redCo);
    expect(expired.grade).toBe('red');
    expect(expired.override).toBeNull();
    const row = (await stakeholder.request({ method: 'GET', url: '/api/health/portfolio?q=red%20rocket' })).json<{
      items: PortfolioRow[];
    }>().items[0];
    expect(row).toMatchObject({ grade: 'red', overridden: false });

    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', redCo).execute();
    expect(audit.map((a) => a.action)).toContain('health.overridden');
  });

  it('lifts an override early', async () => {
    await tam.request({
      method: 'POST',
      url: `/api/accounts/${redCo}/health/override`,
      payload: { grade: 'yellow', reason: 'Recovery plan agreed', expiresAt: inDays(30) },
    });
    const res = await tam.request({ method: 'DELETE', url: `/api/accounts/${redCo}/health/override` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<AccountHealth>()).toMatchObject({ grade: 'red', override: null });
  });

  it('refuses an override in the past or more than 180 days ahead', async () => {
    const post = (expiresAt: string) =>
      tam.request({
        method: 'POST',
        url: `/api/accounts/${redCo}/health/override`,
        payload: { grade: 'green', reason: 'Because', expiresAt },
      });
    expectError(await post(new Date(Date.now() - 60_000).toISOString()), 400);
    expectError(await post(inDays(181)), 400);
    expectError(
      await tam.request({
        method: 'POST',
        url: `/api/accounts/no-such-account/health/override`,
        payload: { grade: 'green', reason: 'Because', expiresAt: inDays(3) },
      }),
      404,
    );
  });

  it('scores a segment by its own model, and by the default again once it is removed', async () => {
    const smb = (await createAccountViaService(t.db, { name: 'Small Shop', segment: 'smb' })).id;
    const requester = await createContactViaService(t.db, smb);
    await createTicket(t.db.kysely, SYSTEM_CONTEXT, {
      subject: 'Question',
      description: 'How do I export?',
      requesterId: requester.id,
      priority: 'low',
      channel: 'web',
      tags: [],
    });
    await logInteractionViaService(t.db, smb);
    expect((await health(smb)).modelScope).toBe('default');

    const res = await admin.request({
      method: 'PUT',
      url: '/api/health-models/smb',
      payload: { measures: [{ metric: 'open_tickets', weight: 1, good: 0, bad: 1 }], greenMin: 80, yellowMin: 50 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<HealthModel>()).toMatchObject({ scope: 'smb', greenMin: 80 });
    const scored = await health(smb);
    expect(scored).toMatchObject({ modelScope: 'smb', score: 0, grade: 'red' });
    expect(scored.drivers.map((d) => d.metric)).toEqual(['open_tickets']);
    expect((await health(redCo)).modelScope).toBe('default');

    const models = (await stakeholder.request({ method: 'GET', url: '/api/health-models' })).json<{ items: HealthModel[] }>().items;
    expect(models.map((m) => m.scope)).toEqual(['default', 'smb']);

    expect((await admin.request({ method: 'DELETE', url: '/api/health-models/smb' })).statusCode).toBe(204);
    expect((await health(smb)).modelScope).toBe('default');
    expectError(await admin.request({ method: 'DELETE', url: '/api/health-models/default' }), 400);
  });

  it('lets a stakeholder read health but not override it, and only an admin edit models', async () => {
    expect((await stakeholder.request({ method: 'GET', url: '/api/health/portfolio' })).statusCode).toBe(200);
    expect((await stakeholder.request({ method: 'GET', url: '/api/health/distribution' })).statusCode).toBe(200);
    expectError(
      await stakeholder.request({
        method: 'POST',
        url: `/api/accounts/${redCo}/health/override`,
        payload: { grade: 'green', reason: 'Because', expiresAt: inDays(3) },
      }),
      403,
    );
    expectError(await stakeholder.request({ method: 'DELETE', url: `/api/accounts/${redCo}/health/override` }), 403);
    const model = { measures: [{ metric: 'open_tickets', weight: 1, good: 0, bad: 10 }], greenMin: 70, yellowMin: 40 };
    expectError(await tam.request({ method: 'PUT', url: '/api/health-models/default', payload: model }), 403);
    expectError(await stakeholder.request({ method: 'DELETE', url: '/api/health-models/smb' }), 403);
  });

  it('pages the portfolio by a sort with nulls last, and filters it', async () => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/health/portfolio?sort=name&direction=asc&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await stakeholder.request({ method: 'GET', url });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ items: PortfolioRow[]; nextCursor: string | null }>();
      names.push(...page.items.map((r) => r.account.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual([...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Red Rocket Ltd', 'Small Shop']));

    const red = (await stakeholder.request({ method: 'GET', url: '/api/health/portfolio?grade=red&segment=enterprise' })).json<{
      items: PortfolioRow[];
    }>().items;
    expect(red.map((r) => r.account.name)).toEqual(['Red Rocket Ltd']);
    expect(red[0]!.topDriver).toMatch(/SLA breaches/);

    for (const sort of ['score', 'change', 'arr', 'renewal'])
      for (const direction of ['asc', 'desc']) {
        const res = await stakeholder.request({ method: 'GET', url: `/api/health/portfolio?sort=${sort}&direction=${direction}&limit=1` });
        expect(res.statusCode, `${sort} ${direction} ${res.body}`).toBe(200);
        const next = res.json<{ nextCursor: string | null }>().nextCursor;
        if (next)
          expect(
            (
              await stakeholder.request({
                method: 'GET',
                url: `/api/health/portfolio?sort=${sort}&direction=${direction}&limit=1&cursor=${next}`,
              })
            ).statusCode,
          ).toBe(200);
      }
    const dist = (await stakeholder.request({ method: 'GET', url: '/api/health/distribution?days=30' })).json<{
      days: { day: string; red: number }[];
    }>();
    expect(dist.days.at(-1)!.day).toBe(new Date().toISOString().slice(0, 10));
    expect(dist.days.at(-1)!.red).toBeGreaterThanOrEqual(1);
  });

  it('writes one snapshot per account and day, however often the pass runs', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 300; i++) ids.push((await createAccountViaService(t.db, { name: `Bulk ${i}` })).id);
    const now = new Date();
    await refreshHealth(t.db.kysely, now);
    await refreshHealth(t.db.kysely, now);
    const rows = await t.db.kysely.selectFrom('health_snapshots').select(['account_id', 'day']).where('account_id', 'in', ids).execute();
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => String(r.day).slice(0, 10)))).toEqual(new Set([now.toISOString().slice(0, 10)]));
    const health = await t.db.kysely.selectFrom('account_health').select('account_id').where('account_id', 'in', ids).execute();
    expect(health).toHaveLength(300);
  });
});
