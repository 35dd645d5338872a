import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { ROLES } from '../../identity/contract/roles.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError, unique } from '../../../../test/factories/index.js';
import { TIME_CATEGORIES } from '../contract/time-entries.js';

describe.each(testDialects())('logging time for everyone on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let engineer: SignedIn;
  let manager: SignedIn;
  let initech: string;
  let umbrella: string;
  let ticketId: string;
  let engagementId: string;
  let taskId: string;
  let opportunityId: string;
  let interactionId: string;
  let otherEngagementId: string;

  const entriesOf = async (memberId: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('time_entries')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('member_id', '=', memberId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function post(who: SignedIn, url: string, payload: Record<string, unknown>) {
    const res = await who.request({ method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json().id as string;
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    engineer = await signInAs(t, ['software_engineer']);
    manager = await signInAs(t, ['engineering_manager']);
    const domain = `initech${unique()}.com`;
    initech = await post(admin, '/api/accounts', { name: `Initech ${unique()}`, domains: [domain], segment: 'enterprise' });
    umbrella = await post(admin, '/api/accounts', { name: `Umbrella ${unique()}`, segment: 'smb' });
    ticketId = await post(admin, '/api/tickets', { subject: 'SSO fails', description: 'Help', requesterEmail: `pat@${domain}` });
    const engagement = { kind: 'onboarding', name: 'Initech rollout', startDate: '2026-03-02', budgetHours: 40 };
    engagementId = await post(admin, '/api/engagements', { ...engagement, accountId: initech });
    otherEngagementId = await post(admin, '/api/engagements', { ...engagement, name: 'Umbrella rollout', accountId: umbrella });
    taskId = await post(admin, `/api/engagements/${engagementId}/tasks`, {
      title: 'Configure SSO',
      startDate: '2026-03-02',
      dueDate: '2026-03-03',
    });
    opportunityId = await post(admin, '/api/opportunities', {
      accountId: initech,
      name: 'Initech expansion',
      stage: 'discovery',
      arr: 1000,
      products: ['Core'],
    });
    interactionId = await post(admin, `/api/accounts/${initech}/interactions`, {
      kind: 'workshop',
      occurredAt: '2026-03-03T10:00:00Z',
      durationMinutes: 90,
      subject: 'SSO workshop',
    });
  });
  afterAll(async () => t.close());

  it('lets every role log its own time in every category', async () => {
    for (const role of ROLES) {
      const member = await signInAs(t, [role]);
      for (const category of TIME_CATEGORIES) {
        const res = await member.request({
          method: 'POST',
          url: '/api/time-entries',
          payload: { minutes: 30, category, date: '2026-03-02', note: `${role} ${category}` },
        });
        expect(res.statusCode, `${role} ${category}: ${res.body}`).toBe(201);
        expect(res.json()).toMatchObject({ member: { id: member.memberId }, minutes: 30, category, billable: false });
      }
      const listed = (await member.request({ method: 'GET', url: '/api/time-entries' })).json();
      expect(listed.totalMinutes, role).toBe(150);
    }
  });

  it('takes the account from the links, the engagement from a task, and bills engagement time by default', async () => {
    const onTask = await engineer.request({
      method: 'POST',
      url: '/api/time-entries',
      payload: { minutes: 90, category: 'engineering', date: '2026-03-03', taskId },
    });
    expect(onTask.statusCode, onTask.body).toBe(201);
    expect(onTask.json()).toMatchObject({ taskId, engagementId, accountId: initech, billable: true });
    const onDeal = await engineer.request({
      method: 'POST',
      url: '/api/time-entries',
      payload: { minutes: 60, category: 'customer', startedAt: '2026-03-03T10:00:00Z', opportunityId, interactionId, ticketId },
    });
    expect(onDeal.json()).toMatchObject({ opportunityId, interactionId, ticketId, accountId: initech, billable: false });
    const unbilled = await engineer.request({
      method: 'POST',
      url: '/api/time-entries',
      payload: { minutes: 15, category: 'management', date: '2026-03-03', engagementId, billable: false },
    });
    expect(unbilled.json()).toMatchObject({ engagementId, accountId: initech, billable: false });
    const engagementTime = (await admin.request({ method: 'GET', url: `/api/engagements/${engagementId}/time` })).json();
    expect(engagementTime.totalMinutes).toBe(105);
  });

  it('refuses logging for another member without time.manage, and writes nothing', async () => {
    const before = await entriesOf(manager.memberId);
    const res = await engineer.request({
      method: 'POST',
      url: '/api/time-entries',
      payload: { memberId: manager.memberId, minutes: 30, category: 'engineering', date: '2026-03-02' },
    });
    expect(expectError(res, 403, 'time_entries.for_others_forbidden').message).toContain('time.manage');
    expect(await entriesOf(manager.memberId)).toBe(before);
    expectError(await engineer.request({ method: 'GET', url: `/api/time-entries?memberId=${manager.memberId}` }), 403, 'auth.forbidden');
  });

  it('lets an engineering manager log, change, list and delete an engineer’s time', async () => {
    const created = await manager.request({
      method: 'POST',
      url: '/api/time-entries',
      payload: { memberId: engineer.memberId, minutes: 45, category: 'internal', date: '2026-03-04', note: 'Team offsite' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ member: { id: engineer.memberId }, minutes: 45 });
    const id = created.json().id as string;
    const changed = await manager.request({
      method: 'PATCH',
      url: `/api/time-entries/${id}`,
      payload: { minutes: 60, accountId: umbrella },
    });
    expect(changed.json()).toMatchObject({ minutes: 60, accountId: umbrella, note: 'Team offsite' });
    const listed = (await manager.request({ method: 'GET', url: `/api/time-entries?memberId=${engineer.memberId}` })).json();
    expect(listed.items.map((e: { id: string }) => e.id)).toContain(id);
    expect((await manager.request({ method: 'DELETE', url: `/api/time-entries/${id}` })).statusCode).toBe(204);
  });

  it('lets members change their own entries only, re-checking links', async () => {
    const id = (
      await engineer.request({
        method: 'POST',
        url: '/api/time-entries',
        payload: { minutes: 30, category: 'engineering', date: '2026-03-05' },
      })
    ).json().id as string;
    const other = await signInAs(t, ['software_engineer']);
    expectError(
      await other.request({ method: 'PATCH', url: `/api/time-entries/${id}`, payload: { minutes: 5 } }),
      403,
      'time_entries.not_yours',
    );
    const relinked = await engineer.request({ method: 'PATCH', url: `/api/time-entries/${id}`, payload: { taskId, category: 'customer' } });
    expect(relinked.json()).toMatchObject({ taskId, engagementId, accountId: initech, category: 'customer', minutes: 30 });
    const moved = await engineer.request({
      method: 'PATCH',
      url: `/api/time-entries/${id}`,
      payload: { taskId: null, engagementId: otherEngagementId },
    });
    expect(moved.json()).toMatchObject({ taskId: null, engagementId: otherEngagementId, accountId: umbrella });
    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/time-entries/${id}`, payload: { ticketId } }),
      422,
      'time_entries.link_account_mismatch',
    );
    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/time-entries/${id}`, payload: { minutes: 0 } }),
      400,
      'request.invalid',
    );
    expectError(
      await engineer.request({ method: 'PATCH', url: '/api/time-entries/nope', payload: { minutes: 5 } }),
      404,
      'time_entries.not_found',
    );
    const kept = (
      await engineer.request({ method: 'GET', url: '/api/time-entries?from=2026-03-05T00:00:00Z&to=2026-03-06T00:00:00Z' })
    ).json();
    expect(kept.items).toMatchObject([{ id, minutes: 30, engagementId: otherEngagementId }]);
  });

  it('refuses bad input with a 4xx naming the field, and writes nothing', async () => {
    const member = await signInAs(t, ['it_helpdesk']);
    const base = { minutes: 30, category: 'routine', date: '2026-03-02' };
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const cases: [Record<string, unknown>, number, string, string?][] = [
      [{ ...base, minutes: -30 }, 400, 'request.invalid'],
      [{ ...base, minutes: 0 }, 400, 'request.invalid'],
      [{ ...base, minutes: 24 * 60 + 1 }, 400, 'request.invalid'],
      [{ ...base, minutes: 1.5 }, 400, 'request.invalid'],
      [{ ...base, category: 'coffee' }, 400, 'request.invalid'],
      [{ ...base, date: '2026-02-30' }, 400, 'request.invalid'],
      [{ ...base, date: '2099-01-01' }, 422, 'time_entries.in_future', 'date'],
      [{ minutes: 30, category: 'routine', startedAt: '2099-01-01T09:00:00Z' }, 422, 'time_entries.in_future', 'startedAt'],
      [{ ...base, ticketId: 'no-such-ticket' }, 422, 'time_entries.ticket_unknown', 'ticketId'],
      [{ ...base, engagementId: 'nope' }, 422, 'time_entries.engagement_unknown', 'engagementId'],
      [{ ...base, taskId: 'nope' }, 422, 'time_entries.task_unknown', 'taskId'],
      [{ ...base, accountId: 'nope' }, 422, 'time_entries.account_unknown', 'accountId'],
      [{ ...base, opportunityId: 'nope' }, 422, 'time_entries.opportunity_unknown', 'opportunityId'],
      [{ ...base, interactionId: 'nope' }, 422, 'time_entries.interaction_unknown', 'interactionId'],
      [{ ...base, accountId: umbrella, ticketId }, 422, 'time_entries.link_account_mismatch', 'ticketId'],
      [{ ...base, engagementId: otherEngagementId, taskId }, 422, 'time_entries.task_engagement_mismatch', 'taskId'],
      [{ ...base, memberId: 'no-such-member' }, 403, 'time_entries.for_others_forbidden'],
    ];
    for (const [payload, status, code, field] of cases) {
      const error = expectError(await member.request({ method: 'POST', url: '/api/time-entries', payload }), status, code);
      if (field) {
        expect(error.details.field, code).toBe(field);
        if (code.endsWith('_unknown')) expect(error.message, code).toContain(`"${field}"`);
      }
    }
    expect(await entriesOf(member.memberId)).toBe(0);
    expectError(
      await admin.request({ method: 'POST', url: '/api/time-entries', payload: { ...base, memberId: 'no-such-member' } }),
      422,
      'time_entries.member_unknown',
    );
    const ok = await member.request({ method: 'POST', url: '/api/time-entries', payload: { ...base, date: tomorrow } });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('keeps logging on tickets and tasks as before, non-billable on a ticket', async () => {
    const agent = await signInAs(t, ['support_tier1']);
    const res = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticketId}/time`,
      payload: { minutes: 20, category: 'routine' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ticketId, accountId: initech, billable: false, opportunityId: null });
  });
});
