import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { errors } from '../../../kernel/errors.js';
import { runSpreadsheetImport } from '../../../kernel/spreadsheet/spreadsheet-import.js';
import { accountImport } from './account-import.js';
import { spreadsheetUpload, workbookOf } from '../../../kernel/spreadsheet/test-spreadsheets.js';
import { createAccountViaService, createContactViaService } from '../../../../test/factories/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';

const ACCOUNTS_CSV = [
  'Name,Domain,Segment,ARR,Renewal date',
  'Umbrella Corp,umbrella.com,Enterprise,"$250,000",2027-03-31',
  'Cyberdyne,cyberdyne.com,Mid-market,80k,31 Mar 2027',
  'Tyrell,tyrell.com,galactic,100,2027-01-01',
  '"=cmd|\' /C calc\'!A0",formula.com,smb,0,',
].join('\n');

describe.each(testDialects())('spreadsheet import of accounts and contacts on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  const post = (as: SignedIn, url: string, name: string, content: Buffer | string, fields: Record<string, string> = {}) =>
    as.request({ method: 'POST', url, ...spreadsheetUpload({ name, content }, fields) });
  const accountCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
  });
  afterAll(async () => t.close());

  it('previews every row of a CSV, suggests the columns and names the bad row’s column, writing nothing', async () => {
    const before = await accountCount();
    const res = await post(tam, '/api/imports/accounts/preview', 'accounts.csv', ACCOUNTS_CSV);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.mapping).toEqual({ name: 0, domains: 1, segment: 2, arr: 3, lifecycleStage: null, renewalDate: 4 });
    expect(preview.rows.map((r: { row: number; action: string }) => [r.row, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'invalid'],
      [5, 'create'],
    ]);
    expect(preview.rows[2].issues).toEqual([expect.objectContaining({ row: 4, field: 'segment', column: 'C (Segment)' })]);
    expect(preview.counts).toEqual({ rows: 4, create: 3, update: 0, invalid: 1 });
    expect(await accountCount()).toBe(before);
  });

  it('writes nothing in all-or-nothing mode when one row is bad, and reports the row', async () => {
    const before = await accountCount();
    const res = await post(tam, '/api/imports/accounts', 'accounts.csv', ACCOUNTS_CSV, { mode: 'all_or_nothing' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      written: false,
      counts: { created: 0, rejected: 1 },
      rejected: [{ row: 4, column: 'C (Segment)' }],
    });
    expect(await accountCount()).toBe(before);
  });

  it('imports the valid rows, keeps a formula as plain text, and updates rather than doubles on a second run', async () => {
    const res = await post(tam, '/api/imports/accounts', 'accounts.csv', ACCOUNTS_CSV);
    expect(res.json()).toMatchObject({ written: true, counts: { rows: 4, created: 3, updated: 0, rejected: 1 } });
    const list = (await tam.request({ method: 'GET', url: '/api/accounts?q=umbrella' })).json().items;
    expect(list[0]).toMatchObject({
      name: 'Umbrella Corp',
      domains: ['umbrella.com'],
      segment: 'enterprise',
      arr: 250000,
      renewalDate: '2027-03-31',
    });
    const cyberdyne = (await tam.request({ method: 'GET', url: '/api/accounts?q=cyberdyne' })).json().items[0];
    expect(cyberdyne).toMatchObject({ segment: 'mid_market', arr: 80000, renewalDate: '2027-03-31' });
    const formula = (await tam.request({ method: 'GET', url: '/api/accounts?q=formula.com' })).json().items[0];
    expect(formula.name).toBe("=cmd|' /C calc'!A0");
    // Search indexing and audit happen as for an account made by hand.
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', cyberdyne.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['account.created']);

    const again = await post(tam, '/api/imports/accounts', 'accounts.csv', ACCOUNTS_CSV.replace('80k', '90k'));
    expect(again.json()).toMatchObject({ counts: { created: 0, updated: 3, rejected: 1 } });
    expect((await tam.request({ method: 'GET', url: '/api/accounts?q=cyberdyne' })).json().items).toMatchObject([{ arr: 90000 }]);
  });

  it('refuses the second row for one account in a file, and a domain another account owns', async () => {
    await createAccountViaService(t.db, { name: 'Soylent', domains: ['soylent.com'] });
    const csv = 'Name,Domain,Segment\nHooli,hooli.com,smb\nHOOLI,,smb\nNewco,soylent.com,smb\n';
    const preview = (await post(tam, '/api/imports/accounts/preview', 'a.csv', csv)).json();
    expect(preview.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'invalid', 'update']);
    expect(preview.rows[1].issues[0].message).toContain('row 2');
  });

  it('imports contacts from an XLSX workbook, naming the account by name or domain, and updates a known e-mail', async () => {
    const account = await createAccountViaService(t.db, { name: 'Initrode', domains: ['initrode.com'] });
    await createContactViaService(t.db, account.id, { email: 'peter@initrode.com', name: 'Peter' });
    const bytes = await workbookOf([
      ['Contact name', 'E-mail', 'Account', 'Title', 'Phone'],
      ['Samir', 'samir@initrode.com', 'Initrode', 'Engineer', '+1 555 0100'],
      ['Peter Gibbons', 'PETER@initrode.com', 'initrode.com', 'Programmer', null],
      ['Nobody', 'not-an-email', 'Initrode', null, null],
      ['Lost', 'lost@nowhere.test', null, null, null],
    ]);
    const preview = (await post(tam, '/api/imports/contacts/preview', 'contacts.xlsx', bytes)).json();
    expect(preview.format).toBe('xlsx');
    expect(preview.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'update', 'invalid', 'invalid']);
    expect(preview.rows[2].issues[0]).toMatchObject({ row: 4, column: 'B (E-mail)' });
    expect(preview.rows[3].issues[0]).toMatchObject({ row: 5, field: 'account' });
    const result = (await post(tam, '/api/imports/contacts', 'contacts.xlsx', bytes)).json();
    expect(result).toMatchObject({ counts: { created: 1, updated: 1, rejected: 2 } });
    const contacts = (await tam.request({ method: 'GET', url: `/api/accounts/${account.id}/contacts` })).json().items;
    expect(contacts.map((c: { name: string; title: string }) => [c.name, c.title]).sort()).toEqual([
      ['Peter Gibbons', 'Programmer'],
      ['Samir', 'Engineer'],
    ]);
  });

  it('lets only those who may create accounts import them; Tier 1 imports contacts but not accounts', async () => {
    const tier1 = await signInAs(t, ['support_tier1']);
    const stakeholder = await signInAs(t, ['stakeholder']);
    expect((await post(tier1, '/api/imports/accounts', 'a.csv', ACCOUNTS_CSV)).statusCode).toBe(403);
    expect((await post(stakeholder, '/api/imports/contacts/preview', 'c.csv', 'Contact name,E-mail\n')).statusCode).toBe(403);
    expect((await post(tier1, '/api/imports/contacts/preview', 'c.csv', 'Contact name,E-mail\nA,a@initrode.com\n')).statusCode).toBe(200);
  });

  it('refuses a file over the size limit with 413, a mapping without a required column with 400, and no file with 400', async () => {
    const huge = 'Name\n' + 'x'.repeat(10 * 1024 * 1024 + 10);
    const tooLarge = await post(tam, '/api/imports/accounts/preview', 'big.csv', huge);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.code).toBe('request.too_large');
    const mapping = JSON.stringify({ sheet: 0, columns: { name: null } });
    const unmapped = await post(tam, '/api/imports/accounts', 'a.csv', ACCOUNTS_CSV, { mapping });
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json().error.message).toContain('Name');
    const none = await tam.request({ method: 'POST', url: '/api/imports/accounts', payload: {} });
    expect(none.statusCode).toBe(400);
  });
});

describe.each(testDialects())('writing an import in one transaction on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => t.close());

  it('stores a name with a NUL byte without it, on either database', async () => {
    const tam = await signInAs(t, ['technical_account_manager']);
    const csv = Buffer.from('Name,Segment\nNul\u0000 Industries,smb\n');
    const res = await tam.request({
      method: 'POST',
      url: '/api/imports/accounts',
      ...spreadsheetUpload({ name: 'nul.csv', content: csv }),
    });
    expect(res.json()).toMatchObject({ counts: { created: 1 } });
    expect((await tam.request({ method: 'GET', url: '/api/accounts?q=Nul' })).json().items[0].name).toBe('Nul Industries');
  });

  it('rolls back a row a service refuses while writing and writes the rest again without it; all-or-nothing writes none', async () => {
    // Someone takes a name between the preview and the write: the service refuses after writing part of the file.
    const racing: typeof accountImport = {
      ...accountImport,
      async write(trx, ctx, row) {
        await accountImport.write(trx, ctx, row);
        if (row.values.name === 'Race B') throw errors.duplicate('An account', 'name');
      },
    };
    const file = { filename: 'race.csv', content: Buffer.from('Name,Segment\nRace A,smb\nRace B,smb\nRace C,smb\n') };
    const names = async () =>
      (await t.db.kysely.selectFrom('accounts').select('name').where('name', 'like', 'Race %').orderBy('name').execute()).map(
        (r) => r.name,
      );

    const strict = await runSpreadsheetImport(t.db.kysely, SYSTEM_CONTEXT, racing, file, undefined, 'all_or_nothing');
    expect(strict).toMatchObject({ written: false, counts: { created: 0 }, rejected: [{ row: 3, field: 'name' }] });
    expect(await names()).toEqual([]);

    const lenient = await runSpreadsheetImport(t.db.kysely, SYSTEM_CONTEXT, racing, file, undefined, 'valid_rows');
    expect(lenient).toMatchObject({ written: true, counts: { created: 2, rejected: 1 }, rejected: [{ row: 3, column: 'A (Name)' }] });
    expect(await names()).toEqual(['Race A', 'Race C']);
  });
});
