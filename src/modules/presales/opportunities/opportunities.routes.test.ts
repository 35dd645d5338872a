import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { Opportunity, OpportunityPage, Pipeline, TimelineEntry } from '../contract/opportunities.js';
import { opportunityRefs } from './opportunity-refs.js';

describe.each(testDialects())('opportunities on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let sa: SignedIn;
  let csm: SignedIn;
  let stakeholder: SignedIn;
  let tier1: SignedIn;
  let accountA: string;
  let accountB: string;
  let n: number;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    sa = await signInAs(t, ['solutions_architect']);
    csm = await signInAs(t, ['customer_success']);
    stakeholder = await signInAs(t, ['stakeholder']);
    tier1 = await signInAs(t, ['support_tier1']);
    n = unique();
    accountA = (await createAccountViaService(t.db, { name: `Kestrel Opp ${n}`, domains: [`kestrel-${n}.test`] })).id;
    accountB = (await createAccountViaService(t.db, { name: `Maple Opp ${n}`, domains: [`maple-${n}.test`] })).id;
  });
  afterAll(async () => t.close());

  const create = async (body: Record<string, unknown>, who: SignedIn = se) =>
    who.request({ method: 'POST', url: '/api/opportunities', payload: body });
  const patch = async (id: string, body: Record<string, unknown>, who: SignedIn = se) =>
    who.request({ method: 'PATCH', url: `/api/opportunities/${id}`, payload: body });
  const list = async (query: string) => (await se.request({ method: 'GET', url: `/api/opportunities?${query}` })).json() as OpportunityPage;

  it('creates an opportunity with its team and products, keeps its history and audits it', async () => {
    const res = await create({
      accountId: accountA,
      name: 'Maintenance analytics',
      stage: 'technical_validation',
      arr: 240000,
      closeDate: '2026-09-30',
      salesOwnerId: csm.memberId,
      salesEngineerId: se.memberId,
      solutionsArchitectId: sa.memberId,
      technicalWin: 'in_progress',
      products: ['Analytics', 'Edge gateway'],
      description: 'Fleet maintenance analytics',
    });
    expect(res.statusCode, res.body).toBe(201);
    const opp = res.json() as Opportunity;
    expect(opp).toMatchObject({
      name: 'Maintenance analytics',
      account: { id: accountA, name: `Kestrel Opp ${n}` },
      stage: 'technical_validation',
      open: true,
      arr: 240000,
      closeDate: '2026-09-30',
      salesEngineer: { id: se.memberId },
      solutionsArchitect: { id: sa.memberId },
      salesOwner: { id: csm.memberId },
      technicalWin: 'in_progress',
      products: ['Analytics', 'Edge gateway'],
      closedAt: null,
      createdBy: { id: se.memberId },
    });
    const got = await stakeholder.request({ method: 'GET', url: `/api/opportunities/${opp.id}` });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toEqual(opp);
    const audit = await db().selectFrom('audit_log').selectAll().where('record_id', '=', opp.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['opportunity.created']);
    const refs = await opportunityRefs(db(), [opp.id, 'nope']);
    expect(refs.get(opp.id)).toEqual({
      id: opp.id,
      name: 'Maintenance analytics',
      accountId: accountA,
      arr: 240000,
      stage: 'technical_validation',
      technicalWin: 'in_progress',
    });
    expect(refs.has('nope')).toBe(false);
  });

  it('keeps ARR a whole amount, so a vanishingly small number is stored as 0 on both databases (PostgreSQL cannot hold 1e-258)', async () => {
    const tiny = await create({ accountId: accountA, name: `Tiny ${++n}`, arr: 1.9400350289372001e-258 });
    expect(tiny.statusCode, tiny.body).toBe(201);
    expect(tiny.json().arr).toBe(0);
    const cents = await create({ accountId: accountA, name: `Cents ${++n}`, arr: 1234.5678 });
    expect(cents.statusCode, cents.body).toBe(201);
    expect(cents.json().arr).toBe(1235);
  });

  it('refuses an unknown account, an inactive team member and a lost technical win without a reason', async () => {
    expectError(await create({ accountId: 'no-such', name: 'x' }), 422, 'opportunities.account_unknown');
    const leaver = await signInAs(t, ['sales_engineer']);
    await db().updateTable('members').set({ status: 'disabled' }).where('id', '=', leaver.memberId).execute();
    const inactive = expectError(
      await create({ accountId: accountA, name: 'x', salesEngineerId: leaver.memberId }),
      422,
      'opportunities.member_inactive',
    );
    expect(inactive.details.field).toBe('salesEngineerId');
    expectError(await create({ accountId: accountA, name: 'x', salesEngineerId: 'ghost' }), 422, 'opportunities.member_inactive');
    const lost = expectError(
      await create({ accountId: accountA, name: 'x', technicalWin: 'lost' }),
      422,
      'opportunities.technical_win_reason_required',
    );
    expect(lost.details.field).toBe('technicalWinReason');
    expectError(await create({ accountId: accountA, name: 'x', technicalWin: 'lost', technicalWinReason: '   ' }), 422);
    expect(
      (await create({ accountId: accountA, name: 'Lost one', technicalWin: 'lost', technicalWinReason: 'No SSO', stage: 'closed_lost' }))
        .statusCode,
    ).toBe(201);
  });

  it('moves stages: a closed stage sets closedAt, reopening clears it; lost needs a reason; history is kept', async () => {
    const opp = (await create({ accountId: accountA, name: 'Stage walk', arr: 50000, technicalWin: 'in_progress' })).json() as Opportunity;
    const won = (
      await patch(opp.id, { stage: 'closed_won', technicalWin: 'won', technicalWinReason: 'All criteria met' })
    ).json() as Opportunity;
    expect(won.stage).toBe('closed_won');
    expect(won.open).toBe(false);
    expect(won.closedAt).not.toBeNull();
    expect(won.technicalWinReason).toBe('All criteria met');
    // Correcting the outcome keeps the close date.
    const corrected = (await patch(opp.id, { stage: 'closed_lost' })).json() as Opportunity;
    expect(corrected.closedAt).toBe(won.closedAt);
    const reopened = (await patch(opp.id, { stage: 'proposal' })).json() as Opportunity;
    expect(reopened.closedAt).toBeNull();

    expectError(await patch(opp.id, { technicalWin: 'lost' }), 422, 'opportunities.technical_win_reason_required');
    const lost = (
      await patch(opp.id, { technicalWin: 'lost', technicalWinReason: 'Needs on-premises; we are cloud only' })
    ).json() as Opportunity;
    expect(lost.technicalWin).toBe('lost');
    // Clearing the reason of a lost technical win is refused too.
    expectError(await patch(opp.id, { technicalWinReason: null }), 422, 'opportunities.technical_win_reason_required');
    // A new status without a reason clears the old one.
    const again = (await patch(opp.id, { technicalWin: 'in_progress' })).json() as Opportunity;
    expect(again.technicalWinReason).toBeNull();

    const arr = (await patch(opp.id, { arr: 75000, products: ['Core'] })).json() as Opportunity;
    expect(arr.arr).toBe(75000);
    expect(arr.products).toEqual(['Core']);

    const timeline = (await se.request({ method: 'GET', url: `/api/opportunities/${opp.id}/timeline` })).json() as {
      items: TimelineEntry[];
    };
    const titles = timeline.items.map((e) => e.title);
    expect(titles).toContain('Stage: Discovery → Closed won');
    expect(titles).toContain('Stage: Closed won → Closed lost');
    expect(titles).toContain('Technical win: Won → Lost');
    expect(timeline.items.find((e) => e.title === 'Technical win: Won → Lost')?.detail).toBe('Needs on-premises; we are cloud only');
    expect(timeline.items.at(-1)?.type).toBe('created');
    const audits = await db().selectFrom('audit_log').select('action').where('record_id', '=', opp.id).execute();
    expect(audits.filter((a) => a.action === 'opportunity.updated').length).toBe(6);
  });

  it('refuses writes from a stakeholder and a Tier 1 engineer, who may still read', async () => {
    const opp = (await create({ accountId: accountA, name: 'Perm deal' })).json() as Opportunity;
    expectError(await create({ accountId: accountA, name: 'x' }, stakeholder), 403, 'auth.forbidden');
    expectError(await create({ accountId: accountA, name: 'x' }, tier1), 403, 'auth.forbidden');
    expectError(await patch(opp.id, { arr: 1 }, stakeholder), 403, 'auth.forbidden');
    expectError(await patch(opp.id, { arr: 1 }, tier1), 403, 'auth.forbidden');
    expectError(
      await tier1.request({ method: 'POST', url: `/api/opportunities/${opp.id}/deal-support`, payload: { kind: 'demo', title: 'x' } }),
      403,
    );
    expectError(
      await stakeholder.request({
        method: 'POST',
        url: `/api/opportunities/${opp.id}/demos`,
        payload: { title: 'x', occurredAt: '2026-01-01T10:00:00Z' },
      }),
      403,
    );
    expect((await tier1.request({ method: 'GET', url: `/api/opportunities/${opp.id}` })).statusCode).toBe(200);
    expect((await stakeholder.request({ method: 'GET', url: '/api/deal-support' })).statusCode).toBe(200);
  });

  it('filters, searches, sorts and pages the list, and totals the pipeline by stage', async () => {
    const k = unique();
    const account = (await createAccountViaService(t.db, { name: `Zephyr Filter ${k}` })).id;
    const mk = async (name: string, extra: Record<string, unknown>) =>
      ((await create({ accountId: account, name, ...extra })).json() as Opportunity).id;
    const a = await mk('Alpha telematics', { stage: 'discovery', arr: 100, closeDate: '2026-03-01', salesEngineerId: se.memberId });
    const b = await mk('Bravo grid', {
      stage: 'proposal',
      arr: 300,
      closeDate: '2026-01-15',
      solutionsArchitectId: sa.memberId,
      technicalWin: 'won',
    });
    const c = await mk('Charlie campus', { stage: 'closed_won', arr: 200, salesOwnerId: csm.memberId });
    const ids = (p: OpportunityPage) => p.items.map((o) => o.id);

    expect(ids(await list(`accountId=${account}`))).toEqual([b, a, c]);
    expect(ids(await list(`accountId=${account}&open=true`))).toEqual([b, a]);
    expect(ids(await list(`accountId=${account}&open=false`))).toEqual([c]);
    expect(ids(await list(`accountId=${account}&stage=proposal`))).toEqual([b]);
    expect(ids(await list(`accountId=${account}&salesEngineerId=${se.memberId}`))).toEqual([a]);
    expect(ids(await list(`accountId=${account}&solutionsArchitectId=${sa.memberId}`))).toEqual([b]);
    expect(ids(await list(`accountId=${account}&salesOwnerId=${csm.memberId}`))).toEqual([c]);
    expect(ids(await list(`accountId=${account}&memberId=${sa.memberId}`))).toEqual([b]);
    expect(ids(await list(`accountId=${account}&technicalWin=won`))).toEqual([b]);
    expect(ids(await list(`accountId=${account}&closeFrom=2026-02-01&closeTo=2026-12-31`))).toEqual([a]);
    expect(ids(await list(`q=bravo%20GRID`))).toEqual([b]);
    expect(ids(await list(`q=zephyr%20filter%20${k}`)).sort()).toEqual([a, b, c].sort());
    expect(ids(await list(`q=100%25`))).toEqual([]);
    expect(ids(await list(`accountId=${account}&sort=arr`))).toEqual([b, c, a]);
    expect(ids(await list(`accountId=${account}&sort=arr&order=asc`))).toEqual([a, c, b]);
    await patch(a, { description: 'touched' });
    expect(ids(await list(`accountId=${account}&sort=updated`))[0]).toBe(a);

    for (const sort of ['close_date', 'arr', 'updated']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < 5; i++) {
        const page: OpportunityPage = await list(`accountId=${account}&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...ids(page));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      expect(seen.sort(), sort).toEqual([a, b, c].sort());
    }
    expectError(
      await se.request({ method: 'GET', url: `/api/opportunities?sort=arr&cursor=${Buffer.from('["x","y"]').toString('base64url')}` }),
      400,
    );

    const pipeline = (await se.request({ method: 'GET', url: `/api/opportunities/pipeline?accountId=${account}` })).json() as Pipeline;
    expect(pipeline.stages).toHaveLength(7);
    expect(pipeline.stages.find((s) => s.stage === 'proposal')).toEqual({ stage: 'proposal', count: 1, arr: 300 });
    expect(pipeline.stages.find((s) => s.stage === 'qualification')).toEqual({ stage: 'qualification', count: 0, arr: 0 });
    expect(pipeline.open).toEqual({ count: 2, arr: 400 });
    expect(pipeline.won).toEqual({ count: 1, arr: 200 });
  });

  it('logs interactions on the account linked to the deal, and unlinks them', async () => {
    const opp = (await create({ accountId: accountB, name: 'Security suite' })).json() as Opportunity;
    const res = await se.request({
      method: 'POST',
      url: `/api/opportunities/${opp.id}/interactions`,
      payload: {
        kind: 'call',
        occurredAt: '2026-04-02T15:00:00Z',
        durationMinutes: 30,
        subject: 'Discovery call with the CISO',
        memberIds: [se.memberId],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const interaction = res.json() as { id: string; accountId: string; kind: string };
    expect(interaction).toMatchObject({ accountId: accountB, kind: 'call' });
    const onAccount = (await se.request({ method: 'GET', url: `/api/accounts/${accountB}/interactions` })).json() as {
      items: { id: string }[];
    };
    expect(onAccount.items.map((i) => i.id)).toContain(interaction.id);
    const timeline = (await se.request({ method: 'GET', url: `/api/opportunities/${opp.id}/timeline` })).json() as {
      items: TimelineEntry[];
    };
    expect(timeline.items.find((e) => e.type === 'interaction')).toMatchObject({
      type: 'interaction',
      title: 'Call: Discovery call with the CISO',
      recordId: interaction.id,
      tag: 'call',
    });

    expectError(await se.request({ method: 'DELETE', url: `/api/opportunities/${opp.id}` }), 409, 'opportunities.in_use');
    expect((await se.request({ method: 'DELETE', url: `/api/opportunities/${opp.id}/interactions/${interaction.id}` })).statusCode).toBe(
      204,
    );
    expectError(
      await se.request({ method: 'DELETE', url: `/api/opportunities/${opp.id}/interactions/${interaction.id}` }),
      404,
      'opportunities.interaction_not_linked',
    );
    const after = (await se.request({ method: 'GET', url: `/api/opportunities/${opp.id}/timeline` })).json() as { items: TimelineEntry[] };
    expect(after.items.some((e) => e.type === 'interaction')).toBe(false);
    // Nothing hangs on it now: deleting works, and the deal is gone.
    expect((await se.request({ method: 'DELETE', url: `/api/opportunities/${opp.id}` })).statusCode).toBe(204);
    expectError(await se.request({ method: 'GET', url: `/api/opportunities/${opp.id}` }), 404, 'opportunities.not_found');
  });
});
