import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import type { LibraryEntry, LibraryImportReport, LibraryList, ReviewQueue, LibraryFacets } from '../contract/library.js';
import { insertEntries } from './entry-rows.js';
import { recordLibraryUse } from './library-use.js';
import { runLibraryReviewPass } from './review-pass.js';
import { csvLine, libraryWorkbook, multipartUpload } from './test-library.js';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

describe.each(testDialects())('answer library on %s', (dialect) => {
  let t: TestApp;
  let lead: SignedIn; // sales engineer: presales.manage
  let tam: SignedIn; // presales.write only
  let tier2: SignedIn; // presales.write only
  let reader: SignedIn; // stakeholder: reads only
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    lead = await signInAs(t, ['sales_engineer']);
    tam = await signInAs(t, ['technical_account_manager']);
    tier2 = await signInAs(t, ['support_tier2']);
    reader = await signInAs(t, ['stakeholder']);
  });
  afterAll(async () => t.close());

  const create = (who: SignedIn, body: Record<string, unknown>) =>
    who.request({ method: 'POST', url: '/api/library/entries', payload: body });
  const entry = async (who: SignedIn, body: Record<string, unknown>) => {
    const res = await create(who, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as LibraryEntry;
  };
  const list = async (who: SignedIn, query: string) => {
    const res = await who.request({ method: 'GET', url: `/api/library/entries?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as LibraryList;
  };
  const queue = async (who: SignedIn, query = '') => {
    const res = await who.request({ method: 'GET', url: `/api/library/review-queue?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ReviewQueue;
  };
  const upload = (who: SignedIn, filename: string, content: Buffer | string, fields: Record<string, string> = {}) =>
    who.request({ method: 'POST', url: '/api/library/import', ...multipartUpload(filename, content, fields) });

  it('creates a draft owned by its author, with clean variants and tags, and audits it', async () => {
    const e = await entry(tam, {
      question: 'Do you support SCIM provisioning?',
      variants: [
        'Can users be provisioned automatically?',
        '  can users be provisioned automatically? ',
        'Do you support SCIM provisioning',
      ],
      shortAnswer: 'yes',
      longAnswer: 'SCIM 2.0 from **Okta** and Entra ID.',
      productArea: 'Identity',
      tags: ['SCIM', 'scim', ' provisioning '],
    });
    expect(e).toMatchObject({
      status: 'draft',
      stale: false,
      owner: { id: tam.memberId },
      tags: ['SCIM', 'provisioning'],
      reviewIntervalDays: 180,
      usageCount: 0,
      can: { edit: true, approve: false, archive: true, review: false, delete: true },
    });
    // Duplicates of each other and of the question itself are dropped.
    expect(e.variants.map((v) => v.text)).toEqual(['Can users be provisioned automatically?']);
    const audit = await db().selectFrom('audit_log').selectAll().where('record_id', '=', e.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['library_entry.created']);
    // Readers read, but cannot write.
    expect((await reader.request({ method: 'GET', url: `/api/library/entries/${e.id}` })).json()).toMatchObject({
      id: e.id,
      can: { edit: false },
    });
    expectError(await create(reader, { question: 'x', longAnswer: 'y' }), 403, 'auth.forbidden');
  });

  it('lets only managers approve: writers save drafts, a manager approves (and may create approved)', async () => {
    expectError(
      await create(tam, { question: 'Is there a bug bounty?', longAnswer: 'Yes, public.', status: 'approved' }),
      403,
      'library.approve_needs_manager',
    );
    const draft = await entry(tam, { question: 'Is there a bug bounty?', longAnswer: 'Yes, public.' });
    expectError(await tam.request({ method: 'POST', url: `/api/library/entries/${draft.id}/approve` }), 403, 'auth.forbidden');
    const approved = await lead.request({ method: 'POST', url: `/api/library/entries/${draft.id}/approve` });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: lead.memberId }, lastReviewedBy: { id: lead.memberId } });
    expect(Date.parse((approved.json() as LibraryEntry).reviewDueAt) - Date.now()).toBeGreaterThan(179 * DAY);
    expectError(await lead.request({ method: 'POST', url: `/api/library/entries/${draft.id}/approve` }), 409, 'library.status_conflict');
    const direct = await entry(lead, { question: 'Do you hold cyber insurance?', longAnswer: 'USD 10M.', status: 'approved' });
    expect(direct.status).toBe('approved');
    expect(direct.approvedAt).not.toBeNull();
  });

  it('keeps approved entries to their owner and managers: edits, variants, archive, restore, delete', async () => {
    const e = await entry(lead, {
      question: 'Do you encrypt backups?',
      longAnswer: 'Yes, AES-256.',
      ownerId: tam.memberId,
      status: 'approved',
    });
    expect(e.owner?.id).toBe(tam.memberId);
    // Another writer may not touch it.
    expectError(
      await tier2.request({ method: 'PATCH', url: `/api/library/entries/${e.id}`, payload: { longAnswer: 'No.' } }),
      403,
      'library.not_owner',
    );
    expectError(await tier2.request({ method: 'POST', url: `/api/library/entries/${e.id}/archive` }), 403, 'library.not_owner');
    expectError(
      await tier2.request({ method: 'POST', url: `/api/library/entries/${e.id}/variants`, payload: { text: 'Are backups encrypted?' } }),
      403,
      'library.not_owner',
    );
    // Its owner may, and stays approved.
    const edited = await tam.request({
      method: 'PATCH',
      url: `/api/library/entries/${e.id}`,
      payload: { longAnswer: 'Yes, AES-256 with KMS keys.', reviewIntervalDays: 90 },
    });
    expect(edited.json()).toMatchObject({ status: 'approved', longAnswer: 'Yes, AES-256 with KMS keys.', reviewIntervalDays: 90 });
    const added = await tam.request({
      method: 'POST',
      url: `/api/library/entries/${e.id}/variants`,
      payload: { text: 'Are backups encrypted?' },
    });
    expect(added.statusCode, added.body).toBe(201);
    const variant = (added.json() as LibraryEntry).variants[0]!;
    expect(variant.text).toBe('Are backups encrypted?');
    expectError(
      await tam.request({ method: 'POST', url: `/api/library/entries/${e.id}/variants`, payload: { text: 'are backups encrypted' } }),
      409,
      'library.variant_duplicate',
    );
    expectError(
      await tam.request({ method: 'DELETE', url: `/api/library/entries/${e.id}/variants/no-such-variant` }),
      404,
      'library.variant_not_found',
    );
    const removed = await tam.request({ method: 'DELETE', url: `/api/library/entries/${e.id}/variants/${variant.id}` });
    expect((removed.json() as LibraryEntry).variants).toEqual([]);
    // Approved entries are archived, not deleted.
    expectError(await lead.request({ method: 'DELETE', url: `/api/library/entries/${e.id}` }), 409, 'library.delete_in_use');
    const archived = await tam.request({ method: 'POST', url: `/api/library/entries/${e.id}/archive` });
    expect(archived.json()).toMatchObject({ status: 'archived', can: { edit: false, archive: true } });
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/library/entries/${e.id}`, payload: { longAnswer: 'x' } }),
      409,
      'library.status_conflict',
    );
    expect((await list(lead, 'limit=200')).items.some((i) => i.id === e.id)).toBe(false);
    expect((await list(lead, 'status=archived&limit=200')).items.some((i) => i.id === e.id)).toBe(true);
    const restored = await tam.request({ method: 'POST', url: `/api/library/entries/${e.id}/restore` });
    expect(restored.json()).toMatchObject({ status: 'draft' });
    const actions = await db().selectFrom('audit_log').select('action').where('record_id', '=', e.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual([
      'library_entry.created',
      'library_entry.updated',
      'library_entry.updated',
      'library_entry.updated',
      'library_entry.archived',
      'library_entry.restored',
    ]);
    // A draft nobody used may be deleted by its owner.
    const del = await tam.request({ method: 'DELETE', url: `/api/library/entries/${e.id}` });
    expect(del.statusCode, del.body).toBe(204);
    expectError(await tam.request({ method: 'GET', url: `/api/library/entries/${e.id}` }), 404, 'library.entry_not_found');
    expectError(
      await lead.request({ method: 'PATCH', url: `/api/library/entries/${e.id}`, payload: { question: 'Gone?' } }),
      404,
      'library.entry_not_found',
    );
  });

  it('refuses owners who are not active members', async () => {
    expectError(
      await create(tam, { question: 'Who owns this?', longAnswer: 'Nobody.', ownerId: 'no-such-member' }),
      422,
      'library.owner_unknown',
    );
  });

  it('flags stale entries, queues them with those due soon for their owner, and takes them out when reviewed', async () => {
    const owner = await signInAs(t, ['solutions_architect']);
    const [stale, dueSoon, later, draft] = await inTransaction(db(), (trx) =>
      insertEntries(
        trx,
        [
          {
            question: 'Stale: do you run a SOC?',
            longAnswer: 'Yes, 24/7.',
            status: 'approved',
            ownerId: owner.memberId,
            lastReviewedAt: daysAgo(200),
          },
          {
            question: 'Due soon: do you scan containers?',
            longAnswer: 'Yes.',
            status: 'approved',
            ownerId: owner.memberId,
            lastReviewedAt: daysAgo(170),
          },
          {
            question: 'Fresh: do you use a WAF?',
            longAnswer: 'Yes.',
            status: 'approved',
            ownerId: owner.memberId,
            lastReviewedAt: daysAgo(10),
          },
          {
            question: 'Draft: do you sign BAAs?',
            longAnswer: 'No.',
            status: 'draft',
            ownerId: owner.memberId,
            lastReviewedAt: daysAgo(400),
          },
        ],
        null,
        new Date().toISOString(),
      ),
    );
    const mine = await queue(owner);
    expect(mine.items.map((i) => i.id)).toEqual([stale, dueSoon]);
    expect(mine.counts).toEqual({ stale: 1, dueSoon: 1 });
    expect(mine.items[0]).toMatchObject({ stale: true, can: { review: true } });
    expect(mine.items[1]).toMatchObject({ stale: false });
    // Someone else's queue is empty by default; "all" shows everyone's.
    expect((await queue(tam)).items).toEqual([]);
    expect((await queue(tam, 'owner=all&limit=200')).items.map((i) => i.id)).toEqual(expect.arrayContaining([stale, dueSoon]));
    expect((await queue(tam, `owner=${owner.memberId}`)).items).toHaveLength(2);
    // The list filters on staleness; drafts are never stale.
    expect((await list(owner, 'stale=true&owner=me')).items.map((i) => i.id)).toEqual([stale]);
    const fresh = (await list(owner, 'stale=false&owner=me')).items.map((i) => i.id);
    expect(fresh).toEqual(expect.arrayContaining([dueSoon, later, draft]));
    expect(fresh).not.toContain(stale);
    // Reviewing: owner or manager only, approved entries only; edits come along.
    expectError(await tam.request({ method: 'POST', url: `/api/library/entries/${stale}/review`, payload: {} }), 403, 'library.not_owner');
    expectError(
      await owner.request({ method: 'POST', url: `/api/library/entries/${draft}/review`, payload: {} }),
      409,
      'library.status_conflict',
    );
    const reviewed = await owner.request({
      method: 'POST',
      url: `/api/library/entries/${stale}/review`,
      payload: { longAnswer: 'Yes, 24/7 with an MDR partner.' },
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toMatchObject({
      stale: false,
      longAnswer: 'Yes, 24/7 with an MDR partner.',
      lastReviewedBy: { id: owner.memberId },
    });
    expect((await queue(owner)).items.map((i) => i.id)).toEqual([dueSoon]);
    const audit = await db().selectFrom('audit_log').select(['action', 'changes']).where('record_id', '=', stale!).execute();
    expect(audit.map((a) => a.action)).toEqual(['library_entry.reviewed']);
    expect(JSON.parse(audit[0]!.changes!)).toHaveProperty('last_reviewed_at');
  });

  it('tells owners of newly stale entries once per staleness, in the app and by e-mail', async () => {
    const owner = await signInAs(t, ['technical_account_manager']);
    const [a, b] = await inTransaction(db(), (trx) =>
      insertEntries(
        trx,
        [
          {
            question: 'Notify: do you pen test yearly?',
            longAnswer: 'Yes.',
            status: 'approved',
            ownerId: owner.memberId,
            lastReviewedAt: daysAgo(181),
          },
          {
            question: 'Notify: is there a DPA?',
            longAnswer: 'Yes.',
            status: 'approved',
            ownerId: owner.memberId,
            lastReviewedAt: daysAgo(190),
          },
        ],
        null,
        new Date().toISOString(),
      ),
    );
    const notices = () => db().selectFrom('notifications').selectAll().where('member_id', '=', owner.memberId).execute();
    const first = await runLibraryReviewPass(db());
    expect(first.entries).toBeGreaterThanOrEqual(2);
    let mine = await notices();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'presales.library_review_due', link: '/presales/library?tab=review' });
    expect(mine[0]!.title).toBe('2 library answers you own are due for review');
    expect(mine[0]!.body).toContain('Notify: is there a DPA?');
    const mail = await db().selectFrom('outbox_emails').selectAll().where('to_addresses', 'like', `%${owner.email}%`).execute();
    expect(mail).toHaveLength(1);
    // The next day's pass tells nobody again.
    await runLibraryReviewPass(db(), new Date(Date.now() + DAY));
    expect(await notices()).toHaveLength(1);
    // Reviewed, then stale again 180 days later: told again, about that entry only.
    await owner.request({ method: 'POST', url: `/api/library/entries/${a}/review`, payload: {} });
    const later = await runLibraryReviewPass(db(), new Date(Date.now() + 181 * DAY));
    expect(later.entries).toBeGreaterThanOrEqual(1);
    mine = await notices();
    expect(mine).toHaveLength(2);
    expect(mine.map((n) => n.title)).toContain('A library answer you own is due for review');
    void b;
  });

  it('searches questions, variants and answers with ranking, filters and cursor pages', async () => {
    const area = `Search area ${Date.now()}`;
    const make = (question: string, variants: string[], longAnswer: string, extra: Record<string, unknown> = {}) =>
      entry(lead, { question, variants, longAnswer, productArea: area, status: 'approved', ...extra });
    const atRest = await make('Is customer data encrypted at rest?', ['Do you encrypt stored data?'], 'AES-256 everywhere.', {
      tags: ['encryption'],
    });
    const transit = await make('Is data encrypted in transit?', ['Which TLS versions do you support?'], 'TLS 1.2 and 1.3 only.', {
      tags: ['encryption', 'TLS'],
    });
    const sso = await make('Do you support SAML single sign-on?', ['Can we log in through Okta?'], 'SAML 2.0 and OIDC.', {
      ownerId: tam.memberId,
    });
    const draft = await entry(tier2, {
      question: 'Draft: do you encrypt laptops?',
      longAnswer: 'Full-disk encryption.',
      productArea: area,
    });

    // A variant's words find its entry first.
    const stored = await list(reader, `q=${encodeURIComponent('encrypt stored data')}&productArea=${encodeURIComponent(area)}`);
    expect(stored.items[0]!.id).toBe(atRest.id);
    expect(stored.items[0]!.score).toBeGreaterThan(50);
    // Words only the answer holds find it too; the last word completes as a prefix.
    expect((await list(reader, `q=okta&productArea=${encodeURIComponent(area)}`)).items.map((i) => i.id)).toEqual([sso.id]);
    expect((await list(reader, `q=TLS%20vers&productArea=${encodeURIComponent(area)}`)).items[0]!.id).toBe(transit.id);
    // Filters: tag, owner, status; drafts are listed unless filtered out.
    const encrypted = await list(reader, `q=encrypted&productArea=${encodeURIComponent(area)}`);
    expect(encrypted.items.map((i) => i.id).sort()).toEqual([atRest.id, transit.id, draft.id].sort());
    expect((await list(reader, `q=encrypted&tag=TLS&productArea=${encodeURIComponent(area)}`)).items.map((i) => i.id)).toEqual([
      transit.id,
    ]);
    expect((await list(reader, `tag=TLS&productArea=${encodeURIComponent(area)}`)).items.map((i) => i.id)).toEqual([transit.id]);
    expect((await list(tam, `owner=me&productArea=${encodeURIComponent(area)}`)).items.map((i) => i.id)).toEqual([sso.id]);
    expect((await list(reader, `status=draft&productArea=${encodeURIComponent(area)}`)).items.map((i) => i.id)).toEqual([draft.id]);
    // Cursor pages, ranked and browsed, cover everything once.
    for (const q of ['q=encrypted%20data&', '']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: LibraryList = await list(
          reader,
          `${q}productArea=${encodeURIComponent(area)}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.items.map((i) => i.id));
        expect(page.total).toBe(q ? 3 : 4);
        cursor = page.nextCursor;
      } while (cursor && ++pages < 10);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(q ? 3 : 4);
    }
    expectError(await reader.request({ method: 'GET', url: '/api/library/entries?cursor=garbage' }), 400, 'request.invalid_cursor');
    // The facets list the area and tags in use.
    const facets = (await reader.request({ method: 'GET', url: '/api/library/facets' })).json() as LibraryFacets;
    expect(facets.productAreas.find((a) => a.name === area)?.count).toBe(4);
    expect(facets.tags.find((tg) => tg.name === 'TLS')?.count).toBeGreaterThanOrEqual(1);
  });

  it('counts uses of an entry', async () => {
    const e = await entry(lead, { question: 'Counted: do you have an SLA?', longAnswer: '99.9%.', status: 'approved' });
    await inTransaction(db(), async (trx) => {
      await recordLibraryUse(trx, e.id);
      await recordLibraryUse(trx, e.id);
      await recordLibraryUse(trx, 'no-such-entry');
    });
    const after = (await lead.request({ method: 'GET', url: `/api/library/entries/${e.id}` })).json() as LibraryEntry;
    expect(after.usageCount).toBe(2);
    expect(after.lastUsedAt).not.toBeNull();
    // A used draft is not deleted (it would lose the answers' source).
    const used = await entry(tam, { question: 'Counted draft?', longAnswer: 'x' });
    await inTransaction(db(), (trx) => recordLibraryUse(trx, used.id));
    expectError(await tam.request({ method: 'DELETE', url: `/api/library/entries/${used.id}` }), 409, 'library.delete_in_use');
  });

  it('imports a CSV row by row: imported, updated by the same question, skipped with the reason', async () => {
    await entry(tam, { question: 'Import: do you have a status page?', longAnswer: 'Old answer.', variants: ['Is there a status page?'] });
    const locked = await entry(lead, { question: 'Import: is the approved answer locked?', longAnswer: 'Yes.', status: 'approved' });
    const csv = [
      csvLine(['Question', 'Variants', 'Short answer', 'Long answer', 'Product area', 'Tags', 'Owner e-mail', 'Alternate question']),
      csvLine([
        'Import: do you support SSO?',
        'Is SAML supported?; Can we use Okta?',
        'Yes',
        'SAML 2.0.',
        'Identity',
        'SSO, SAML',
        lead.email,
        'Do you offer single sign-on?',
      ]),
      csvLine(['', '', '', '', '', '', '', '']),
      csvLine(['', 'orphan variant', 'Yes', 'An answer without a question', '', '', '', '']),
      csvLine(['Import: is data encrypted?', '', 'Maybe', 'Depends.', '', '', '', '']),
      csvLine(['Import: do you support SSO?', '', 'No', 'A second copy.', '', '', '', '']),
      csvLine(['import: do you have a status page', 'Do you publish incidents?', 'yes', 'status.example.com', '', '', '', '']),
      csvLine(['Import: is the approved answer locked?', '', 'No', 'Overwritten?', '', '', '', '']),
      csvLine(['Import: who owns this?', '', 'N/A', '', '', '', 'nobody@nowhere.test', '']),
      csvLine(['Import: no answer at all?', '', '', '', '', '', '', '']),
    ].join('\r\n');
    const res = await upload(tam, 'library.csv', `\uFEFF${csv}\r\n`);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as LibraryImportReport;
    expect({ imported: report.imported, updated: report.updated, skipped: report.skipped }).toEqual({
      imported: 2,
      updated: 1,
      skipped: 6,
    });
    const byRow = new Map(report.rows.map((r) => [r.row, r]));
    expect(report.rows).toHaveLength(9);
    expect(byRow.get(2)).toMatchObject({ outcome: 'imported', reason: null });
    expect(byRow.get(3)).toMatchObject({ outcome: 'skipped', reason: 'Empty row.' });
    expect(byRow.get(4)!.reason).toMatch(/No question in column A/);
    expect(byRow.get(5)!.reason).toMatch(/"Maybe" is not Yes, No or N\/A/);
    expect(byRow.get(6)!.reason).toBe('Same question as row 2, which is imported instead.');
    expect(byRow.get(7)).toMatchObject({ outcome: 'updated' });
    expect(byRow.get(8)).toMatchObject({ outcome: 'skipped', entryId: locked.id });
    expect(byRow.get(8)!.reason).toMatch(/only its owner or a library manager/);
    expect(byRow.get(9)).toMatchObject({ outcome: 'imported' });
    expect(byRow.get(9)!.reason).toMatch(/nobody@nowhere.test is not an active member/);
    expect(byRow.get(10)!.reason).toMatch(/No answer/);
    expect(report.columns.map((c) => c.field)).toEqual([
      'question',
      'variants',
      'shortAnswer',
      'longAnswer',
      'productArea',
      'tags',
      'ownerEmail',
      'variants',
    ]);

    const sso = (await tam.request({ method: 'GET', url: `/api/library/entries/${byRow.get(2)!.entryId}` })).json() as LibraryEntry;
    expect(sso).toMatchObject({
      status: 'draft',
      shortAnswer: 'yes',
      productArea: 'Identity',
      tags: ['SSO', 'SAML'],
      owner: { id: lead.memberId },
    });
    expect(sso.variants.map((v) => v.text)).toEqual(['Is SAML supported?', 'Can we use Okta?', 'Do you offer single sign-on?']);
    const status = (await tam.request({ method: 'GET', url: `/api/library/entries/${byRow.get(7)!.entryId}` })).json() as LibraryEntry;
    expect(status).toMatchObject({ longAnswer: 'status.example.com', shortAnswer: 'yes' });
    expect(status.variants.map((v) => v.text)).toEqual(['Is there a status page?', 'Do you publish incidents?']);
    expect((await tam.request({ method: 'GET', url: `/api/library/entries/${locked.id}` })).json()).toMatchObject({ longAnswer: 'Yes.' });
    // The same file again: nothing new, the rows update what they made.
    const again = (await upload(tam, 'library.csv', csv)).json() as LibraryImportReport;
    expect(again.imported).toBe(0);
    expect(again.updated).toBe(3);
  });

  it('imports an XLSX workbook: finds the sheet and header, reads merged cells and formulas, takes approval from managers only', async () => {
    const book = await libraryWorkbook();
    expectError(await upload(tam, 'library.xlsx', book, { status: 'approved' }), 403, 'library.approve_needs_manager');
    const res = await upload(lead, 'library.xlsx', book, { status: 'approved' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as LibraryImportReport;
    expect(report.sheet).toBe('Library');
    expect(report.rows.map((r) => [r.row, r.outcome])).toEqual([
      [4, 'imported'],
      [5, 'imported'],
      [6, 'imported'],
    ]);
    const rows = await db()
      .selectFrom('library_entries')
      .select(['question', 'product_area', 'status', 'short_answer'])
      .where(
        'id',
        'in',
        report.rows.map((r) => r.entryId!),
      )
      .orderBy('question')
      .execute();
    expect(rows).toEqual([
      { question: 'Do you rotate encryption keys?', product_area: 'Data protection', status: 'approved', short_answer: 'yes' },
      { question: 'Do you support hardware security keys?', product_area: 'Data protection', status: 'approved', short_answer: 'yes' },
      { question: 'Is data backed up daily?', product_area: null, status: 'approved', short_answer: 'yes' },
    ]);
    const keys = (await list(lead, `q=${encodeURIComponent('rotate encryption keys')}`)).items[0]!;
    expect(keys.variants.map((v) => v.text)).toEqual(['How often are keys rotated?', 'Is key rotation automatic?']);
    expect(keys.tags).toEqual(['encryption', 'KMS']);
  });

  it('refuses files it cannot read, with a reason', async () => {
    expectError(await upload(tam, 'notes.csv', 'Title,Body\nhello,world\n'), 422, 'library.import_no_question_column');
    expectError(await upload(tam, 'broken.xlsx', Buffer.from('PK not really a zip')), 422, 'library.import_unreadable');
    expectError(
      await upload(tam, 'latin1.csv', Buffer.from([0x51, 0x75, 0x65, 0x73, 0x74, 0x69, 0x6f, 0x6e, 0x0a, 0xe9, 0xe8])),
      422,
      'library.import_unreadable',
    );
    expectError(await upload(tam, 'library.csv', 'Question\nx\n', { status: 'published' }), 400, 'request.invalid');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Only notes').getCell('A1').value = 'Nothing to import';
    expectError(await upload(tam, 'empty.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), 422, 'library.import_no_question_column');
    expectError(await upload(tam, 'library.xlsx', await libraryWorkbook(), { sheet: 'Nope' }), 422, 'library.import_sheet_not_found');
    const noFile = await tam.request({ method: 'POST', url: '/api/library/import', payload: { question: 'x' } });
    expectError(noFile, 400);
  });

  it('imports 5,000 rows in one go and refuses 5,001', async () => {
    const stamp = Date.now().toString(36);
    const header = csvLine(['Question', 'Variants', 'Short answer', 'Long answer', 'Product area', 'Tags']);
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) =>
        csvLine([
          `Bulk ${stamp} question number ${i}?`,
          `Bulk ${stamp} phrasing ${i}`,
          i % 2 ? 'Yes' : 'No',
          `Answer ${i} for the bulk import.`,
          'Bulk',
          'bulk',
        ]),
      );
    expectError(await upload(lead, 'too-many.csv', [header, ...rows(5001)].join('\n')), 413, 'library.import_too_many_rows');
    const res = await upload(lead, 'bulk.csv', [header, ...rows(5000)].join('\n'));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const report = res.json() as LibraryImportReport;
    expect(report.imported).toBe(5000);
    expect(report.skipped).toBe(0);
    expect((await list(lead, `q=${encodeURIComponent(`bulk ${stamp} phrasing 4321`)}&limit=1`)).items[0]!.question).toBe(
      `Bulk ${stamp} question number 4321?`,
    );
  }, 120_000);

  it('seeds through the bulk service with audit entries', async () => {
    const { createEntriesInBulk } = await import('./library-service.js');
    const [id] = await createEntriesInBulk(db(), SYSTEM_CONTEXT, [
      { question: 'Seeded: do you have an ISMS?', longAnswer: 'Yes.', status: 'approved', lastReviewedAt: daysAgo(30), usageCount: 4 },
    ]);
    const e = (await lead.request({ method: 'GET', url: `/api/library/entries/${id}` })).json() as LibraryEntry;
    expect(e).toMatchObject({ usageCount: 4, status: 'approved', stale: false });
    expect(Date.parse(e.createdAt)).toBeLessThanOrEqual(Date.parse(e.lastReviewedAt!));
  });
});
