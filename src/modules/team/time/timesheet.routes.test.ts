import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError, unique } from '../../../../test/factories/index.js';

describe.each(testDialects())('the weekly timesheet on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let member: SignedIn;
  let accountId: string;
  let engagementId: string;

  const log = async (who: SignedIn, payload: Record<string, unknown>) => {
    const res = await who.request({ method: 'POST', url: '/api/time-entries', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const week = async (who: SignedIn, query: string) => {
    const res = await who.request({ method: 'GET', url: `/api/time-entries/week?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    member = await signInAs(t, ['professional_services']);
    accountId = (
      await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: `Globex ${unique()}`, segment: 'enterprise' } })
    ).json().id;
    engagementId = (
      await admin.request({
        method: 'POST',
        url: '/api/engagements',
        payload: { accountId, kind: 'onboarding', name: 'Globex rollout', startDate: '2026-03-02', budgetHours: 40 },
      })
    ).json().id;
    await admin.request({ method: 'PATCH', url: `/api/members/${member.memberId}`, payload: { capacityHours: 32 } });
    await log(member, { minutes: 90, category: 'engineering', date: '2026-03-02', engagementId, note: 'Installed the agent' });
    await log(member, { minutes: 30, category: 'engineering', date: '2026-03-03', engagementId });
    await log(member, { minutes: 45, category: 'internal', date: '2026-03-03' });
    await log(member, { minutes: 15, category: 'internal', startedAt: '2026-03-08T23:30:00Z' });
    await log(member, { minutes: 60, category: 'internal', startedAt: '2026-03-09T08:00:00Z' });
  });
  afterAll(async () => t.close());

  it('shows a week as rows by category and links, with day cells, totals and capacity', async () => {
    const grid = await week(member, 'weekStart=2026-03-04');
    expect(grid.weekStart).toBe('2026-03-02');
    expect(grid.days).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08']);
    expect(grid.capacityHours).toBe(32);
    expect(grid.rows).toHaveLength(2);
    const [project, internal] = grid.rows;
    expect(project).toMatchObject({
      category: 'engineering',
      billable: true,
      links: { engagementId, accountId, ticketId: null },
      labels: { engagementId: 'Globex rollout', accountId: expect.stringContaining('Globex') },
      totalMinutes: 120,
    });
    expect(project.cells.map((c: { minutes: number }) => c.minutes)).toEqual([90, 30, 0, 0, 0, 0, 0]);
    expect(project.cells[0].entryIds).toHaveLength(1);
    expect(internal).toMatchObject({ category: 'internal', billable: false, labels: {}, totalMinutes: 60 });
    expect(grid.dayTotals).toEqual([90, 75, 0, 0, 0, 0, 15]);
    expect(grid.totalMinutes).toBe(180);
  });

  it('puts entries on the member’s own day in their time zone', async () => {
    await admin.request({ method: 'PATCH', url: `/api/members/${member.memberId}`, payload: { timeZone: 'Europe/Berlin' } });
    const grid = await week(member, 'weekStart=2026-03-02');
    expect(grid.dayTotals).toEqual([90, 75, 0, 0, 0, 0, 0]);
    expect((await week(member, 'weekStart=2026-03-09')).dayTotals).toEqual([75, 0, 0, 0, 0, 0, 0]);
    await admin.request({ method: 'PATCH', url: `/api/members/${member.memberId}`, payload: { timeZone: 'UTC' } });
  });

  it('shows another member’s week only with time.manage', async () => {
    expectError(
      await member.request({ method: 'GET', url: `/api/time-entries/week?memberId=${admin.memberId}` }),
      403,
      'time_entries.for_others_forbidden',
    );
    const manager = await signInAs(t, ['engineering_manager']);
    expect((await week(manager, `weekStart=2026-03-02&memberId=${member.memberId}`)).totalMinutes).toBe(180);
  });

  it('copies a week once: a second copy is refused and doubles nothing', async () => {
    const copied = await member.request({
      method: 'POST',
      url: '/api/time-entries/copy-week',
      payload: { fromWeekStart: '2026-03-02', toWeekStart: '2026-03-16' },
    });
    expect(copied.statusCode, copied.body).toBe(201);
    expect(copied.json()).toEqual({ copied: 5 - 1, weekStart: '2026-03-16' });
    const target = await week(member, 'weekStart=2026-03-16');
    expect(target.dayTotals).toEqual([90, 75, 0, 0, 0, 0, 15]);
    expect(target.rows[0]).toMatchObject({ category: 'engineering', billable: true, links: { engagementId } });
    const again = await member.request({
      method: 'POST',
      url: '/api/time-entries/copy-week',
      payload: { fromWeekStart: '2026-03-02', toWeekStart: '2026-03-16' },
    });
    expect(expectError(again, 409, 'time_entries.week_not_empty').message).toContain('already has time entries');
    expect((await week(member, 'weekStart=2026-03-16')).totalMinutes).toBe(180);
    expectError(
      await member.request({
        method: 'POST',
        url: '/api/time-entries/copy-week',
        payload: { fromWeekStart: '2026-01-05', toWeekStart: '2026-01-12' },
      }),
      422,
      'time_entries.week_empty',
    );
    expectError(
      await member.request({
        method: 'POST',
        url: '/api/time-entries/copy-week',
        payload: { fromWeekStart: '2026-03-02', toWeekStart: '2099-01-05' },
      }),
      422,
      'time_entries.in_future',
    );
    expectError(
      await member.request({
        method: 'POST',
        url: '/api/time-entries/copy-week',
        payload: { fromWeekStart: '2026-03-02', toWeekStart: '2026-03-23', memberId: admin.memberId },
      }),
      403,
      'time_entries.for_others_forbidden',
    );
  });

  it('exports one row per entry as CSV', async () => {
    const res = await member.request({ method: 'GET', url: '/api/time-entries/export?format=csv&from=2026-03-02&to=2026-03-08' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('outpost-time-2026-03-02-2026-03-08.csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('Member,Date,Category,Minutes,Hours,Billable,Account,Engagement,Task,Ticket,Opportunity,Interaction,Note');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(
      /^Test professional_services,2026-03-02,engineering,90,1\.5,yes,Globex \d+,Globex rollout,,,,,Installed the agent$/,
    );
    expect(lines[4]).toContain('2026-03-08,internal,15,0.25,no');
  });

  it('exports the same rows as an XLSX workbook', async () => {
    const res = await member.request({ method: 'GET', url: '/api/time-entries/export?format=xlsx&from=2026-03-02&to=2026-03-08' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Time')!;
    expect(sheet.rowCount).toBe(5);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(['Member', 'Date', 'Category', 'Minutes', 'Hours']);
    expect((sheet.getRow(2).values as unknown[]).slice(2, 9)).toEqual([
      '2026-03-02',
      'engineering',
      90,
      1.5,
      'yes',
      expect.stringContaining('Globex'),
      'Globex rollout',
    ]);
    expectError(
      await member.request({ method: 'GET', url: '/api/time-entries/export?format=csv&from=2026-03-08&to=2026-03-02' }),
      422,
      'time_entries.export_range_invalid',
    );
  });
});
