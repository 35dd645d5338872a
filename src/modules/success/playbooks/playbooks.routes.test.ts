import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError } from '../../../../test/factories/index.js';
import { setAccountTeam } from '../../accounts/index.js';
import type { PlaybookRule, SuccessTask, SuccessTaskPage } from '../contract/playbooks.js';
import { newId } from '../../../kernel/ids.js';
import { evaluatePlaybooks } from './evaluate.js';

const NOW = new Date('2026-12-02T09:00:00Z');

describe.each(testDialects())('playbooks on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let tam: SignedIn;
  let csm: SignedIn;
  let stakeholder: SignedIn;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    tam = await signInAs(t, ['technical_account_manager']);
    csm = await signInAs(t, ['customer_success']);
    stakeholder = await signInAs(t, ['stakeholder']);
  });
  afterAll(async () => t.close());

  /** An account with a health row (test code writes it directly) and a team. */
  const account = async (
    health: { grade?: 'green' | 'yellow' | 'red'; score?: number; change?: number; metrics?: Record<string, number> } | null,
    extra: Parameters<typeof createAccountViaService>[1] = {},
    team: { role: string; memberId: string }[] = [],
  ) => {
    const a = await createAccountViaService(t.db, extra);
    if (team.length) await setAccountTeam(db(), SYSTEM_CONTEXT, a.id, team);
    if (health) {
      await db()
        .insertInto('account_health')
        .values({
          account_id: a.id,
          score: health.score ?? 70,
          grade: health.grade ?? 'green',
          computed_score: health.score ?? 70,
          computed_grade: health.grade ?? 'green',
          score_30_days_ago: null,
          change_30_days: health.change ?? null,
          measures: '[]',
          metric_values: JSON.stringify(health.metrics ?? {}),
          computed_at: NOW.toISOString(),
        })
        .execute();
    }
    return a.id;
  };
  const newRule = async (body: Record<string, unknown>, who: SignedIn = admin) => {
    const res = await who.request({
      method: 'POST',
      url: '/api/playbook-rules',
      payload: {
        name: 'Rule',
        role: 'technical_account_manager',
        taskTitle: 'Call the customer',
        steps: ['Review', 'Call'],
        dueInDays: 7,
        ...body,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<PlaybookRule>();
  };
  const tasksOf = async (accountId: string, status = 'open') =>
    (await stakeholder.request({ method: 'GET', url: `/api/accounts/${accountId}/success-tasks?status=${status}` })).json<SuccessTaskPage>()
      .items;
  const setEnabled = (id: string, enabled: boolean) =>
    admin.request({ method: 'PATCH', url: `/api/playbook-rules/${id}`, payload: { enabled } });

  /** A live engagement with one open milestone due `lateDays` before NOW (done when `done`). */
  const engagementWithMilestone = async (accountId: string, kind: 'onboarding' | 'implementation', lateDays: number, done = false) => {
    const id = newId();
    const at = NOW.toISOString();
    const due = new Date(NOW.getTime() - lateDays * 86_400_000).toISOString().slice(0, 10);
    await db()
      .insertInto('engagements')
      .values({
        id,
        account_id: accountId,
        kind,
        name: `${kind} ${id.slice(-4)}`,
        description: null,
        status: 'active',
        lead_id: null,
        template_id: null,
        contract_start_date: null,
        start_date: '2026-10-01',
        target_go_live_date: '2027-01-15',
        actual_go_live_date: null,
        budget_hours: 80,
        poc_verdict: null,
        poc_verdict_note: null,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await db()
      .insertInto('engagement_tasks')
      .values({
        id: newId(),
        engagement_id: id,
        phase_id: null,
        position: 1,
        title: 'Go live',
        description: null,
        owner_type: null,
        owner_id: null,
        customer_visible: 0,
        milestone: 1,
        start_date: '2026-10-01',
        due_date: due,
        status: done ? 'done' : 'todo',
        completed_at: done ? at : null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  };

  it('fires "onboarding late" on an onboarding engagement\'s late milestone, not on other engagements\' slip', async () => {
    const team = [{ role: 'customer_success', memberId: csm.memberId }];
    const rule = await newRule({ name: 'Onboarding late', trigger: 'onboarding_late', params: { days: 5 }, role: 'customer_success' });
    const lateOnboarding = await account({ grade: 'green', score: 80 }, { lifecycleStage: 'adoption' }, team);
    await engagementWithMilestone(lateOnboarding, 'onboarding', 10);
    // An account in its onboarding stage runs onboarding as an implementation: that counts too.
    const lateImplementation = await account(null, { lifecycleStage: 'onboarding' }, team);
    await engagementWithMilestone(lateImplementation, 'implementation', 6);
    const slightlyLate = await account(null, { lifecycleStage: 'onboarding' }, team);
    await engagementWithMilestone(slightlyLate, 'onboarding', 3);
    // A late implementation of an account past onboarding is schedule slip, not a late onboarding.
    const adoptingLate = await account(
      { grade: 'yellow', score: 60, metrics: { schedule_slip_days: 20 } },
      { lifecycleStage: 'adoption' },
      team,
    );
    await engagementWithMilestone(adoptingLate, 'implementation', 20);
    const milestoneDone = await account(null, { lifecycleStage: 'onboarding' }, team);
    await engagementWithMilestone(milestoneDone, 'onboarding', 30, true);

    const ids = [lateOnboarding, lateImplementation, slightlyLate, adoptingLate, milestoneDone];
    expect(await evaluatePlaybooks(db(), NOW, ids)).toEqual({ fired: 2 });
    const [first] = await tasksOf(lateOnboarding);
    expect(first).toMatchObject({ title: 'Call the customer', reason: 'Onboarding 10 days late', assignee: { id: csm.memberId } });
    expect((await tasksOf(lateImplementation))[0]).toMatchObject({ reason: 'Onboarding 6 days late' });
    for (const quiet of [slightlyLate, adoptingLate, milestoneDone]) expect(await tasksOf(quiet)).toEqual([]);
    await setEnabled(rule.id, false);
  });

  it('creates one task per rule and account however often the rule fires, for the team member holding the role', async () => {
    const red = await account({ grade: 'red', score: 34 }, {}, [
      { role: 'technical_account_manager', memberId: tam.memberId },
      { role: 'customer_success', memberId: csm.memberId },
    ]);
    const green = await account({ grade: 'green', score: 90 });
    const rule = await newRule({ name: 'Red health', trigger: 'health_red' });
    expect(rule.description).toBe('Health grade falls to red');

    expect(await evaluatePlaybooks(db(), NOW, [red, green])).toEqual({ fired: 1 });
    expect(await evaluatePlaybooks(db(), NOW, [red, green])).toEqual({ fired: 0 });
    const [task, ...more] = await tasksOf(red);
    expect(more).toEqual([]);
    expect(await tasksOf(green)).toEqual([]);
    expect(task).toMatchObject({
      title: 'Call the customer',
      reason: 'Health fell to red (34)',
      rule: { id: rule.id, name: 'Red health' },
      assignee: { id: tam.memberId },
      role: 'technical_account_manager',
      dueOn: '2026-12-09',
      status: 'open',
      steps: [
        { text: 'Review', done: false },
        { text: 'Call', done: false },
      ],
    });

    // In the app and by e-mail, once.
    const notes = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('member_id', '=', tam.memberId)
      .where('kind', '=', 'success.task_assigned')
      .execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('Health fell to red (34)');
    const mails = (await db().selectFrom('outbox_emails').select(['to_addresses', 'subject']).execute()).filter((m) =>
      (JSON.parse(m.to_addresses) as string[]).includes(tam.email),
    );
    expect(mails.map((m) => m.subject)).toEqual(['Success task: Call the customer']);

    // Every firing is in the audit log.
    const audit = await db().selectFrom('audit_log').selectAll().where('record_id', '=', task!.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['success_task.fired']);
    await setEnabled(rule.id, false);
  });

  it('fires again once the task is closed, and never reopens a closed task', async () => {
    const acme = await account({ grade: 'green', metrics: { days_since_interaction: 45 } }, {}, [
      { role: 'technical_account_manager', memberId: tam.memberId },
    ]);
    const rule = await newRule({ name: 'Silent', trigger: 'no_interaction', params: { days: 30 } });
    expect((await admin.request({ method: 'POST', url: `/api/playbook-rules/${rule.id}/run` })).json()).toEqual({ fired: 1 });
    const [task] = await tasksOf(acme);
    expect(task!.reason).toBe('No interaction for 45 days');

    // Closing needs a reason.
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/success-tasks/${task!.id}`, payload: { status: 'done' } }),
      400,
      'request.invalid',
    );
    const ticked = await tam.request({
      method: 'PATCH',
      url: `/api/success-tasks/${task!.id}`,
      payload: { steps: [{ index: 1, done: true }] },
    });
    expect(ticked.json<SuccessTask>().steps.map((s) => s.done)).toEqual([false, true]);
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/success-tasks/${task!.id}`, payload: { steps: [{ index: 5, done: true }] } }),
      422,
    );
    const closed = await tam.request({
      method: 'PATCH',
      url: `/api/success-tasks/${task!.id}`,
      payload: { status: 'done', closeReason: 'resolved', note: 'Met them on site' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<SuccessTask>()).toMatchObject({
      status: 'done',
      closeReason: 'resolved',
      closeNote: 'Met them on site',
      closedBy: { id: tam.memberId },
    });
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/success-tasks/${task!.id}`, payload: { status: 'dismissed', closeReason: 'other' } }),
      409,
      'success_tasks.closed',
    );
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/success-tasks/${task!.id}`, payload: { steps: [{ index: 0, done: true }] } }),
      409,
    );

    expect((await admin.request({ method: 'POST', url: `/api/playbook-rules/${rule.id}/run` })).json()).toEqual({ fired: 1 });
    expect(await tasksOf(acme)).toHaveLength(1);
    expect(await tasksOf(acme, 'done')).toHaveLength(1);
    await setEnabled(rule.id, false);
  });

  it('lists an account’s task unassigned when nobody holds the role, and the queue by assignee', async () => {
    const renewalDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const lonely = await account(null, { renewalDate });
    const rule = await newRule({
      name: 'Renewal',
      trigger: 'renewal_within',
      params: { days: 60 },
      role: 'customer_success',
      dueInDays: 0,
    });
    expect((await admin.request({ method: 'POST', url: `/api/playbook-rules/${rule.id}/run` })).statusCode).toBe(200);
    const tasks = await tasksOf(lonely);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.assignee).toBeNull();
    expect(tasks[0]!.reason).toBe(`Renewal on ${renewalDate}, in 30 days`);

    const reassigned = await csm.request({
      method: 'PATCH',
      url: `/api/success-tasks/${tasks[0]!.id}`,
      payload: { assigneeId: csm.memberId },
    });
    expect(reassigned.json<SuccessTask>().assignee?.id).toBe(csm.memberId);
    const mine = (await csm.request({ method: 'GET', url: '/api/success-tasks?assignee=me' })).json<SuccessTaskPage>().items;
    expect(mine.map((x) => x.id)).toContain(tasks[0]!.id);
    const tams = (await csm.request({ method: 'GET', url: `/api/success-tasks?assignee=${tam.memberId}` })).json<SuccessTaskPage>().items;
    expect(tams.map((x) => x.id)).not.toContain(tasks[0]!.id);
    await setEnabled(rule.id, false);
  });

  it('keeps one open task when two evaluations run at once', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => account({ grade: 'green', metrics: { active_user_trend: -50 } })));
    const rule = await newRule({ name: 'Usage', trigger: 'usage_drop', params: { percent: 40 } });
    const results = await Promise.all([evaluatePlaybooks(db(), NOW, ids), evaluatePlaybooks(db(), NOW, ids), evaluatePlaybooks(db(), NOW)]);
    expect(results.reduce((n, r) => n + r.fired, 0)).toBe(3);
    for (const id of ids) expect(await tasksOf(id)).toHaveLength(1);
    await setEnabled(rule.id, false);
  });

  it('creates a task by hand for the team member holding the role, and pages the queue by due date', async () => {
    const acme = await account(null, {}, [{ role: 'customer_success', memberId: csm.memberId }]);
    const made: string[] = [];
    for (const dueOn of ['2026-12-20', '2026-12-10', '2026-12-15']) {
      const res = await tam.request({
        method: 'POST',
        url: '/api/success-tasks',
        payload: { accountId: acme, title: `Plan QBR ${dueOn}`, dueOn, steps: ['Draft agenda'] },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<SuccessTask>().assignee?.id).toBe(csm.memberId);
      made.push(res.json<SuccessTask>().id);
    }
    const first = (await tam.request({ method: 'GET', url: `/api/success-tasks?accountId=${acme}&limit=2` })).json<SuccessTaskPage>();
    expect(first.items.map((x) => x.dueOn)).toEqual(['2026-12-10', '2026-12-15']);
    const second = (
      await tam.request({ method: 'GET', url: `/api/success-tasks?accountId=${acme}&limit=2&cursor=${first.nextCursor}` })
    ).json<SuccessTaskPage>();
    expect(second.items.map((x) => x.dueOn)).toEqual(['2026-12-20']);
    expect(second.nextCursor).toBeNull();
    expectError(
      await tam.request({ method: 'POST', url: '/api/success-tasks', payload: { accountId: 'nope', title: 'x', dueOn: '2026-12-10' } }),
      422,
    );
  });

  it('lets admins keep rules, account owners work tasks, and stakeholders only read an account’s tasks', async () => {
    const rule = await newRule({ name: 'Strategic breach', trigger: 'sla_breach_strategic', enabled: false });
    expectError(await tam.request({ method: 'GET', url: '/api/playbook-rules' }), 403, 'auth.forbidden');
    expectError(await tam.request({ method: 'PATCH', url: `/api/playbook-rules/${rule.id}`, payload: { enabled: true } }), 403);
    expectError(await tam.request({ method: 'POST', url: `/api/playbook-rules/${rule.id}/run` }), 403);
    expectError(await stakeholder.request({ method: 'GET', url: '/api/success-tasks' }), 403);
    const acme = await account(null);
    expectError(
      await stakeholder.request({
        method: 'POST',
        url: '/api/success-tasks',
        payload: { accountId: acme, title: 'x', dueOn: '2026-12-10' },
      }),
      403,
    );
    expect((await stakeholder.request({ method: 'GET', url: `/api/accounts/${acme}/success-tasks` })).statusCode).toBe(200);
    expectError(await stakeholder.request({ method: 'GET', url: '/api/accounts/nope/success-tasks' }), 404, 'accounts.not_found');
    expect((await tam.request({ method: 'GET', url: '/api/success-tasks?assignee=me' })).statusCode).toBe(200);
  });

  it('validates each trigger’s params and disables, rather than deletes, a rule with tasks', async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await admin.request({
        method: 'POST',
        url: '/api/playbook-rules',
        payload: { name: 'x', role: 'customer_success', taskTitle: 't', steps: ['s'], dueInDays: 3, ...body },
      });
      const error = expectError(res, 400, 'request.invalid');
      expect(JSON.stringify(error.details)).toContain(path);
    };
    await bad({ trigger: 'health_drop' }, 'params.points');
    await bad({ trigger: 'health_drop', params: { points: 101 } }, 'params.points');
    await bad({ trigger: 'renewal_within', params: { days: 0 } }, 'params.days');
    await bad({ trigger: 'onboarding_late', params: { days: 366 } }, 'params.days');
    await bad({ trigger: 'health_red', params: { days: 3 } }, 'params.days');
    await bad({ trigger: 'usage_drop', params: { percent: 0 } }, 'params.percent');
    await bad({ trigger: 'health_red', role: 'admin' }, 'role');
    await bad({ trigger: 'health_red', steps: [] }, 'steps');
    await bad({ trigger: 'health_red', steps: Array.from({ length: 21 }, () => 'x') }, 'steps');
    const late = await newRule({ name: 'Late', trigger: 'onboarding_late', params: { days: 0 }, enabled: false });
    expect(late.params).toEqual({ days: 0 });
    // Params alone are checked against the rule's own trigger.
    expectError(await admin.request({ method: 'PATCH', url: `/api/playbook-rules/${late.id}`, payload: { params: { points: 3 } } }), 400);
    const changed = await admin.request({ method: 'PATCH', url: `/api/playbook-rules/${late.id}`, payload: { trigger: 'health_red' } });
    expect(changed.json<PlaybookRule>()).toMatchObject({ trigger: 'health_red', params: {} });

    expect((await admin.request({ method: 'DELETE', url: `/api/playbook-rules/${late.id}` })).json()).toEqual({ outcome: 'deleted' });
    const used = await newRule({ name: 'Used', trigger: 'health_red' });
    await account({ grade: 'red', score: 20 });
    expect(
      (await admin.request({ method: 'POST', url: `/api/playbook-rules/${used.id}/run` })).json<{ fired: number }>().fired,
    ).toBeGreaterThan(0);
    expect((await admin.request({ method: 'DELETE', url: `/api/playbook-rules/${used.id}` })).json()).toEqual({ outcome: 'disabled' });
    const rules = (await admin.request({ method: 'GET', url: '/api/playbook-rules' })).json<{ items: PlaybookRule[] }>().items;
    expect(rules.find((r) => r.id === used.id)).toMatchObject({ enabled: false });
    const actions = await db().selectFrom('audit_log').select('action').where('record_id', 'in', [late.id, used.id]).execute();
    expect(actions.map((a) => a.action).sort()).toEqual([
      'playbook_rule.created',
      'playbook_rule.created',
      'playbook_rule.deleted',
      'playbook_rule.disabled',
      'playbook_rule.updated',
    ]);
  });
});
