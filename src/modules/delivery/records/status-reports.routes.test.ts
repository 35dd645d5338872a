import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError } from '../../../../test/factories/index.js';
import { addDays } from './status-report-draft.js';

const today = new Date().toISOString().slice(0, 10);
const day = (offset: number) => addDays(today, offset);

describe.each(testDialects())('status reports on %s', (dialect) => {
  let t: TestApp;
  let engineer: SignedIn;
  let engagementId: string;
  let alice: { id: string; email: string };
  let bob: { id: string; email: string };
  let stranger: string;
  const taskIds: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    engineer = await signInAs(t, ['implementation']);
    const account = await createAccountViaService(t.db, { name: 'Globex' });
    alice = await createContactViaService(t.db, account.id, { name: 'Alice Admin', email: 'alice@globex.test' });
    bob = await createContactViaService(t.db, account.id, { name: 'Bob User', email: 'bob@globex.test' });
    stranger = (await createContactViaService(t.db, (await createAccountViaService(t.db)).id)).id;
    const created = await engineer.request({
      method: 'POST',
      url: '/api/engagements',
      payload: {
        accountId: account.id,
        kind: 'implementation',
        name: 'Globex rollout',
        status: 'active',
        startDate: day(-40),
        targetGoLiveDate: day(60),
        budgetHours: 40,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    engagementId = created.json().id;
    const add = async (title: string, body: Record<string, unknown>) => {
      const res = await engineer.request({ method: 'POST', url: `/api/engagements/${engagementId}/tasks`, payload: { title, ...body } });
      expect(res.statusCode, res.body).toBe(201);
      taskIds[title] = res.json().id;
    };
    await add('Kick-off', { startDate: day(-40), dueDate: day(-39), milestone: true });
    await add('Solution design', { startDate: day(-10), dueDate: day(-5) });
    await add('Firewall rules', { startDate: day(-8), dueDate: day(-2) });
    await add('Provide test users', { startDate: day(-1), dueDate: day(5), owner: { type: 'contact', id: alice.id } });
    await add('Test logins', { startDate: day(6), dueDate: day(8), dependsOn: [taskIds['Provide test users']] });
    await add('Data migration', { startDate: day(20), dueDate: day(50) });
    for (const title of ['Kick-off', 'Solution design'])
      await engineer.request({ method: 'PATCH', url: `/api/tasks/${taskIds[title]}`, payload: { status: 'done' } });
    // The kick-off was done weeks ago, before the reporting period.
    await t.db.kysely
      .updateTable('engagement_tasks')
      .set({ completed_at: `${day(-39)}T10:00:00.000Z` })
      .where('id', '=', taskIds['Kick-off']!)
      .execute();
    await engineer.request({
      method: 'POST',
      url: `/api/tasks/${taskIds['Kick-off']}/time`,
      payload: { minutes: 600, category: 'engineering', startedAt: `${day(-39)}T09:00:00Z` },
    });
    await engineer.request({
      method: 'POST',
      url: `/api/tasks/${taskIds['Solution design']}/time`,
      payload: { minutes: 450, category: 'engineering', startedAt: `${day(-6)}T09:00:00Z` },
    });
  });
  afterAll(async () => t.close());

  const outboxCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('outbox_emails')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const generate = (periodStart = day(-13), periodEnd = day(0)) =>
    engineer.request({ method: 'POST', url: `/api/engagements/${engagementId}/status-reports`, payload: { periodStart, periodEnd } });

  it('generates a draft for the period from the tasks, hours and milestones', async () => {
    const res = await generate();
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({
      status: 'draft',
      periodStart: day(-13),
      periodEnd: day(0),
      overallStatus: 'at_risk',
      suggestedStatus: 'at_risk',
      recipients: [],
      sentAt: null,
    });
    const titles = (lines: { title: string }[]) => lines.map((l) => l.title);
    expect(titles(report.figures.done)).toEqual(['Solution design']);
    expect(titles(report.figures.next)).toEqual(['Provide test users', 'Test logins']);
    expect(titles(report.figures.overdue)).toEqual(['Firewall rules']);
    expect(report.figures.decisions).toMatchObject([{ title: 'Provide test users', owner: 'Alice Admin', reason: 'blocks_others' }]);
    expect(report.figures.budget).toEqual({
      budgetHours: 40,
      loggedHoursInPeriod: 7.5,
      loggedHoursToDate: 17.5,
      remainingHours: 22.5,
      burnPercent: 44,
    });
    expect(titles(report.figures.milestonesReached)).toEqual([]);
    expect(report.sections.done).toContain('Solution design');
    expect(report.sections.budget).toContain('Hours logged this period: 7.5 h');
    expect(report.sections.risks).toContain('**Overdue:** Firewall rules');

    const earlier = (await generate(day(-45), day(-35))).json();
    expect(titles(earlier.figures.done)).toEqual(['Kick-off']);
    expect(titles(earlier.figures.milestonesReached)).toEqual(['Kick-off']);
    expect(earlier.figures.budget).toMatchObject({ loggedHoursInPeriod: 10, loggedHoursToDate: 10 });

    const list = (await engineer.request({ method: 'GET', url: `/api/engagements/${engagementId}/status-reports` })).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([earlier.id, report.id]);
  });

  it('refuses a period that ends before it starts, and an unknown engagement', async () => {
    const before = await outboxCount();
    const bad = await generate(day(0), day(-7));
    expect(expectError(bad, 400, 'request.invalid').details.issues).toEqual([
      { path: 'periodEnd', message: 'The period ends before it starts' },
    ]);
    expectError(
      await engineer.request({
        method: 'POST',
        url: '/api/engagements/nope/status-reports',
        payload: { periodStart: day(-7), periodEnd: day(0) },
      }),
      404,
      'engagements.not_found',
    );
    expect(await outboxCount()).toBe(before);
  });

  it('edits the draft, sends one mail per chosen contact, and keeps the sent report read-only', async () => {
    const report = (await generate()).json();
    const edited = await engineer.request({
      method: 'PATCH',
      url: `/api/status-reports/${report.id}`,
      payload: { overallStatus: 'on_track', sections: { decisions: '- Approve the **go-live date** by Friday' } },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      overallStatus: 'on_track',
      suggestedStatus: 'at_risk',
      sections: { decisions: '- Approve the **go-live date** by Friday', done: report.sections.done },
    });

    // A contact of another account: refused, nothing queued, nothing recorded.
    const before = await outboxCount();
    const foreign = await engineer.request({
      method: 'POST',
      url: `/api/status-reports/${report.id}/send`,
      payload: { contactIds: [alice.id, stranger] },
    });
    expect(expectError(foreign, 422, 'status_reports.contact_not_on_account').details).toMatchObject({
      field: 'contactIds',
      contactIds: [stranger],
    });
    expect(await outboxCount()).toBe(before);
    expect((await engineer.request({ method: 'GET', url: `/api/status-reports/${report.id}` })).json()).toMatchObject({
      status: 'draft',
      recipients: [],
    });
    expectError(
      await engineer.request({ method: 'POST', url: `/api/status-reports/${report.id}/send`, payload: { contactIds: [] } }),
      400,
      'request.invalid',
    );

    const sent = await engineer.request({
      method: 'POST',
      url: `/api/status-reports/${report.id}/send`,
      payload: { contactIds: [alice.id] },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'sent',
      recipientCount: 1,
      recipients: [{ contact: { id: alice.id, name: 'Alice Admin' }, email: 'alice@globex.test', sentBy: { id: engineer.memberId } }],
    });
    expect(sent.json().sentAt).toBeTruthy();
    const mails = await t.db.kysely.selectFrom('outbox_emails').selectAll().where('headers', 'like', `%${report.id}%`).execute();
    expect(mails).toHaveLength(1);
    expect(JSON.parse(mails[0]!.to_addresses)).toEqual(['alice@globex.test']);
    expect(mails[0]!.subject).toBe(`Status report: ${report.title}`);
    expect(mails[0]!.text_body).toContain('Hello Alice Admin');
    expect(mails[0]!.text_body).toContain('Overall: **On track**');
    expect(mails[0]!.text_body).toContain('## Decisions needed\n\n- Approve the **go-live date** by Friday');
    expect(mails[0]!.html_body).toContain('<li>Approve the <strong>go-live date</strong> by Friday</li>');

    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/status-reports/${report.id}`, payload: { title: 'Changed' } }),
      409,
      'status_reports.sent',
    );
    expectError(await engineer.request({ method: 'DELETE', url: `/api/status-reports/${report.id}` }), 409, 'status_reports.sent');

    // Sent again, to one more contact: one more mail, the first send time kept.
    const again = (
      await engineer.request({ method: 'POST', url: `/api/status-reports/${report.id}/send`, payload: { contactIds: [bob.id] } })
    ).json();
    expect(again.recipients.map((r: { email: string }) => r.email)).toEqual(['alice@globex.test', 'bob@globex.test']);
    expect(again.sentAt).toBe(sent.json().sentAt);
    expect(await t.db.kysely.selectFrom('outbox_emails').select('id').where('headers', 'like', `%${report.id}%`).execute()).toHaveLength(2);

    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', report.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'status_report.generated',
      'status_report.updated',
      'status_report.sent',
      'status_report.sent',
    ]);
  });

  it('deletes a draft, and lets a stakeholder read reports but not write them', async () => {
    const draft = (await generate()).json();
    const stakeholder = await signInAs(t, ['stakeholder']);
    expect((await stakeholder.request({ method: 'GET', url: `/api/status-reports/${draft.id}` })).statusCode).toBe(200);
    expectError(
      await stakeholder.request({ method: 'POST', url: `/api/status-reports/${draft.id}/send`, payload: { contactIds: [alice.id] } }),
      403,
      'auth.forbidden',
    );
    expect((await engineer.request({ method: 'DELETE', url: `/api/status-reports/${draft.id}` })).statusCode).toBe(204);
    expectError(await engineer.request({ method: 'GET', url: `/api/status-reports/${draft.id}` }), 404, 'status_reports.not_found');
  });
});
