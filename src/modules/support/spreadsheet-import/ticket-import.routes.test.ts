import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { spreadsheetUpload, workbookOf } from '../../../kernel/spreadsheet/test-spreadsheets.js';
import { createAccountViaService, createContactViaService } from '../../../../test/factories/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';

describe.each(testDialects())('spreadsheet import of tickets on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;
  let accountId: string;
  const post = (as: SignedIn, url: string, name: string, content: Buffer | string, fields: Record<string, string> = {}) =>
    as.request({ method: 'POST', url, ...spreadsheetUpload({ name, content }, fields) });
  const ticketCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await signInAs(t, ['support_tier1'], `agent-${dialect}@team.test`);
    const account = await createAccountViaService(t.db, { name: 'Vandelay Industries', domains: ['vandelay.com'] });
    accountId = account.id;
    await createContactViaService(t.db, account.id, { email: 'art@vandelay.com', name: 'Art Vandelay' });
  });
  afterAll(async () => t.close());

  const workbook = () =>
    workbookOf([
      ['Subject', 'Description', 'Requester e-mail', 'Priority', 'Status', 'Tags', 'Type', 'Assignee e-mail', 'Created at'],
      [
        'Export fails',
        'The nightly export stops at 80%',
        'art@vandelay.com',
        'High',
        'Pending',
        'export, nightly',
        'Incident',
        `agent-${dialect}@team.test`,
        new Date(Date.UTC(2026, 0, 5, 9, 30)),
      ],
      ['Password reset', 'Cannot reset my password', 'george@vandelay.com', 'low', 'solved', '', 'question', null, '2026-01-06 10:00'],
      ['Bad priority', 'x', 'art@vandelay.com', 'whenever', null, null, null, null, null],
      ['Unknown domain', 'y', 'kramer@kramerica.test', null, null, null, null, null, null],
      ['Future', 'z', 'art@vandelay.com', null, null, null, null, null, '2999-01-01'],
    ]);

  it('previews every row, naming the bad rows’ columns, and writes nothing', async () => {
    const before = await ticketCount();
    const preview = (await post(agent, '/api/imports/tickets/preview', 'tickets.xlsx', await workbook())).json();
    expect(preview.mapping).toMatchObject({
      subject: 0,
      description: 1,
      requesterEmail: 2,
      priority: 3,
      status: 4,
      tags: 5,
      type: 6,
      assigneeEmail: 7,
      createdAt: 8,
    });
    expect(preview.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'invalid'],
    ]);
    expect(preview.rows[2].issues[0]).toMatchObject({ field: 'priority', column: 'D (Priority)' });
    expect(preview.rows[3].issues[0]).toMatchObject({ field: 'requesterEmail', column: 'C (Requester e-mail)' });
    expect(preview.rows[4].issues[0]).toMatchObject({ field: 'createdAt', message: expect.stringContaining('future') });
    expect(await ticketCount()).toBe(before);
  });

  it('opens the valid tickets at their own time and status, with a new requester on the domain’s account, and does not double them', async () => {
    const all = await post(agent, '/api/imports/tickets', 'tickets.xlsx', await workbook(), { mode: 'all_or_nothing' });
    expect(all.json()).toMatchObject({ written: false, counts: { created: 0, rejected: 3 } });

    const res = await post(agent, '/api/imports/tickets', 'tickets.xlsx', await workbook());
    expect(res.json()).toMatchObject({ written: true, counts: { rows: 5, created: 2, rejected: 3 } });
    expect(res.json().rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6]);
    const list = (await agent.request({ method: 'GET', url: `/api/tickets?accountId=${accountId}&limit=50` })).json().items;
    const exportTicket = list.find((x: { subject: string }) => x.subject === 'Export fails');
    expect(exportTicket).toMatchObject({
      status: 'pending',
      priority: 'high',
      tags: ['export', 'nightly'],
      createdAt: '2026-01-05T09:30:00.000Z',
    });
    const reset = list.find((x: { subject: string }) => x.subject === 'Password reset');
    expect(reset).toMatchObject({ status: 'solved', priority: 'low', createdAt: '2026-01-06T10:00:00.000Z' });

    const again = (await post(agent, '/api/imports/tickets/preview', 'tickets.xlsx', await workbook())).json();
    expect(again.rows[0].issues[0].message).toMatch(/Already imported as ticket #\d+/);
    expect(again.counts.create).toBe(0);
  });

  it('lets only those who work tickets import them', async () => {
    const stakeholder = await signInAs(t, ['stakeholder']);
    expect((await post(stakeholder, '/api/imports/tickets', 't.csv', 'Subject,Description,Requester e-mail\n')).statusCode).toBe(403);
  });
});
