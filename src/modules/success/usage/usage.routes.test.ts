import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, daysAgo, expectError, unique } from '../../../../test/factories/index.js';
import type { Adoption, UsageBatchResult, UsageSettings } from '../contract/usage.js';
import type { AccountHealth } from '../contract/health.js';
import { usageFigures } from './usage-figures.js';

describe.each(testDialects())('usage intake and adoption on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let csm: SignedIn;
  let tier1: SignedIn;
  let token: string;
  let readOnlyToken: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    csm = await signInAs(t, ['customer_success']);
    tier1 = await signInAs(t, ['support_tier1']);
    const made = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Product', scopes: ['usage:write'] } });
    expect(made.statusCode, made.body).toBe(201);
    token = made.json<{ token: string }>().token;
    const reader = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Reader', scopes: ['accounts.read'] } });
    readOnlyToken = reader.json<{ token: string }>().token;
  });
  afterAll(async () => t.close());

  const post = (events: unknown[], bearer = token) =>
    t.app.inject({ method: 'POST', url: '/api/usage/events', headers: { authorization: `Bearer ${bearer}` }, payload: { events } });
  const ingest = async (events: unknown[]) => {
    const res = await post(events);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<UsageBatchResult>();
  };
  const adoption = async (accountId: string) => {
    const res = await csm.request({ method: 'GET', url: `/api/accounts/${accountId}/adoption` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Adoption>();
  };
  const license = async (accountId: string, body: { externalId: string | null; seats: number | null; licensedFeatures: string[] }) => {
    const res = await csm.request({ method: 'PUT', url: `/api/accounts/${accountId}/usage-settings`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<UsageSettings>();
  };
  const event = (accountId: string, extra: Record<string, unknown> = {}) => ({
    eventId: `evt-${unique()}`,
    accountId,
    feature: 'reports',
    timestamp: daysAgo(1),
    ...extra,
  });

  it('accepts a batch from a usage:write token, and a second send counts as duplicates with figures unchanged', async () => {
    const account = (await createAccountViaService(t.db)).id;
    await license(account, { externalId: null, seats: 10, licensedFeatures: ['reports', 'alerts', 'sso', 'api'] });
    const batch = [
      event(account, { userId: 'ann' }),
      event(account, { userId: 'bob', feature: 'alerts', quantity: 3 }),
      event(account, { userId: 'ann', feature: 'alerts' }),
      event(account, { userId: 'cy', timestamp: daysAgo(40) }),
    ];
    const first = await ingest(batch);
    expect(first).toMatchObject({ accepted: 4, duplicates: 0, rejected: 0 });
    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    const before = await adoption(account);

    const again = await ingest(batch);
    expect(again).toMatchObject({ accepted: 0, duplicates: 4, rejected: 0 });
    expect(await adoption(account)).toEqual(before);

    expect(before.featureAdoption).toBe(50); // reports and alerts of four licensed features
    expect(before.activeUsers).toBe(2); // ann and bob in the last 30 days
    expect(before.seatUtilisation).toBe(20);
    expect(before.activeUserTrend).toBe(100); // 2 against cy alone in the 30 days before
    expect(before.licensedFeatures.find((f) => f.feature === 'alerts')).toMatchObject({ usedInLast30Days: true, eventsLast30Days: 2 });
    expect(before.licensedFeatures.find((f) => f.feature === 'sso')).toEqual({
      feature: 'sso',
      usedInLast30Days: false,
      eventsLast30Days: 0,
      lastUsedOn: null,
    });
    expect(before.daily.reduce((n, d) => n + d.events, 0)).toBe(4); // the 90-day series holds the 40-day-old event too
    expect(before.daily).toHaveLength(90);
  });

  it('reports each bad event on its own and accepts the rest', async () => {
    const account = (await createAccountViaService(t.db, { domains: [`usage${unique()}.test`] })).id;
    const domain = (await csm.request({ method: 'GET', url: `/api/accounts/${account}` })).json<{ domains: string[] }>().domains[0]!;
    await license(account, { externalId: `ext-${account}`, seats: null, licensedFeatures: [] });
    const repeated = `evt-${unique()}`;
    const res = await ingest([
      event(account, { eventId: repeated }),
      { ...event(account), accountId: 'no-such-account' },
      event(account, { eventId: repeated }),
      { eventId: `evt-${unique()}`, feature: 'reports', timestamp: daysAgo(0) }, // no account
      event(account, { timestamp: '2025-01-01T10:00:00' }), // no offset
      event(account, { timestamp: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
      event(account, { quantity: -1 }),
      { ...event(account), accountId: undefined, accountExternalId: `ext-${account}` },
      { ...event(account), accountId: undefined, accountDomain: domain.toUpperCase() },
      { ...event(account), accountId: undefined, accountDomain: 'nobody.example' },
      'not an event',
    ]);
    expect(res.results.map((r) => [r.status, r.error?.code])).toEqual([
      ['accepted', undefined],
      ['rejected', 'usage.account_unknown'],
      ['duplicate', 'usage.event_id_repeated'],
      ['rejected', 'usage.invalid_event'],
      ['rejected', 'usage.invalid_event'],
      ['rejected', 'usage.timestamp_in_future'],
      ['rejected', 'usage.invalid_event'],
      ['accepted', undefined],
      ['accepted', undefined],
      ['rejected', 'usage.account_unknown'],
      ['rejected', 'usage.invalid_event'],
    ]);
    expect(res).toMatchObject({ accepted: 3, duplicates: 1, rejected: 7 });
    expect(res.results[6]!.error!.message).toMatch(/^quantity:/);
    expect((await adoption(account)).daily.reduce((n, d) => n + d.events, 0)).toBe(3);
  });

  it('refuses a batch of 1,001 events whole, writing nothing', async () => {
    const account = (await createAccountViaService(t.db)).id;
    const events = Array.from({ length: 1001 }, () => event(account));
    expectError(await post(events), 400, 'request.invalid');
    expect((await adoption(account)).daily.every((d) => d.events === 0)).toBe(true);
    const ok = await ingest(events.slice(0, 1000));
    expect(ok.accepted).toBe(1000);
  });

  it('refuses NUL characters before anything is written', async () => {
    const account = (await createAccountViaService(t.db)).id;
    expectError(await post([event(account), event(account, { feature: 'rep\u0000orts' })]), 400, 'request.nul_character');
    expect((await adoption(account)).daily.every((d) => d.events === 0)).toBe(true);
  });

  it('rolls up reported active-user counts: the larger of distinct users and the largest count that day', async () => {
    const account = (await createAccountViaService(t.db)).id;
    const day = daysAgo(2);
    await ingest([event(account, { timestamp: day, activeUsers: 5 }), event(account, { timestamp: day, activeUsers: 3, userId: 'x' })]);
    const a = await adoption(account);
    expect(a.activeUsers).toBe(5);
    expect(a.seatUtilisation).toBeNull(); // no seats
    expect(a.featureAdoption).toBeNull(); // no licences
    expect(a.activeUserTrend).toBeNull(); // nothing in the 30 days before
    expect(a.daily.find((d) => d.day === day.slice(0, 10))).toEqual({ day: day.slice(0, 10), activeUsers: 5, events: 2 });
    expect(a.unlicensedFeaturesUsed).toEqual([{ feature: 'reports', eventsLast30Days: 2, lastUsedOn: day.slice(0, 10) }]);
  });

  it('lets only usage.write post events: admins yes, members and other tokens no', async () => {
    const account = (await createAccountViaService(t.db)).id;
    const payload = { events: [event(account)] };
    expectError(await tier1.request({ method: 'POST', url: '/api/usage/events', payload }), 403, 'auth.forbidden');
    expectError(await csm.request({ method: 'POST', url: '/api/usage/events', payload }), 403, 'auth.forbidden');
    expectError(await post(payload.events, readOnlyToken), 403, 'auth.forbidden');
    expectError(await t.app.inject({ method: 'POST', url: '/api/usage/events', payload }), 401);
    const res = await admin.request({ method: 'POST', url: '/api/usage/events', payload });
    expect(res.json<UsageBatchResult>().accepted).toBe(1);
  });

  it('keeps licences: replaces the features, refuses an external id another account holds, 404 for an unknown account', async () => {
    const a = (await createAccountViaService(t.db)).id;
    const b = (await createAccountViaService(t.db)).id;
    const empty = (await csm.request({ method: 'GET', url: `/api/accounts/${a}/usage-settings` })).json<UsageSettings>();
    expect(empty).toEqual({ accountId: a, externalId: null, seats: null, licensedFeatures: [], updatedAt: null });
    await license(a, { externalId: `acme-${a}`, seats: 5, licensedFeatures: ['x', 'y'] });
    const saved = await license(a, { externalId: `acme-${a}`, seats: 8, licensedFeatures: ['z', 'y', 'z'] });
    expect(saved).toMatchObject({ externalId: `acme-${a}`, seats: 8, licensedFeatures: ['y', 'z'] });
    const taken = expectError(
      await csm.request({
        method: 'PUT',
        url: `/api/accounts/${b}/usage-settings`,
        payload: { externalId: `acme-${a}`, seats: 1, licensedFeatures: [] },
      }),
      409,
      'conflict.duplicate',
    );
    expect(taken.details).toEqual({ field: 'externalId' });
    expectError(await csm.request({ method: 'GET', url: '/api/accounts/nope/usage-settings' }), 404, 'accounts.not_found');
    expectError(
      await csm.request({
        method: 'PUT',
        url: '/api/accounts/nope/usage-settings',
        payload: { externalId: null, seats: null, licensedFeatures: [] },
      }),
      404,
      'accounts.not_found',
    );
    expectError(await csm.request({ method: 'GET', url: '/api/accounts/nope/adoption' }), 404, 'accounts.not_found');
    expectError(
      await tier1.request({
        method: 'PUT',
        url: `/api/accounts/${a}/usage-settings`,
        payload: { externalId: null, seats: null, licensedFeatures: [] },
      }),
      403,
      'auth.forbidden',
    );
  });

  it('moves the account health as soon as usage is posted: the health read waits for the rescoring', async () => {
    const account = (await createAccountViaService(t.db)).id;
    await license(account, { externalId: null, seats: 4, licensedFeatures: ['reports', 'alerts', 'sso', 'api'] });
    const adoptionDriver = async () => {
      const res = await csm.request({ method: 'GET', url: `/api/accounts/${account}/health` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AccountHealth>().drivers.find((d) => d.metric === 'feature_adoption');
    };
    expect((await adoptionDriver())?.value).toBe(0);
    await ingest([event(account, { userId: 'ann' }), event(account, { userId: 'bob', feature: 'alerts' })]);
    expect((await adoptionDriver())?.value).toBe(50);
    await ingest([event(account, { userId: 'ann', feature: 'sso' }), event(account, { userId: 'cy', feature: 'api' })]);
    const driver = await adoptionDriver();
    expect(driver?.value).toBe(100);
    expect(driver?.score).toBe(100);
  });

  it('gives the health model its figures for many accounts at once', async () => {
    const a = (await createAccountViaService(t.db)).id;
    const b = (await createAccountViaService(t.db)).id;
    await license(a, { externalId: null, seats: 4, licensedFeatures: ['reports', 'alerts'] });
    await license(b, { externalId: null, seats: null, licensedFeatures: [] });
    await ingest([event(a, { userId: 'u1', timestamp: daysAgo(35) }), event(a, { userId: 'u1' }), event(a, { userId: 'u2' })]);
    const figures = await usageFigures(t.db.kysely, new Date(), [a, b]);
    expect(figures.get(a)).toEqual({ featureAdoption: 50, activeUserTrend: 100, seatUtilisation: 50, unusedFeatures: ['alerts'] });
    expect(figures.get(b)).toEqual({ featureAdoption: null, activeUserTrend: null, seatUtilisation: null, unusedFeatures: [] });
    expect((await usageFigures(t.db.kysely, new Date())).get(a)).toEqual(figures.get(a));
  });

  it('imports a CSV file through the same intake, reporting bad rows by their line', async () => {
    const account = (await createAccountViaService(t.db)).id;
    const csv = [
      'eventId,account,feature,userId,activeUsers,quantity,timestamp',
      `imp-${account}-1,${account},reports,ann,,2,${daysAgo(3)}`,
      `imp-${account}-2,${account},"alerts, new",bob,,,${daysAgo(4)}`,
      `imp-${account}-3,unknown.example,reports,,,,${daysAgo(4)}`,
      `imp-${account}-4,${account},reports,,many,,${daysAgo(4)}`,
    ].join('\r\n');
    const boundary = '----usage';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="usage.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await csm.request({
      method: 'POST',
      url: '/api/usage/import',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    const result = res.json<{ rows: number; accepted: number; rejected: number; results: { index: number; error?: { code: string } }[] }>();
    expect(result).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    expect(result.results.map((r) => [r.index, r.error?.code])).toEqual([
      [4, 'usage.account_unknown'],
      [5, 'usage.invalid_event'],
    ]);
    const a = await adoption(account);
    expect(a.unlicensedFeaturesUsed.map((f) => f.feature).sort()).toEqual(['alerts, new', 'reports']);
  });
});
