import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { portalSignIn } from '../../../../test/helpers/portal.js';
import { createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import { addCalendarDays, addWorkingDays, dayOf } from './plan.js';

interface TaskBody {
  id: string;
  title: string;
  status: string;
  startDate: string;
  dueDate: string;
  dependsOn: string[];
  blockedBy: { id: string }[];
  owner: { type: string; id: string; name: string } | null;
  milestone: boolean;
  customerVisible: boolean;
  loggedMinutes: number;
}

const today = dayOf(new Date());

/** A small implementation template: kickoff → requirements (+ customer SSO metadata) → design sign-off → go-live. */
function templateBody(name = `Implementation ${unique()}`) {
  return {
    name,
    kind: 'implementation',
    description: 'Standard rollout',
    phases: [
      {
        name: 'Discovery',
        tasks: [
          {
            key: 'kickoff',
            title: 'Kick-off call',
            ownerSide: 'team',
            ownerRole: 'implementation',
            durationDays: 1,
            customerVisible: true,
          },
          {
            key: 'reqs',
            title: 'Gather requirements',
            ownerSide: 'team',
            ownerRole: 'solutions_architect',
            durationDays: 5,
            dependsOn: ['kickoff'],
          },
          { key: 'sso', title: 'Provide SSO metadata', ownerSide: 'customer', ownerRole: 'it_admin', startOffsetDays: 1, durationDays: 3 },
        ],
      },
      {
        name: 'Design',
        tasks: [
          {
            key: 'signoff',
            title: 'Design sign-off',
            ownerSide: 'customer',
            ownerRole: 'decision_maker',
            durationDays: 1,
            dependsOn: ['reqs', 'sso'],
            milestone: true,
            customerVisible: true,
          },
          {
            key: 'golive',
            title: 'Go-live',
            ownerSide: 'team',
            ownerRole: 'implementation',
            durationDays: 1,
            dependsOn: ['signoff'],
            milestone: true,
            customerVisible: true,
          },
        ],
      },
    ],
  };
}

describe.each(testDialects())('engagements API on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let lead: SignedIn;
  let architect: SignedIn;
  let reader: SignedIn;
  let accountId: string;
  let otherAccountId: string;
  let itAdmin: { id: string; email: string };
  let decider: { id: string };
  let templateId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    lead = await signInAs(t, ['implementation']);
    architect = await signInAs(t, ['solutions_architect']);
    reader = await signInAs(t, ['stakeholder']);
    accountId = (
      await admin.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name: 'Globex', domains: ['globex.test'], segment: 'enterprise' },
      })
    ).json().id;
    otherAccountId = (
      await admin.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name: 'Umbrella', domains: ['umbrella.test'], segment: 'smb' },
      })
    ).json().id;
    // The account team has the architect; the lead is the implementation engineer.
    const team = await admin.request({
      method: 'PUT',
      url: `/api/accounts/${accountId}/team`,
      payload: { slots: [{ role: 'solutions_architect', memberId: architect.memberId }] },
    });
    expect(team.statusCode, team.body).toBe(200);
    itAdmin = await createContactViaService(t.db, accountId, { name: 'Ivy Admin', email: 'ivy@globex.test', customerRole: 'it_admin' });
    decider = await createContactViaService(t.db, accountId, {
      name: 'Dana Boss',
      email: 'dana@globex.test',
      customerRole: 'decision_maker',
    });
    const res = await admin.request({ method: 'POST', url: '/api/engagement-templates', payload: templateBody('Globex rollout') });
    expect(res.statusCode, res.body).toBe(201);
    templateId = res.json().id;
  });
  afterAll(async () => t.close());

  async function create(payload: Record<string, unknown> = {}) {
    const res = await lead.request({
      method: 'POST',
      url: '/api/engagements',
      payload: {
        accountId,
        kind: 'implementation',
        name: `Rollout ${unique()}`,
        leadId: lead.memberId,
        templateId,
        startDate: '2026-03-02',
        budgetHours: 40,
        ...payload,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      tasks: TaskBody[];
      targetGoLiveDate: string;
      phases: { id: string; name: string; startDate: string; endDate: string }[];
    } & Record<string, unknown>;
  }
  const byTitle = (tasks: TaskBody[], title: string) => tasks.find((x) => x.title === title)!;
  const patchTask = (who: SignedIn, id: string, payload: Record<string, unknown>) =>
    who.request({ method: 'PATCH', url: `/api/tasks/${id}`, payload });

  it('keeps templates with their size and length, and refuses unknown keys and cycles', async () => {
    const got = (await reader.request({ method: 'GET', url: `/api/engagement-templates/${templateId}` })).json();
    expect(got.phases.map((p: { name: string }) => p.name)).toEqual(['Discovery', 'Design']);
    expect(got.phases[1].tasks[0]).toMatchObject({
      key: 'signoff',
      dependsOn: ['reqs', 'sso'],
      milestone: true,
      ownerSide: 'customer',
      ownerRole: 'decision_maker',
    });
    const list = (await reader.request({ method: 'GET', url: '/api/engagement-templates' })).json();
    expect(list.items.find((x: { id: string }) => x.id === templateId)).toMatchObject({ phaseCount: 2, taskCount: 5, durationDays: 8 });

    const unknown = templateBody();
    unknown.phases[0]!.tasks[1]!.dependsOn = ['nope'];
    expect(
      expectError(
        await admin.request({ method: 'POST', url: '/api/engagement-templates', payload: unknown }),
        422,
        'tasks.dependency_unknown',
      ).details.field,
    ).toBe('phases.0.tasks.1.dependsOn');
    const cyclic = templateBody();
    cyclic.phases[0]!.tasks[0]!.dependsOn = ['golive'];
    const err = expectError(
      await admin.request({ method: 'POST', url: '/api/engagement-templates', payload: cyclic }),
      422,
      'tasks.dependency_cycle',
    );
    expect(err.details.cycle).toEqual(['kickoff', 'golive', 'signoff', 'reqs', 'kickoff']);
    expect(err.message).toContain('Kick-off call → Go-live');
    const badRole = templateBody();
    badRole.phases[0]!.tasks[2]!.ownerRole = 'implementation';
    expectError(await admin.request({ method: 'POST', url: '/api/engagement-templates', payload: badRole }), 400, 'request.invalid');
    // Only template curators write templates.
    expectError(await reader.request({ method: 'POST', url: '/api/engagement-templates', payload: templateBody() }), 403, 'auth.forbidden');
  });

  it('creates an engagement from a template with a dated plan, dependencies and owners by role', async () => {
    const e = await create({ contractStartDate: '2026-01-15' });
    expect(e.tasks.map((x) => [x.title, x.startDate, x.dueDate])).toEqual([
      ['Kick-off call', '2026-03-02', '2026-03-02'],
      ['Gather requirements', '2026-03-03', '2026-03-09'],
      ['Provide SSO metadata', '2026-03-03', '2026-03-05'],
      ['Design sign-off', '2026-03-10', '2026-03-10'],
      ['Go-live', '2026-03-11', '2026-03-11'],
    ]);
    expect(e.targetGoLiveDate).toBe('2026-03-11');
    expect(e.phases).toMatchObject([
      { name: 'Discovery', startDate: '2026-03-02', endDate: '2026-03-09' },
      { name: 'Design', startDate: '2026-03-10', endDate: '2026-03-11' },
    ]);
    expect(byTitle(e.tasks, 'Kick-off call').owner).toMatchObject({ type: 'member', id: lead.memberId });
    expect(byTitle(e.tasks, 'Gather requirements').owner).toMatchObject({ type: 'member', id: architect.memberId }); // from the account team
    expect(byTitle(e.tasks, 'Provide SSO metadata').owner).toEqual({ type: 'contact', id: itAdmin.id, name: 'Ivy Admin' });
    expect(byTitle(e.tasks, 'Provide SSO metadata').customerVisible).toBe(true);
    expect(byTitle(e.tasks, 'Design sign-off')).toMatchObject({ owner: { type: 'contact', id: decider.id }, milestone: true });
    const signoff = byTitle(e.tasks, 'Design sign-off');
    expect(signoff.dependsOn.sort()).toEqual(
      [byTitle(e.tasks, 'Gather requirements').id, byTitle(e.tasks, 'Provide SSO metadata').id].sort(),
    );
    expect(signoff.blockedBy).toHaveLength(2);
    expect(e).toMatchObject({
      status: 'planned',
      budgetHours: 40,
      loggedHours: 0,
      progress: { done: 0, total: 5 },
      nextMilestone: { title: 'Design sign-off', dueDate: '2026-03-10' },
    });

    // Editing the template afterwards does not change the engagement.
    const changed = templateBody('Globex rollout');
    changed.phases[0]!.tasks[0]!.durationDays = 4;
    changed.phases[1]!.tasks.pop();
    expect((await admin.request({ method: 'PUT', url: `/api/engagement-templates/${templateId}`, payload: changed })).statusCode).toBe(200);
    const again = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}` })).json();
    expect(again.tasks.map((x: TaskBody) => [x.title, x.dueDate])).toEqual(e.tasks.map((x) => [x.title, x.dueDate]));
    expect((await reader.request({ method: 'GET', url: `/api/engagement-templates/${templateId}` })).json().phases[1].tasks).toHaveLength(
      1,
    );
    await admin.request({ method: 'PUT', url: `/api/engagement-templates/${templateId}`, payload: templateBody('Globex rollout') });

    // Audit rows for the writes.
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?recordType=engagement&recordId=${e.id}` })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('engagement.created');
  });

  it('refuses starting a blocked task (409) until its dependency is done, then completes a milestone', async () => {
    const e = await create();
    const kickoff = byTitle(e.tasks, 'Kick-off call');
    const reqs = byTitle(e.tasks, 'Gather requirements');
    const blocked = expectError(await patchTask(lead, reqs.id, { status: 'in_progress' }), 409, 'tasks.blocked');
    expect(blocked.details.blockedBy).toEqual([{ id: kickoff.id, title: 'Kick-off call', status: 'todo' }]);
    expect((await reader.request({ method: 'GET', url: `/api/tasks/${reqs.id}` })).json().status).toBe('todo');
    const done = await patchTask(lead, kickoff.id, { status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().completedAt).toBeTruthy();
    const started = await patchTask(lead, reqs.id, { status: 'in_progress' });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().blockedBy).toEqual([]);
    // Finish the rest and mark the sign-off milestone.
    await patchTask(lead, reqs.id, { status: 'done' });
    await patchTask(lead, byTitle(e.tasks, 'Provide SSO metadata').id, { status: 'done' });
    const milestone = await patchTask(lead, byTitle(e.tasks, 'Design sign-off').id, { status: 'done' });
    expect(milestone.statusCode, milestone.body).toBe(200);
    const progress = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}/progress` })).json();
    expect(progress.milestones).toMatchObject([
      { title: 'Design sign-off', status: 'done' },
      { title: 'Go-live', status: 'todo' },
    ]);
    expect(progress.taskCounts).toMatchObject({ done: 4, total: 5, blocked: 0 });
    const summary = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}` })).json();
    expect(summary.nextMilestone.title).toBe('Go-live');
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?recordType=engagement_task&recordId=${kickoff.id}` })).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('task.completed');
  });

  it('moves the open part of the plan with the start date; finished work keeps its dates and the target stays', async () => {
    const e = await create({ startDate: '2026-03-02', targetGoLiveDate: '2026-04-30' });
    const kickoff = byTitle(e.tasks, 'Kick-off call');
    const reqs = byTitle(e.tasks, 'Gather requirements');
    await patchTask(lead, kickoff.id, { status: 'done' });
    const moved = await lead.request({ method: 'PATCH', url: `/api/engagements/${e.id}`, payload: { startDate: '2026-03-09' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = moved.json() as { tasks: TaskBody[]; targetGoLiveDate: string };
    expect(byTitle(after.tasks, 'Kick-off call')).toMatchObject({ startDate: kickoff.startDate, dueDate: kickoff.dueDate });
    expect(byTitle(after.tasks, 'Gather requirements')).toMatchObject({
      startDate: addWorkingDays(reqs.startDate, 5),
      dueDate: addWorkingDays(reqs.dueDate, 5),
    });
    expect(after.targetGoLiveDate).toBe('2026-04-30');
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?recordType=engagement&recordId=${e.id}` })).json();
    const update = audit.items.find((a: { action: string }) => a.action === 'engagement.updated');
    expect(update.changes).toMatchObject({ startDate: ['2026-03-02', '2026-03-09'], tasksRescheduled: [0, 4] });
  });

  it('refuses a dependency cycle on PATCH with its path, and changes nothing', async () => {
    const e = await create();
    const kickoff = byTitle(e.tasks, 'Kick-off call');
    const golive = byTitle(e.tasks, 'Go-live');
    const err = expectError(await patchTask(lead, kickoff.id, { dependsOn: [golive.id], title: 'Renamed' }), 422, 'tasks.dependency_cycle');
    expect(err.details.field).toBe('dependsOn');
    expect((err.details.cycle as string[])[0]).toBe(kickoff.id);
    expect((err.details.cycle as string[]).at(-1)).toBe(kickoff.id);
    expect(err.details.labels).toEqual(['Kick-off call', 'Go-live', 'Design sign-off', 'Gather requirements', 'Kick-off call']);
    const after = (await reader.request({ method: 'GET', url: `/api/tasks/${kickoff.id}` })).json();
    expect(after).toMatchObject({ title: 'Kick-off call', dependsOn: [] });
    expectError(await patchTask(lead, kickoff.id, { dependsOn: [kickoff.id] }), 422, 'tasks.dependency_cycle');
    const other = await create();
    expectError(await patchTask(lead, kickoff.id, { dependsOn: [other.tasks[0]!.id] }), 422, 'tasks.dependency_unknown');
  });

  it('refuses dates that end before they start, budgets below zero and unknown references', async () => {
    const e = await create();
    const task = e.tasks[0]!;
    expect(expectError(await patchTask(lead, task.id, { dueDate: '2026-02-01' }), 422, 'request.dates_out_of_order').details.field).toBe(
      'dueDate',
    );
    const badNew = await lead.request({
      method: 'POST',
      url: `/api/engagements/${e.id}/tasks`,
      payload: { title: 'Backwards', startDate: '2026-03-10', dueDate: '2026-03-09' },
    });
    expect(expectError(badNew, 422, 'request.dates_out_of_order').details.field).toBe('dueDate');
    const patch = await lead.request({ method: 'PATCH', url: `/api/engagements/${e.id}`, payload: { targetGoLiveDate: '2026-01-01' } });
    expect(expectError(patch, 422, 'request.dates_out_of_order').details.field).toBe('targetGoLiveDate');
    const moved = await lead.request({ method: 'PATCH', url: `/api/engagements/${e.id}`, payload: { startDate: '2026-06-01' } });
    expect(expectError(moved, 422, 'request.dates_out_of_order').details.field).toBe('startDate');
    const backwards = await lead.request({
      method: 'POST',
      url: '/api/engagements',
      payload: {
        accountId,
        kind: 'onboarding',
        name: 'Backwards',
        startDate: '2026-03-02',
        targetGoLiveDate: '2026-02-02',
        budgetHours: 1,
      },
    });
    expect(expectError(backwards, 422, 'request.dates_out_of_order').details.field).toBe('targetGoLiveDate');
    const negative = await lead.request({
      method: 'POST',
      url: '/api/engagements',
      payload: { accountId, kind: 'onboarding', name: 'Negative', startDate: '2026-03-02', budgetHours: -5 },
    });
    expect(expectError(negative, 400, 'request.invalid').message).toContain('below zero');
    expectError(
      await lead.request({ method: 'PATCH', url: `/api/engagements/${e.id}`, payload: { budgetHours: -1 } }),
      400,
      'request.invalid',
    );
    const base = { kind: 'onboarding', name: 'Refs', startDate: '2026-03-02', budgetHours: 1 };
    expect(
      expectError(
        await lead.request({ method: 'POST', url: '/api/engagements', payload: { ...base, accountId: 'nope' } }),
        422,
        'request.reference_not_found',
      ).details.field,
    ).toBe('accountId');
    expect(
      expectError(
        await lead.request({ method: 'POST', url: '/api/engagements', payload: { ...base, accountId, leadId: 'nope' } }),
        422,
        'request.reference_not_found',
      ).details.field,
    ).toBe('leadId');
    expect(
      expectError(
        await lead.request({ method: 'POST', url: '/api/engagements', payload: { ...base, accountId, templateId: 'nope' } }),
        422,
        'request.reference_not_found',
      ).details.field,
    ).toBe('templateId');
    const foreign = await createContactViaService(t.db, otherAccountId, { customerRole: 'it_admin' });
    const owner = await patchTask(lead, task.id, { owner: { type: 'contact', id: foreign.id } });
    expect(expectError(owner, 422, 'request.reference_not_found').details.field).toBe('owner.id');
    expectError(await patchTask(lead, task.id, { owner: { type: 'member', id: 'nope' } }), 422, 'request.reference_not_found');
    expectError(await lead.request({ method: 'GET', url: '/api/engagements/nope' }), 404, 'engagements.not_found');
    expectError(await patchTask(lead, 'nope', { title: 'x' }), 404, 'tasks.not_found');
    // Nothing of the refused writes landed.
    const list = (await reader.request({ method: 'GET', url: `/api/engagements?accountId=${accountId}&q=backwards` })).json();
    expect(list.items).toEqual([]);
  });

  it('logs time on a task: the engagement’s hours, the burn-down and the member’s own time entries move', async () => {
    const start = addWorkingDays(addCalendarDays(today, -10), 0);
    const e = await create({ startDate: start, budgetHours: 10, targetGoLiveDate: addCalendarDays(today, 20) });
    const task = e.tasks[0]!;
    const logged = await lead.request({
      method: 'POST',
      url: `/api/tasks/${task.id}/time`,
      payload: { minutes: 90, category: 'engineering', note: 'Kick-off prep' },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({
      minutes: 90,
      category: 'engineering',
      engagementId: e.id,
      accountId,
      member: { id: lead.memberId },
    });
    await architect.request({ method: 'POST', url: `/api/tasks/${task.id}/time`, payload: { minutes: 30, category: 'customer' } });
    expectError(
      await lead.request({ method: 'POST', url: `/api/tasks/${task.id}/time`, payload: { minutes: 30, category: 'routine' } }),
      400,
      'request.invalid',
    );

    const summary = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}` })).json();
    expect(summary.loggedHours).toBe(2);
    expect(summary.tasks[0].loggedMinutes).toBe(120);
    const time = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}/time` })).json();
    expect(time).toMatchObject({ totalMinutes: 120, byCategory: { engineering: 90, customer: 30 } });
    const progress = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}/progress` })).json();
    expect(progress).toMatchObject({ budgetHours: 10, loggedHours: 2, remainingHours: 8 });
    expect(progress.burnDown[0]).toMatchObject({ date: start, remainingHours: 10, idealRemainingHours: 10 });
    expect(progress.burnDown.at(-1)).toMatchObject({ date: today, remainingHours: 8 });
    expect(progress.burnDown.at(-1).idealRemainingHours).toBeLessThan(10);
    const mine = (await lead.request({ method: 'GET', url: '/api/time-entries' })).json();
    expect(mine.items.some((x: { engagementId: string; minutes: number }) => x.engagementId === e.id && x.minutes === 90)).toBe(true);
  });

  it('shows schedule slip when a task is overdue, and flags the engagement at risk', async () => {
    const start = addCalendarDays(today, -40);
    const e = await create({ startDate: start, status: 'active' });
    const target = e.targetGoLiveDate;
    expect(target < today).toBe(true);
    const progress = (await reader.request({ method: 'GET', url: `/api/engagements/${e.id}/progress` })).json();
    expect(progress.schedule.targetGoLiveDate).toBe(target);
    expect(progress.schedule.projectedGoLiveDate > today).toBe(true);
    expect(progress.schedule.slipDays).toBeGreaterThan(20);
    expect(progress.taskCounts.overdue).toBe(5);
    const list = (await reader.request({ method: 'GET', url: `/api/engagements?accountId=${accountId}&atRisk=true&limit=100` })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(e.id);
    const summary = list.items.find((x: { id: string }) => x.id === e.id);
    expect(summary).toMatchObject({ atRisk: true, slipDays: progress.schedule.slipDays });

    // An engagement on time is not at risk.
    const onTime = await create({ startDate: addCalendarDays(today, 7), status: 'active' });
    const fresh = (await reader.request({ method: 'GET', url: `/api/engagements/${onTime.id}` })).json();
    expect(fresh).toMatchObject({ atRisk: false, slipDays: 0 });
    const notAtRisk = (
      await reader.request({ method: 'GET', url: `/api/engagements?accountId=${accountId}&atRisk=false&limit=100` })
    ).json();
    expect(notAtRisk.items.map((x: { id: string }) => x.id)).toContain(onTime.id);
    expect(notAtRisk.items.map((x: { id: string }) => x.id)).not.toContain(e.id);
  });

  it('filters and pages the list', async () => {
    const acc = (
      await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: `Paged ${unique()}`, segment: 'smb' } })
    ).json().id;
    for (const [i, kind] of ['onboarding', 'proof_of_concept', 'onboarding'].entries())
      await lead.request({
        method: 'POST',
        url: '/api/engagements',
        payload: { accountId: acc, kind, name: `Paged ${i}`, startDate: `2026-0${i + 1}-05`, budgetHours: 5 },
      });
    const first = (await reader.request({ method: 'GET', url: `/api/engagements?accountId=${acc}&limit=2` })).json();
    expect(first.items.map((x: { name: string }) => x.name)).toEqual(['Paged 2', 'Paged 1']);
    const second = (
      await reader.request({ method: 'GET', url: `/api/engagements?accountId=${acc}&limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second).toMatchObject({ items: [{ name: 'Paged 0' }], nextCursor: null });
    const pocs = (await reader.request({ method: 'GET', url: `/api/engagements?accountId=${acc}&kind=proof_of_concept` })).json();
    expect(pocs.items).toMatchObject([{ name: 'Paged 1', kind: 'proof_of_concept' }]);
    const poc = (await reader.request({ method: 'GET', url: `/api/engagements/${pocs.items[0].id}` })).json();
    expect(poc.pocVerdict).toBe('pending');
    expect((await reader.request({ method: 'GET', url: `/api/engagements?q=PAGED%202&accountId=${acc}` })).json().items).toHaveLength(1);
    expect(
      (await reader.request({ method: 'GET', url: `/api/engagements?leadId=${lead.memberId}&accountId=${acc}` })).json().items,
    ).toHaveLength(0);
    expectError(await reader.request({ method: 'GET', url: '/api/engagements?cursor=garbage' }), 400);
  });

  it('lists my tasks by due date, with engagement and account', async () => {
    const me = await signInAs(t, ['professional_services']);
    const e = await create({ name: 'Mine', memberIds: [me.memberId] });
    const a = await me.request({
      method: 'POST',
      url: `/api/engagements/${e.id}/tasks`,
      payload: { title: 'Later', startDate: '2026-04-01', dueDate: '2026-04-03', owner: { type: 'member', id: me.memberId } },
    });
    expect(a.statusCode, a.body).toBe(201);
    await me.request({
      method: 'POST',
      url: `/api/engagements/${e.id}/tasks`,
      payload: { title: 'Sooner', startDate: '2026-03-01', dueDate: '2026-03-02', owner: { type: 'member', id: me.memberId } },
    });
    const open = (await me.request({ method: 'GET', url: '/api/my-tasks' })).json();
    expect(open.items.map((x: { title: string }) => x.title)).toEqual(['Sooner', 'Later']);
    expect(open.items[0]).toMatchObject({
      engagement: { id: e.id, name: 'Mine', kind: 'implementation' },
      account: { id: accountId, name: 'Globex' },
    });
    await patchTask(me, a.json().id, { status: 'done' });
    expect(
      (await me.request({ method: 'GET', url: '/api/my-tasks?status=done' })).json().items.map((x: { title: string }) => x.title),
    ).toEqual(['Later']);
    expect((await me.request({ method: 'GET', url: '/api/my-tasks' })).json().items.map((x: { title: string }) => x.title)).toEqual([
      'Sooner',
    ]);
    // Comments and delete.
    const c = await me.request({ method: 'POST', url: `/api/tasks/${a.json().id}/comments`, payload: { body: 'Done with the mapping' } });
    expect(c.statusCode, c.body).toBe(201);
    expect((await reader.request({ method: 'GET', url: `/api/tasks/${a.json().id}/comments` })).json().items).toMatchObject([
      { body: 'Done with the mapping', author: { type: 'member', id: me.memberId } },
    ]);
    expect((await reader.request({ method: 'GET', url: `/api/tasks/${a.json().id}` })).json().commentCount).toBe(1);
    expect((await me.request({ method: 'DELETE', url: `/api/tasks/${a.json().id}` })).statusCode).toBe(204);
    expectError(await reader.request({ method: 'GET', url: `/api/tasks/${a.json().id}` }), 404, 'tasks.not_found');
    expectError(
      await reader.request({ method: 'POST', url: `/api/tasks/${open.items[0].id}/comments`, payload: { body: 'x' } }),
      403,
      'auth.forbidden',
    );
  });

  it('averages time to value over engagements that went live', async () => {
    const acc = (await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: `TTV ${unique()}`, segment: 'smb' } })).json()
      .id;
    const mk = async (contract: string, start: string, live: string) => {
      const e = (
        await lead.request({
          method: 'POST',
          url: '/api/engagements',
          payload: { accountId: acc, kind: 'onboarding', name: 'TTV', contractStartDate: contract, startDate: start, budgetHours: 1 },
        })
      ).json();
      const res = await lead.request({
        method: 'PATCH',
        url: `/api/engagements/${e.id}`,
        payload: { status: 'done', actualGoLiveDate: live },
      });
      expect(res.statusCode, res.body).toBe(200);
      return e.id as string;
    };
    const first = await mk('2026-01-01', '2026-01-05', '2026-03-02');
    await mk('2026-02-01', '2026-02-02', '2026-03-04');
    const ttv = (await reader.request({ method: 'GET', url: `/api/delivery/time-to-value?accountId=${acc}` })).json();
    expect(ttv.averageDays).toBe(45.5);
    expect(ttv.items.map((i: { days: number }) => i.days).sort()).toEqual([31, 60]);
    expect((await reader.request({ method: 'GET', url: `/api/engagements/${first}/progress` })).json().timeToValueDays).toBe(60);
  });

  it('counts live engagements toward an engaged relationship, refreshed when the status changes', async () => {
    const acc = (await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: `Rel ${unique()}`, segment: 'smb' } })).json()
      .id;
    const evidence = async () => (await reader.request({ method: 'GET', url: `/api/accounts/${acc}` })).json().relationshipEvidence;
    const before = await evidence();
    const e = (
      await lead.request({
        method: 'POST',
        url: '/api/engagements',
        payload: { accountId: acc, kind: 'onboarding', name: 'Live', startDate: '2026-03-02', budgetHours: 1 },
      })
    ).json();
    expect(JSON.stringify(await evidence())).toBe(JSON.stringify(before));
    await lead.request({ method: 'PATCH', url: `/api/engagements/${e.id}`, payload: { status: 'active' } });
    const during = await evidence();
    expect(JSON.stringify(during)).not.toBe(JSON.stringify(before));
    expect(JSON.stringify(during)).toContain('1');
  });

  it('shows the customer only their account’s customer-visible tasks and lets them finish their own', async () => {
    const e = await create({ name: 'Portal rollout', status: 'active' });
    const internal = await lead.request({
      method: 'POST',
      url: `/api/engagements/${e.id}/tasks`,
      payload: { title: 'Internal only', startDate: '2026-03-02', dueDate: '2026-03-02' },
    });
    expect(internal.statusCode).toBe(201);
    await lead.request({
      method: 'POST',
      url: '/api/engagements',
      payload: { accountId: otherAccountId, kind: 'onboarding', name: 'Umbrella onboarding', startDate: '2026-03-02', budgetHours: 1 },
    });
    const ivy = await portalSignIn(t, itAdmin.email);
    const res = await ivy.request({ method: 'GET', url: '/api/portal/engagements' });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().items.find((x: { id: string }) => x.id === e.id);
    expect(res.json().items.map((x: { name: string }) => x.name)).not.toContain('Umbrella onboarding');
    expect(JSON.stringify(res.json())).not.toContain('budget');
    const titles = mine.phases.flatMap((p: { tasks: { title: string }[] }) => p.tasks.map((x) => x.title));
    expect(titles).toEqual(['Kick-off call', 'Provide SSO metadata', 'Design sign-off', 'Go-live']);
    const sso = mine.phases[0].tasks.find((x: { title: string }) => x.title === 'Provide SSO metadata');
    expect(sso).toMatchObject({ yours: true, status: 'todo', owner: { type: 'contact', name: 'Ivy Admin' } });
    expect(mine.phases[1].tasks[0]).toMatchObject({ title: 'Design sign-off', yours: false, blocked: true });

    // Another contact's task, an internal task, a made-up id: 404.
    expectError(
      await ivy.request({ method: 'POST', url: `/api/portal/tasks/${byTitle(e.tasks, 'Design sign-off').id}/complete` }),
      404,
      'tasks.not_found',
    );
    expectError(await ivy.request({ method: 'POST', url: `/api/portal/tasks/${internal.json().id}/complete` }), 404, 'tasks.not_found');
    expectError(await ivy.request({ method: 'POST', url: '/api/portal/tasks/nope/complete' }), 404, 'tasks.not_found');
    // A contact of another account cannot reach it even when it owns nothing.
    const outsider = await createContactViaService(t.db, otherAccountId, { email: 'olly@umbrella.test' });
    const olly = await portalSignIn(t, outsider.email);
    expect(
      (await olly.request({ method: 'GET', url: '/api/portal/engagements' })).json().items.map((x: { name: string }) => x.name),
    ).toEqual(['Umbrella onboarding']);
    expectError(await olly.request({ method: 'POST', url: `/api/portal/tasks/${sso.id}/complete` }), 404, 'tasks.not_found');

    const done = await ivy.request({ method: 'POST', url: `/api/portal/tasks/${sso.id}/complete` });
    expect(done.statusCode, done.body).toBe(204);
    const task = (await reader.request({ method: 'GET', url: `/api/tasks/${sso.id}` })).json();
    expect(task.status).toBe('done');
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?recordType=engagement_task&recordId=${sso.id}` })).json();
    expect(audit.items[0]).toMatchObject({ action: 'task.completed', actorType: 'contact' });
  });
});
