import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { portalSignIn, type PortalSignedIn } from '../../../../test/helpers/portal.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import { createEngagement } from '../../delivery/index.js';
import type { SuccessPlan, PortalPlan } from '../contract/plans.js';
import { planProgress } from './plan-progress.js';
import { objectiveProgress, planProgressOf } from './progress.js';

describe('objective and plan progress', () => {
  it('is (current − baseline) ÷ (target − baseline), clamped 0–100, null without numbers', () => {
    expect(objectiveProgress({ baseline: 30, target: 10, current: 20 })).toBe(50);
    expect(objectiveProgress({ baseline: 0, target: 200, current: 50 })).toBe(25);
    expect(objectiveProgress({ baseline: 0, target: 100, current: 150 })).toBe(100);
    expect(objectiveProgress({ baseline: 10, target: 20, current: 5 })).toBe(0);
    expect(objectiveProgress({ baseline: null, target: 20, current: 5 })).toBeNull();
    expect(objectiveProgress({ baseline: 20, target: 20, current: 20 })).toBeNull();
    expect(planProgressOf([])).toBeNull();
    expect(planProgressOf([{ status: 'achieved' }, { status: 'on_track' }, { status: 'at_risk' }, { status: 'achieved' }])).toBe(50);
  });
});

describe.each(testDialects())('success plans on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  let stakeholder: SignedIn;
  let accountA: string;
  let accountB: string;
  let engagementA: string;
  let engagementB: string;
  let contactA: PortalSignedIn;
  let contactB: PortalSignedIn;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
    stakeholder = await signInAs(t, ['stakeholder']);
    const n = unique();
    const a = await createAccountViaService(t.db, { name: `Plan A ${n}`, domains: [`plan-a-${n}.test`] });
    const b = await createAccountViaService(t.db, { name: `Plan B ${n}`, domains: [`plan-b-${n}.test`] });
    accountA = a.id;
    accountB = b.id;
    await createContactViaService(t.db, accountA, { name: 'Ann', email: `ann@plan-a-${n}.test` });
    await createContactViaService(t.db, accountB, { name: 'Ben', email: `ben@plan-b-${n}.test` });
    const eng = (accountId: string, name: string) =>
      createEngagement(db(), SYSTEM_CONTEXT, { accountId, kind: 'onboarding', name, startDate: '2026-11-02', budgetHours: 40 });
    engagementA = (await eng(accountA, 'Onboarding A')).id;
    engagementB = (await eng(accountB, 'Onboarding B')).id;
    contactA = await portalSignIn(t, `ann@plan-a-${n}.test`);
    contactB = await portalSignIn(t, `ben@plan-b-${n}.test`);
  });
  afterAll(async () => t.close());

  const create = async (accountId: string, body: Record<string, unknown>, who: SignedIn = tam) =>
    who.request({ method: 'POST', url: `/api/accounts/${accountId}/success-plans`, payload: body });

  it('creates a plan with objectives and engagements, works out progress and audits it', async () => {
    const res = await create(accountA, {
      title: 'Go live in Q1',
      outcomes: 'Cut onboarding from 30 to 10 days',
      status: 'active',
      ownerId: tam.memberId,
      customerVisible: true,
      objectives: [
        {
          title: 'Onboarding time',
          measure: 'Days to first value',
          baseline: 30,
          target: 10,
          current: 20,
          unit: 'days',
          dueOn: '2027-03-31',
        },
        { title: 'Train admins', status: 'achieved' },
      ],
      engagementIds: [engagementA],
    });
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json() as SuccessPlan;
    expect(plan).toMatchObject({
      title: 'Go live in Q1',
      status: 'active',
      customerVisible: true,
      owner: { id: tam.memberId },
      progress: 50,
      engagements: [{ id: engagementA, name: 'Onboarding A' }],
    });
    expect(plan.objectives.map((o) => [o.title, o.progress, o.position])).toEqual([
      ['Onboarding time', 50, 0],
      ['Train admins', null, 1],
    ]);
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', plan.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['success_plan.created']);

    const list = await stakeholder.request({ method: 'GET', url: `/api/accounts/${accountA}/success-plans` });
    expect(list.statusCode).toBe(200);
    expect((list.json().items as SuccessPlan[]).map((p) => p.id)).toContain(plan.id);

    const summary = await planProgress(db(), accountA);
    expect(summary.plans.find((p) => p.id === plan.id)).toMatchObject({
      progress: 50,
      objectives: [
        { title: 'Onboarding time', progress: 50, dueOn: '2027-03-31' },
        { title: 'Train admins', status: 'achieved' },
      ],
    });
  });

  it('replaces the objective list on PATCH, keeping objectives by id, and deletes plans', async () => {
    const plan = (await create(accountA, { title: 'Adoption', objectives: [{ title: 'One' }, { title: 'Two' }] })).json() as SuccessPlan;
    const [one] = plan.objectives;
    const res = await tam.request({
      method: 'PATCH',
      url: `/api/success-plans/${plan.id}`,
      payload: {
        objectives: [
          { title: 'Three', status: 'achieved' },
          { id: one!.id, title: 'One again', baseline: 0, target: 10, current: 4 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const updated = res.json() as SuccessPlan;
    expect(updated.objectives.map((o) => [o.title, o.progress])).toEqual([
      ['Three', null],
      ['One again', 40],
    ]);
    expect(updated.objectives[1]!.id).toBe(one!.id);
    expect(updated.progress).toBe(50);

    expectError(
      await tam.request({
        method: 'PATCH',
        url: `/api/success-plans/${plan.id}`,
        payload: { objectives: [{ id: 'not-mine', title: 'x' }] },
      }),
      422,
      'success_plans.objective_unknown',
    );
    const del = await tam.request({ method: 'DELETE', url: `/api/success-plans/${plan.id}` });
    expect(del.statusCode).toBe(204);
    expectError(await tam.request({ method: 'GET', url: `/api/success-plans/${plan.id}` }), 404, 'success_plans.not_found');
  });

  it("refuses another account's engagement and an unknown owner", async () => {
    expectError(await create(accountA, { title: 'Wrong link', engagementIds: [engagementB] }), 422, 'success_plans.engagement_foreign');
    expectError(
      await create(accountA, { title: 'Wrong link', engagementIds: ['no-such-engagement'] }),
      422,
      'success_plans.engagement_foreign',
    );
    expectError(await create(accountA, { title: 'Nobody', ownerId: 'no-such-member' }), 422, 'success_plans.owner_unknown');
    const plan = (await create(accountB, { title: 'B plan', engagementIds: [engagementB] })).json() as SuccessPlan;
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/success-plans/${plan.id}`, payload: { engagementIds: [engagementA] } }),
      422,
      'success_plans.engagement_foreign',
    );
  });

  it('refuses writes without success.write', async () => {
    expectError(await create(accountA, { title: 'Not mine' }, stakeholder), 403, 'auth.forbidden');
    const plan = (await create(accountA, { title: 'Guarded' })).json() as SuccessPlan;
    expectError(
      await stakeholder.request({ method: 'PATCH', url: `/api/success-plans/${plan.id}`, payload: { title: 'x' } }),
      403,
      'auth.forbidden',
    );
    expectError(await stakeholder.request({ method: 'DELETE', url: `/api/success-plans/${plan.id}` }), 403, 'auth.forbidden');
  });

  it('refuses NUL characters in text', async () => {
    const res = await tam.request({
      method: 'POST',
      url: `/api/accounts/${accountA}/success-plans`,
      payload: { title: 'Bad\u0000title' },
    });
    expectError(res, 400, 'request.nul_character');
  });

  it("shows a contact only their own account's visible, non-draft plans, without internal fields", async () => {
    const visible = (
      await create(accountB, {
        title: 'B shared',
        status: 'active',
        customerVisible: true,
        ownerId: tam.memberId,
        objectives: [{ title: 'Seats', baseline: 0, target: 100, current: 25 }],
      })
    ).json() as SuccessPlan;
    await create(accountB, { title: 'B internal', status: 'active', customerVisible: false });
    await create(accountB, { title: 'B draft', status: 'draft', customerVisible: true });

    const b = await contactB.request({ method: 'GET', url: '/api/portal/success-plans' });
    expect(b.statusCode).toBe(200);
    const items = b.json().items as PortalPlan[];
    expect(items.map((p) => p.title)).toEqual(['B shared']);
    expect(items[0]).toMatchObject({ id: visible.id, progress: 0, objectives: [{ title: 'Seats', progress: 25 }] });
    expect(items[0]).not.toHaveProperty('owner');
    expect(items[0]).not.toHaveProperty('account');

    const a = await contactA.request({ method: 'GET', url: '/api/portal/success-plans' });
    const titles = (a.json().items as PortalPlan[]).map((p) => p.title);
    expect(titles).toContain('Go live in Q1');
    expect(titles.some((title) => title.startsWith('B '))).toBe(false);

    expectError(await t.app.inject({ method: 'GET', url: '/api/portal/success-plans' }), 401, 'auth.unauthenticated');
  });
});
