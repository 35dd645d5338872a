import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError } from '../../../../test/factories/index.js';
import { setAccountTeam } from '../../accounts/index.js';
import { createFeedbackItem } from '../../feedback/index.js';
import type { RenewalBoard } from '../contract/renewals.js';
import { renewalOf } from './renewal-of.js';
import { renewalBoard } from './renewal-service.js';
import { assessRenewalRisk } from './risk.js';

const NOW = new Date('2026-12-02T09:00:00Z');

describe('renewal risk', () => {
  const base = { grade: null, forecast: null, blockers: 0, renewalDate: '2027-06-30', now: NOW } as const;
  it('is high on a red grade, an at-risk forecast or two blockers, with every reason', () => {
    expect(assessRenewalRisk({ ...base, grade: 'red' })).toEqual({ risk: 'high', reasons: ['Health is red'] });
    expect(assessRenewalRisk({ ...base, forecast: 'at_risk' }).risk).toBe('high');
    expect(assessRenewalRisk({ ...base, blockers: 2, grade: 'yellow' })).toEqual({
      risk: 'high',
      reasons: ['2 open blocker feedback items', 'Health is yellow'],
    });
  });
  it('is medium on a yellow grade, one blocker or a likely forecast within 30 days, else low', () => {
    expect(assessRenewalRisk({ ...base, grade: 'yellow' }).risk).toBe('medium');
    expect(assessRenewalRisk({ ...base, blockers: 1 }).reasons).toEqual(['1 open blocker feedback item']);
    expect(assessRenewalRisk({ ...base, forecast: 'likely', renewalDate: '2026-12-20' })).toEqual({
      risk: 'medium',
      reasons: ['Forecast only likely with the renewal in 18 days'],
    });
    expect(assessRenewalRisk({ ...base, forecast: 'likely' }).risk).toBe('low');
    expect(assessRenewalRisk({ ...base, grade: 'green', forecast: 'commit' })).toEqual({ risk: 'low', reasons: [] });
  });
});

describe.each(testDialects())('renewals on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  let stakeholder: SignedIn;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
    stakeholder = await signInAs(t, ['stakeholder']);
  });
  afterAll(async () => t.close());

  const account = async (
    renewalDate: string,
    arr: number,
    grade: 'green' | 'yellow' | 'red' | null = null,
    segment = 'enterprise' as const,
  ) => {
    const a = await createAccountViaService(t.db, { renewalDate, arr, segment });
    if (grade)
      await db()
        .insertInto('account_health')
        .values({
          account_id: a.id,
          score: 50,
          grade,
          computed_score: 50,
          computed_grade: grade,
          score_30_days_ago: null,
          change_30_days: null,
          measures: '[]',
          metric_values: '{}',
          computed_at: NOW.toISOString(),
        })
        .execute();
    return a.id;
  };
  const setForecast = (id: string, body: Record<string, unknown>, who: SignedIn = tam) =>
    who.request({ method: 'PUT', url: `/api/accounts/${id}/renewal`, payload: body });

  it('sets a forecast with a note, audits it and reads it back with the risk', async () => {
    const id = await account('2031-02-14', 120_000, 'yellow');
    const res = await setForecast(id, { forecast: 'commit', note: 'Signed order form on the way' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      renewalDate: '2031-02-14',
      arr: 120_000,
      forecast: 'commit',
      note: 'Signed order form on the way',
      updatedBy: { id: tam.memberId },
      risk: 'medium',
      reasons: ['Health is yellow'],
    });
    await setForecast(id, { forecast: 'at_risk', note: null });
    const read = await stakeholder.request({ method: 'GET', url: `/api/accounts/${id}/renewal` });
    expect(read.json()).toMatchObject({ forecast: 'at_risk', note: null, risk: 'high' });
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', id)
      .where('action', '=', 'renewal.forecast_set')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('counts open blocker feedback toward the risk', async () => {
    const id = await account('2031-05-01', 50_000);
    const blocker = (title: string) =>
      createFeedbackItem(db(), SYSTEM_CONTEXT, { accountId: id, title, quote: 'We cannot go on without it', impact: 'blocker' });
    await blocker('SSO');
    expect((await renewalOf(db(), id, NOW)).risk).toBe('medium');
    await blocker('Audit export');
    expect(await renewalOf(db(), id, NOW)).toMatchObject({ risk: 'high', reasons: ['2 open blocker feedback items'], arr: 50_000 });
  });

  it('groups the window by quarter with ARR totals per forecast, filtered by segment, owner and forecast', async () => {
    const q1a = await account('2032-01-15', 100_000, 'red');
    const q1b = await account('2032-03-31', 40_000);
    const q2 = await account('2032-05-10', 70_000, null, 'smb' as never);
    await setForecast(q1a, { forecast: 'likely' });
    await setForecast(q1b, { forecast: 'commit' });
    await setAccountTeam(db(), SYSTEM_CONTEXT, q1b, [{ role: 'technical_account_manager', memberId: tam.memberId }]);

    const res = await stakeholder.request({ method: 'GET', url: '/api/renewals?from=2032-01-01&to=2032-06-30' });
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json() as RenewalBoard;
    expect(board.quarters.map((q) => q.label)).toEqual(['Q1 2032', 'Q2 2032']);
    expect(board.quarters[0]!.totals).toEqual({ all: 140_000, commit: 40_000, likely: 100_000, at_risk: 0, none: 0 });
    expect(board.quarters[0]!.items.map((i) => [i.account.id, i.risk])).toEqual([
      [q1a, 'high'],
      [q1b, 'low'],
    ]);
    expect(board.quarters[1]!.items.map((i) => i.account.id)).toEqual([q2]);
    expect(board.quarters[1]!.totals.none).toBe(70_000);

    const smb = (
      await stakeholder.request({ method: 'GET', url: '/api/renewals?from=2032-01-01&to=2032-06-30&segment=smb' })
    ).json() as RenewalBoard;
    expect(smb.quarters.flatMap((q) => q.items.map((i) => i.account.id))).toEqual([q2]);
    const mine = (
      await stakeholder.request({ method: 'GET', url: `/api/renewals?from=2032-01-01&to=2032-06-30&ownerId=${tam.memberId}` })
    ).json() as RenewalBoard;
    expect(mine.quarters.flatMap((q) => q.items.map((i) => [i.account.id, i.owner?.id]))).toEqual([[q1b, tam.memberId]]);
    const none = (
      await stakeholder.request({ method: 'GET', url: '/api/renewals?from=2032-01-01&to=2032-06-30&forecast=none' })
    ).json() as RenewalBoard;
    expect(none.quarters.flatMap((q) => q.items.map((i) => i.account.id))).toEqual([q2]);
  });

  it('defaults to this quarter and the three after it', async () => {
    const board = await renewalBoard(db(), {}, NOW);
    expect(board.quarters.map((q) => q.label)).toEqual(['Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027']);
    expect(board).toMatchObject({ from: '2026-10-01', to: '2027-09-30' });
  });

  it('refuses bad windows, unknown accounts and writes without success.write', async () => {
    expectError(await stakeholder.request({ method: 'GET', url: '/api/renewals?from=2032-06-01&to=2032-01-01' }), 400, 'request.invalid');
    expectError(await setForecast('no-such-account', { forecast: 'commit' }), 404, 'accounts.not_found');
    const id = await account('2031-09-01', 10_000);
    expectError(await setForecast(id, { forecast: 'commit' }, stakeholder), 403, 'auth.forbidden');
    expectError(await setForecast(id, { forecast: 'maybe' }), 400, 'request.invalid');
    expectError(await setForecast(id, { forecast: 'commit', note: 'a\u0000b' }), 400, 'request.nul_character');
  });
});
