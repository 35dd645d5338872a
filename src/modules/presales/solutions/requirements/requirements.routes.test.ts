import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../../test/factories/index.js';
import type { ImportPreview, ImportReport, RequirementList } from '../../contract/solutions.js';
import { insertOpportunity } from '../../opportunities/test-opportunities.js';
import { multipartBody, workbookBytes } from '../test-solutions.js';

describe.each(testDialects())('requirements on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let stakeholder: SignedIn;
  let accountId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    stakeholder = await signInAs(t, ['stakeholder']);
    accountId = (await createAccountViaService(t.db, { name: `Req ${unique()}`, arr: 50_000 })).id;
  });
  afterAll(async () => t.close());

  const newDeal = () => insertOpportunity(db(), accountId, { name: `Deal ${unique()}`, arr: 200_000 });
  const list = async (dealId: string, query = '') =>
    (await se.request({ method: 'GET', url: `/api/opportunities/${dealId}/requirements${query}` })).json() as RequirementList;
  const add = (dealId: string, body: Record<string, unknown>, who: SignedIn = se) =>
    who.request({ method: 'POST', url: `/api/opportunities/${dealId}/requirements`, payload: body });
  const auditActions = async (recordId: string) =>
    (await db().selectFrom('audit_log').select('action').where('record_id', '=', recordId).orderBy('id').execute()).map((a) => a.action);

  it('adds, changes, orders, filters and deletes requirements, audited, with the fit summary', async () => {
    const deal = await newDeal();
    const first = await add(deal, { reference: 'R-1', text: 'SAML single sign-on', section: 'Identity', priority: 'must', fit: 'native' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      requirement: { reference: 'R-1', position: 0, fit: 'native', feedbackItemId: null },
      notices: [],
    });
    const second = (await add(deal, { reference: 'R-2', text: 'Audit trail export', priority: 'should', fit: 'configuration' })).json();
    const inserted = (await add(deal, { reference: 'R-0', text: 'Data residency in the EU', priority: 'must', position: 0 })).json();
    expect(inserted.requirement.position).toBe(0);
    expect((await list(deal)).items.map((r) => r.reference)).toEqual(['R-0', 'R-1', 'R-2']);

    const edited = await se.request({
      method: 'PATCH',
      url: `/api/requirements/${second.requirement.id}`,
      payload: { notes: 'Via the SIEM connector', fit: 'native', section: 'Audit' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().requirement).toMatchObject({
      notes: 'Via the SIEM connector',
      fit: 'native',
      section: 'Audit',
      updatedBy: { id: se.memberId },
    });

    const order = [second.requirement.id, inserted.requirement.id, first.json().requirement.id];
    const reordered = await se.request({ method: 'PUT', url: `/api/opportunities/${deal}/requirements/order`, payload: { ids: order } });
    expect(reordered.statusCode, reordered.body).toBe(204);
    const all = await list(deal);
    expect(all.items.map((r) => r.reference)).toEqual(['R-2', 'R-0', 'R-1']);
    expect(all.sections).toEqual(['Audit', 'Identity']);
    expect(all.summary).toMatchObject({ total: 3, assessed: 2, coveredPercent: 66.7, byFit: { native: 2, unassessed: 1 } });
    expect((await list(deal, '?priority=must')).items.map((r) => r.reference)).toEqual(['R-0', 'R-1']);
    expect((await list(deal, '?fit=unassessed')).items.map((r) => r.reference)).toEqual(['R-0']);
    expect((await list(deal, '?q=siem%20connector')).items.map((r) => r.reference)).toEqual(['R-2']);
    expect((await list(deal, '?section=Identity')).items.map((r) => r.reference)).toEqual(['R-1']);

    const incomplete = await se.request({
      method: 'PUT',
      url: `/api/opportunities/${deal}/requirements/order`,
      payload: { ids: order.slice(1) },
    });
    expectError(incomplete, 422, 'requirements.order_incomplete');

    const gone = await se.request({ method: 'DELETE', url: `/api/requirements/${inserted.requirement.id}` });
    expect(gone.statusCode).toBe(204);
    expect((await list(deal)).items).toHaveLength(2);
    expect(await auditActions(second.requirement.id)).toEqual(['requirement.created', 'requirement.updated']);
    expect(await auditActions(inserted.requirement.id)).toEqual(['requirement.created', 'requirement.deleted']);
    expect(await auditActions(deal)).toContain('requirements.reordered');
  });

  it('refuses a second requirement with the same reference, whatever its case and spacing', async () => {
    const deal = await newDeal();
    await add(deal, { reference: 'SEC-1', text: 'Encrypt data at rest' });
    expectError(await add(deal, { reference: ' sec-1 ', text: 'Again' }), 409, 'requirements.reference_taken');
    const other = (await add(deal, { reference: 'SEC-2', text: 'Other' })).json();
    const clash = await se.request({ method: 'PATCH', url: `/api/requirements/${other.requirement.id}`, payload: { reference: 'Sec-1' } });
    expect(expectError(clash, 409, 'requirements.reference_taken').details.field).toBe('reference');
    // Another deal may use the same reference.
    expect((await add(await newDeal(), { reference: 'SEC-1', text: 'Elsewhere' })).statusCode).toBe(201);
  });

  it('sets the fit of many requirements at once and refuses ids of another deal', async () => {
    const deal = await newDeal();
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await add(deal, { reference: `B-${n}`, text: `Requirement ${n}` })).json().requirement.id);
    const bulk = await se.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/requirements/fit`,
      payload: { ids: ids.slice(0, 2), fit: 'customisation', notes: 'Needs a plug-in' },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toEqual({ updated: 2, feedbackItemsCreated: 0, notices: [] });
    expect((await list(deal)).summary.byFit.customisation).toBe(2);
    const foreignId = (await add(await newDeal(), { text: 'Not this deal' })).json().requirement.id;
    const refused = await se.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/requirements/fit`,
      payload: { ids: [ids[2], foreignId], fit: 'native' },
    });
    expectError(refused, 422, 'requirements.not_of_opportunity');
    expect((await list(deal)).summary.byFit.native).toBe(0);
  });

  it('lets readers read and only presales.write write', async () => {
    const deal = await newDeal();
    expectError(await add(deal, { text: 'Read-only people cannot add' }, stakeholder), 403, 'auth.forbidden');
    expect((await stakeholder.request({ method: 'GET', url: `/api/opportunities/${deal}/requirements` })).statusCode).toBe(200);
    expectError(await se.request({ method: 'GET', url: '/api/opportunities/no-such-deal/requirements' }), 404, 'opportunities.not_found');
  });

  describe('import', () => {
    const preview = (deal: string, name: string, content: Buffer | string) => {
      const body = multipartBody({ name, content });
      return se.request({ method: 'POST', url: `/api/opportunities/${deal}/requirements/import/preview`, ...body });
    };
    const importFile = (deal: string, name: string, content: Buffer | string, mapping: unknown) => {
      const body = multipartBody({ name, content }, { mapping: JSON.stringify(mapping) });
      return se.request({ method: 'POST', url: `/api/opportunities/${deal}/requirements/import`, ...body });
    };

    const rfp = () =>
      workbookBytes((wb) => {
        wb.addWorksheet('Cover').getCell('A1').value = 'Maple Street Bank RFP';
        const ws = wb.addWorksheet('Requirements');
        ws.addRow(['ID', 'Requirement', 'Category', 'Priority', 'Response', 'Comments']);
        ws.addRow(['R-1', 'SAML single sign-on', 'Identity', 'Must', 'Native', null]);
        ws.addRow([]);
        ws.addRow(['R-2', null, 'Identity', 'Must', null, 'no text here']);
        ws.addRow(['R-3', 'Hardware security module for keys', 'Crypto', 'Must', 'Gap', null]);
        ws.addRow(['R-3', 'Duplicate of the row above', 'Crypto', 'Could', null, null]);
        ws.addRow(['R-4', { formula: '"Retention "&"policies"', result: 'Retention policies' }, 'Data', 'Should', 'Configurable', null]);
        ws.addRow(['R-5', 'Merged over two rows', 'Data', 'Could', 'Roadmap', null]);
        ws.addRow([null, null, 'Data', 'Could', 'Roadmap', null]);
        ws.mergeCells('B8:B9');
        ws.addRow(['R-0', 'Exists already on the deal', 'Data', 'Must', 'Native', null]);
      });
    const mapping = {
      sheet: 'Requirements',
      headerRow: 1,
      columns: { reference: 1, text: 2, section: 3, priority: 4, fit: 5, notes: 6 },
    };

    it('previews the sheets with a suggested mapping, then imports with a reason for every row skipped', async () => {
      const deal = await newDeal();
      await add(deal, { reference: 'r-0', text: 'Entered by hand before the import' });
      const bytes = await rfp();
      const shown = await preview(deal, 'rfp.xlsx', bytes);
      expect(shown.statusCode, shown.body).toBe(200);
      const sheets = (shown.json() as ImportPreview).sheets;
      expect(sheets.map((s) => [s.name, s.headerRow, s.dataRows])).toEqual([
        ['Cover', 1, 0],
        ['Requirements', 1, 8],
      ]);
      expect(sheets[1]!.suggestedMapping).toEqual({ reference: 1, text: 2, section: 3, priority: 4, fit: 5, notes: 6 });
      expect((await list(deal)).items).toHaveLength(1); // a preview writes nothing

      const res = await importFile(deal, 'rfp.xlsx', bytes, mapping);
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json() as ImportReport;
      expect(report).toMatchObject({ sheet: 'Requirements', rowsRead: 9, imported: 4, skipped: 5, gapsCaptured: 1 });
      expect(report.rows.map((r) => [r.row, r.outcome, r.reason])).toEqual([
        [3, 'skipped', 'empty_row'],
        [4, 'skipped', 'missing_text'],
        [6, 'skipped', 'duplicate_in_file'],
        [7, 'imported', null],
        [9, 'skipped', 'merged_continuation'],
        [10, 'skipped', 'duplicate_reference'],
      ]);
      expect(report.rows[3]!.warnings).toEqual(['formula_value']);
      const after = await list(deal);
      expect(after.items.map((r) => [r.reference, r.section, r.priority, r.fit])).toEqual([
        ['r-0', null, 'should', 'unassessed'],
        ['R-1', 'Identity', 'must', 'native'],
        ['R-3', 'Crypto', 'must', 'gap'],
        ['R-4', 'Data', 'should', 'configuration'],
        ['R-5', 'Data', 'could', 'roadmap'],
      ]);
      // The imported gap is in the feedback inbox, once.
      expect(after.items[2]!.feedbackItemId).not.toBeNull();
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('record_id', '=', deal)
        .where('action', '=', 'requirements.imported')
        .execute();
      expect(audit).toHaveLength(1);
    });

    it('refuses a sheet with no data, an unknown sheet and a missing mapping, writing nothing', async () => {
      const deal = await newDeal();
      const bytes = await rfp();
      expectError(await importFile(deal, 'rfp.xlsx', bytes, { ...mapping, sheet: 'Cover' }), 422, 'requirements.import_sheet_empty');
      expectError(await importFile(deal, 'rfp.xlsx', bytes, { ...mapping, sheet: 'Pricing' }), 422, 'requirements.import_sheet_not_found');
      const noMapping = await se.request({
        method: 'POST',
        url: `/api/opportunities/${deal}/requirements/import`,
        ...multipartBody({ name: 'rfp.xlsx', content: bytes }),
      });
      expectError(noMapping, 400, 'requirements.import_mapping_invalid');
      const badMapping = await importFile(deal, 'rfp.xlsx', bytes, { headerRow: 1, columns: { reference: 1 } });
      const error = expectError(badMapping, 400, 'requirements.import_mapping_invalid');
      expect(JSON.stringify(error.details)).toContain('mapping.columns.text');
      expectError(await preview(deal, 'notes.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])), 422, 'requirements.import_old_excel');
      const json = await se.request({ method: 'POST', url: `/api/opportunities/${deal}/requirements/import`, payload: { file: 'x' } });
      expectError(json, 400, 'requirements.import_file_missing');
      expect((await list(deal)).items).toEqual([]);
    });

    it('imports a CSV file with a header row', async () => {
      const deal = await newDeal();
      const csv = 'Ref;Requirement;Priority\nC-1;"Export, with commas";M\nC-2;Second;could\n';
      const res = await importFile(deal, 'reqs.csv', csv, { headerRow: 1, columns: { reference: 1, text: 2, priority: 3 } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ imported: 2, skipped: 0, rows: [] });
      expect((await list(deal)).items.map((r) => [r.text, r.priority])).toEqual([
        ['Export, with commas', 'must'],
        ['Second', 'could'],
      ]);
    });

    it('imports 5,000 rows in one go', async () => {
      const deal = await newDeal();
      const bytes = await workbookBytes((wb) => {
        const ws = wb.addWorksheet('Big');
        ws.addRow(['Ref', 'Requirement', 'Priority', 'Fit']);
        for (let i = 1; i <= 5_000; i++)
          ws.addRow([`B-${i}`, `Requirement number ${i}`, ['Must', 'Should', 'Could'][i % 3], i % 2 ? 'Native' : 'Configuration']);
      });
      const res = await importFile(deal, 'big.xlsx', bytes, { headerRow: 1, columns: { reference: 1, text: 2, priority: 3, fit: 4 } });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json()).toMatchObject({ rowsRead: 5_000, imported: 5_000, skipped: 0 });
      const all = await list(deal);
      expect(all.summary).toMatchObject({ total: 5_000, coveredPercent: 100 });
      expect(all.items[4_999]).toMatchObject({ reference: 'B-5000', position: 4_999 });
    }, 120_000);
  });
});
