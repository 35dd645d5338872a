import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { OpportunityPoc, OpportunityPocs, WinLoss } from '../contract/pocs.js';
import { technicalWinFromVerdict } from './technical-win.js';
import { pocOutcomeOf, winLossTable, winRate } from './win-loss-figures.js';
import { winLossWindow } from './win-loss.js';

describe('the technical win a PoC verdict gives, and win/loss figures', () => {
  it('wins on a pass, loses on a fail with the note as the reason, and says nothing while pending', () => {
    expect(technicalWinFromVerdict({ verdict: 'pass', engagementName: 'Pilot', note: 'All four criteria met' })).toEqual({
      status: 'won',
      reason: 'PoC “Pilot” passed: All four criteria met',
    });
    expect(technicalWinFromVerdict({ verdict: 'fail', engagementName: 'Pilot', note: '  ' })).toEqual({
      status: 'lost',
      reason: 'PoC “Pilot” failed',
    });
    expect(technicalWinFromVerdict({ verdict: 'pending', engagementName: 'Pilot', note: 'x' })).toBeNull();
    const long = technicalWinFromVerdict({ verdict: 'fail', engagementName: 'Pilot', note: 'x'.repeat(5000) })!;
    expect(long.reason).toHaveLength(2000);
    expect(long.reason.endsWith('…')).toBe(true);
  });

  it('counts a deal as proven when any PoC passed, failed when one failed and none passed', () => {
    expect(pocOutcomeOf(['fail', 'pass'])).toBe('pass');
    expect(pocOutcomeOf(['pending', 'fail'])).toBe('fail');
    expect(pocOutcomeOf(['pending'])).toBe('pending');
    expect(pocOutcomeOf([])).toBe('none');
  });

  it('groups closed deals by PoC outcome × won/lost with ARR and win rate, every outcome present', () => {
    expect(winRate(2, 1)).toBe(66.7);
    expect(winRate(0, 0)).toBeNull();
    const table = winLossTable([
      { outcome: 'won', arr: 100, pocOutcome: 'pass' },
      { outcome: 'won', arr: 50, pocOutcome: 'pass' },
      { outcome: 'lost', arr: 70, pocOutcome: 'pass' },
      { outcome: 'lost', arr: 30, pocOutcome: 'fail' },
      { outcome: 'won', arr: 10, pocOutcome: 'none' },
    ]);
    expect(table.groups.map((g) => g.pocOutcome)).toEqual(['pass', 'fail', 'pending', 'none']);
    expect(table.groups[0]).toEqual({
      pocOutcome: 'pass',
      won: { count: 2, arr: 150 },
      lost: { count: 1, arr: 70 },
      total: { count: 3, arr: 220 },
      winRate: 66.7,
    });
    expect(table.groups[1]!.winRate).toBe(0);
    expect(table.groups[2]).toMatchObject({ total: { count: 0, arr: 0 }, winRate: null });
    expect(table.totals).toEqual({ won: { count: 3, arr: 160 }, lost: { count: 2, arr: 100 }, total: { count: 5, arr: 260 }, winRate: 60 });
  });

  it('takes the last year up to today by default and refuses a window that ends before it starts', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    expect(winLossWindow({}, now)).toEqual({ from: '2025-06-15', to: '2026-06-15' });
    expect(winLossWindow({ to: '2026-01-31' }, now)).toEqual({ from: '2025-01-31', to: '2026-01-31' });
    expect(() => winLossWindow({ from: '2026-02-01', to: '2026-01-31' }, now)).toThrow(/on or before/);
  });
});

describe.each(testDialects())('proofs of concept tied to deals on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let stakeholder: SignedIn;
  let admin: SignedIn;
  let accountA: string;
  let accountB: string;
  let n: number;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    stakeholder = await signInAs(t, ['stakeholder']);
    admin = await signInAs(t, ['admin']);
    n = unique();
    accountA = (await createAccountViaService(t.db, { name: `Kestrel PoC ${n}`, domains: [`kestrel-poc-${n}.test`] })).id;
    accountB = (await createAccountViaService(t.db, { name: `Maple PoC ${n}`, domains: [`maple-poc-${n}.test`] })).id;
  });
  afterAll(async () => t.close());

  const createDeal = async (accountId: string, body: Record<string, unknown> = {}): Promise<string> => {
    const res = await se.request({
      method: 'POST',
      url: '/api/opportunities',
      payload: { accountId, name: `Deal ${unique()}`, stage: 'technical_validation', arr: 100000, technicalWin: 'in_progress', ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const startPoc = async (opportunityId: string, body: Record<string, unknown> = {}, who: SignedIn = se) =>
    who.request({
      method: 'POST',
      url: `/api/opportunities/${opportunityId}/pocs`,
      payload: { name: `PoC ${unique()}`, startDate: '2026-03-02', budgetHours: 40, ...body },
    });
  const started = async (opportunityId: string, body: Record<string, unknown> = {}): Promise<OpportunityPoc> => {
    const res = await startPoc(opportunityId, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const setVerdict = async (engagementId: string, verdict: string, note?: string) => {
    const res = await se.request({ method: 'PUT', url: `/api/engagements/${engagementId}/poc-verdict`, payload: { verdict, note } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const deal = async (id: string) => (await se.request({ method: 'GET', url: `/api/opportunities/${id}` })).json();
  const pocsOf = async (id: string) =>
    (await se.request({ method: 'GET', url: `/api/opportunities/${id}/pocs` })).json() as OpportunityPocs;

  it('links an engagement only to an existing opportunity of its own account', async () => {
    const dealA = await createDeal(accountA, { name: 'Fleet analytics' });
    const dealB = await createDeal(accountB);
    const body = { accountId: accountA, kind: 'proof_of_concept', name: 'Fleet PoC', startDate: '2026-03-02', budgetHours: 20 };
    const foreign = await se.request({ method: 'POST', url: '/api/engagements', payload: { ...body, opportunityId: dealB } });
    expect(expectError(foreign, 422, 'engagements.opportunity_not_on_account').details.field).toBe('opportunityId');
    const missing = await se.request({ method: 'POST', url: '/api/engagements', payload: { ...body, opportunityId: 'no-such-deal' } });
    expect(expectError(missing, 422, 'request.reference_not_found').details.field).toBe('opportunityId');

    const created = await se.request({ method: 'POST', url: '/api/engagements', payload: { ...body, opportunityId: dealA } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().opportunity).toEqual({ id: dealA, name: 'Fleet analytics' });
    const engagementId = created.json().id;
    expectError(
      await se.request({ method: 'PATCH', url: `/api/engagements/${engagementId}`, payload: { opportunityId: dealB } }),
      422,
      'engagements.opportunity_not_on_account',
    );
    const unlinked = await se.request({ method: 'PATCH', url: `/api/engagements/${engagementId}`, payload: { opportunityId: null } });
    expect(unlinked.json().opportunity).toBeNull();
    const audit = await db()
      .selectFrom('audit_log')
      .select('changes')
      .where('record_id', '=', engagementId)
      .where('action', '=', 'engagement.updated')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes!)).toMatchObject({ opportunityId: [dealA, null] });
  });

  it('starts a PoC on the deal’s account from a template with its criteria, and lists it with criteria progress', async () => {
    const dealId = await createDeal(accountA, { name: 'Maintenance analytics' });
    // Templates are curated by delivery leads (an admin here).
    const template = await admin.request({
      method: 'POST',
      url: '/api/engagement-templates',
      payload: {
        name: `PoC template ${n}`,
        kind: 'proof_of_concept',
        phases: [
          {
            name: 'Prove it',
            tasks: [
              { key: 'setup', title: 'Set up the trial tenant', ownerSide: 'team', ownerRole: 'sales_engineer', durationDays: 2 },
              {
                key: 'review',
                title: 'Review with the customer',
                ownerSide: 'team',
                durationDays: 1,
                dependsOn: ['setup'],
                milestone: true,
              },
            ],
          },
        ],
      },
    });
    expect(template.statusCode, template.body).toBe(201);
    const poc = await started(dealId, {
      name: 'Maintenance analytics PoC',
      templateId: template.json().id,
      leadId: se.memberId,
      criteria: ['Ingest a year of maintenance logs', 'Dashboards load in under 3 seconds'],
    });
    expect(poc).toMatchObject({
      name: 'Maintenance analytics PoC',
      status: 'active',
      lead: { id: se.memberId },
      verdict: 'pending',
      criteria: { pending: 2, pass: 0, fail: 0, total: 2 },
      targetGoLiveDate: '2026-03-04',
    });
    const engagement = (await se.request({ method: 'GET', url: `/api/engagements/${poc.id}` })).json();
    expect(engagement).toMatchObject({
      kind: 'proof_of_concept',
      account: { id: accountA },
      opportunity: { id: dealId, name: 'Maintenance analytics' },
    });
    expect(engagement.tasks).toHaveLength(2);

    const criteria = (await se.request({ method: 'GET', url: `/api/engagements/${poc.id}/poc` })).json().criteria;
    await se.request({ method: 'PATCH', url: `/api/poc-criteria/${criteria[0].id}`, payload: { status: 'pass' } });
    const listed = await pocsOf(dealId);
    expect(listed.opportunity).toMatchObject({ id: dealId, account: { id: accountA }, open: true, technicalWin: 'in_progress' });
    expect(listed.items).toEqual([expect.objectContaining({ id: poc.id, criteria: { pending: 1, pass: 1, fail: 0, total: 2 } })]);
    // A stakeholder reads the deal's PoCs but does not start one.
    expect((await stakeholder.request({ method: 'GET', url: `/api/opportunities/${dealId}/pocs` })).statusCode).toBe(200);
    expectError(await startPoc(dealId, {}, stakeholder), 403, 'auth.forbidden');
  });

  it('refuses a PoC on an unknown or closed deal, and one that names a missing template', async () => {
    expectError(await startPoc('no-such-deal'), 404, 'opportunities.not_found');
    expectError(await se.request({ method: 'GET', url: '/api/opportunities/no-such-deal/pocs' }), 404, 'opportunities.not_found');
    const closed = await createDeal(accountA, { stage: 'closed_lost', technicalWin: 'lost', technicalWinReason: 'Budget cut' });
    expectError(await startPoc(closed), 409, 'pocs.opportunity_closed');
    const open = await createDeal(accountA);
    expect(expectError(await startPoc(open, { templateId: 'no-such-template' }), 422, 'request.reference_not_found').details.field).toBe(
      'templateId',
    );
    // Nothing was left half-made.
    expect((await pocsOf(open)).items).toEqual([]);
  });

  it('sets the technical win from the verdict: pass → won, fail → lost with the reason, pending leaves it; audited and in the history', async () => {
    const dealId = await createDeal(accountA);
    const poc = await started(dealId, { name: 'Telemetry PoC' });
    const afterPending = await setVerdict(poc.id, 'pending', 'Still measuring');
    expect(afterPending.opportunity).toMatchObject({ id: dealId, technicalWin: 'in_progress' });

    const passed = await setVerdict(poc.id, 'pass', 'All criteria met');
    expect(passed.opportunity).toEqual({ id: dealId, name: expect.any(String), technicalWin: 'won' });
    expect(await deal(dealId)).toMatchObject({ technicalWin: 'won', technicalWinReason: 'PoC “Telemetry PoC” passed: All criteria met' });

    await setVerdict(poc.id, 'fail', 'Ingest too slow at 10k devices');
    expect(await deal(dealId)).toMatchObject({
      technicalWin: 'lost',
      technicalWinReason: 'PoC “Telemetry PoC” failed: Ingest too slow at 10k devices',
    });
    // Pending again says nothing new: the deal keeps the lost technical win.
    await setVerdict(poc.id, 'pending');
    expect((await deal(dealId)).technicalWin).toBe('lost');

    const audits = await db()
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('record_id', '=', dealId)
      .where('action', '=', 'opportunity.technical_win_from_poc')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => JSON.parse(a.changes!).technicalWin)).toEqual([
      ['in_progress', 'won'],
      ['won', 'lost'],
    ]);
    expect(JSON.parse(audits[0]!.changes!)).toMatchObject({ pocEngagementId: [null, poc.id], pocVerdict: [null, 'pass'] });
    const history = await db()
      .selectFrom('opportunity_stage_changes')
      .select(['to_value', 'reason'])
      .where('opportunity_id', '=', dealId)
      .where('field', '=', 'technical_win')
      .orderBy('changed_at')
      .orderBy('id')
      .execute();
    expect(history.map((h) => h.to_value)).toEqual(['in_progress', 'won', 'lost']);
  });

  it('leaves a closed deal’s technical win untouched, and gives a decided PoC’s verdict to the deal it is linked to later', async () => {
    const dealId = await createDeal(accountA);
    const poc = await started(dealId, { name: 'Closing PoC' });
    const closed = await se.request({
      method: 'PATCH',
      url: `/api/opportunities/${dealId}`,
      payload: { stage: 'closed_won', technicalWin: 'won' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    await setVerdict(poc.id, 'fail', 'Late finding');
    expect(await deal(dealId)).toMatchObject({ stage: 'closed_won', technicalWin: 'won' });

    // A PoC decided before it was linked: linking it carries the verdict over to the (open) deal.
    const later = await createDeal(accountA);
    const standalone = await se.request({
      method: 'POST',
      url: '/api/engagements',
      payload: { accountId: accountA, kind: 'proof_of_concept', name: 'Standalone PoC', startDate: '2026-03-02', budgetHours: 10 },
    });
    await setVerdict(standalone.json().id, 'pass');
    expect((await deal(later)).technicalWin).toBe('in_progress');
    await se.request({ method: 'PATCH', url: `/api/engagements/${standalone.json().id}`, payload: { opportunityId: later } });
    expect(await deal(later)).toMatchObject({ technicalWin: 'won', technicalWinReason: 'PoC “Standalone PoC” passed' });
  });

  it('reports closed deals of a window by PoC verdict × won/lost, with ARR and win rate', async () => {
    // A window of its own, far from the other tests' deals.
    const closeIn = async (arr: number, outcome: 'won' | 'lost', closeDate: string, verdicts: ('pass' | 'fail' | 'pending')[]) => {
      const id = await createDeal(accountB, { arr, closeDate });
      for (const verdict of verdicts) {
        const poc = await started(id);
        if (verdict !== 'pending') await setVerdict(poc.id, verdict);
      }
      const res = await se.request({
        method: 'PATCH',
        url: `/api/opportunities/${id}`,
        payload: outcome === 'won' ? { stage: 'closed_won' } : { stage: 'closed_lost', technicalWin: 'lost', technicalWinReason: 'Lost' },
      });
      expect(res.statusCode, res.body).toBe(200);
      return id;
    };
    const provenWon = await closeIn(200000, 'won', '2031-02-10', ['fail', 'pass']);
    await closeIn(50000, 'won', '2031-03-01', ['pass']);
    await closeIn(80000, 'lost', '2031-03-15', ['pass']);
    await closeIn(120000, 'lost', '2031-04-01', ['fail']);
    await closeIn(30000, 'won', '2031-04-02', []);
    await closeIn(60000, 'lost', '2031-04-03', ['pending']);
    await closeIn(999, 'won', '2031-07-01', ['pass']); // outside the window
    await createDeal(accountB, { arr: 5000, closeDate: '2031-03-20' }); // still open

    const res = await stakeholder.request({ method: 'GET', url: '/api/presales/win-loss?from=2031-01-01&to=2031-06-30' });
    expect(res.statusCode, res.body).toBe(200);
    const figures = res.json() as WinLoss;
    const group = (o: string) => figures.groups.find((g) => g.pocOutcome === o)!;
    expect(group('pass')).toEqual({
      pocOutcome: 'pass',
      won: { count: 2, arr: 250000 },
      lost: { count: 1, arr: 80000 },
      total: { count: 3, arr: 330000 },
      winRate: 66.7,
    });
    expect(group('fail')).toMatchObject({ won: { count: 0, arr: 0 }, lost: { count: 1, arr: 120000 }, winRate: 0 });
    expect(group('pending')).toMatchObject({ lost: { count: 1, arr: 60000 }, winRate: 0 });
    expect(group('none')).toMatchObject({ won: { count: 1, arr: 30000 }, winRate: 100 });
    expect(figures.totals).toMatchObject({ total: { count: 6, arr: 540000 }, winRate: 50 });
    expect(figures.deals.map((d) => d.closedOn)).toEqual([
      '2031-04-03',
      '2031-04-02',
      '2031-04-01',
      '2031-03-15',
      '2031-03-01',
      '2031-02-10',
    ]);
    const proven = figures.deals.find((d) => d.id === provenWon)!;
    expect(proven).toMatchObject({ outcome: 'won', pocOutcome: 'pass', account: { id: accountB } });
    expect(proven.pocs.map((p) => p.verdict)).toEqual(['fail', 'pass']);

    const csv = await stakeholder.request({ method: 'GET', url: '/api/presales/win-loss.csv?from=2031-01-01&to=2031-06-30' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe('Opportunity,Account,Outcome,Closed on,ARR,Proof of concept,PoCs');
    expect(csv.body.trim().split('\n')).toHaveLength(7);

    expectError(
      await stakeholder.request({ method: 'GET', url: '/api/presales/win-loss?from=2031-06-30&to=2031-01-01' }),
      422,
      'pocs.window_invalid',
    );
    expectError(await stakeholder.request({ method: 'GET', url: '/api/presales/win-loss?from=yesterday' }), 400, 'request.invalid');
  });
});
