import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { CollateralItem, CollateralItemDetail, CollateralSend, CollateralVersion } from '../contract/collateral.js';
import { insertOpportunity } from '../opportunities/test-opportunities.js';
import { docxBytes, EXE_BYTES, pdfBytes } from './test-files.js';

const LIMIT = 256 * 1024;

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body, as a browser's file upload sends it. */
function multipart(parts: Part[]) {
  const boundary = `----outpost${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('presales collateral on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let stakeholder: SignedIn;
  let accountId: string;
  let otherAccountId: string;
  let contactIds: string[];
  let strangerId: string;
  let opportunityId: string;
  let otherOpportunityId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    process.env.OUTPOST_MAX_COLLATERAL_BYTES = String(LIMIT);
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    stakeholder = await signInAs(t, ['stakeholder']);
    const n = unique();
    const account = await createAccountViaService(t.db, { name: `Kestrel ${n}`, domains: [`kestrel-${n}.test`] });
    const other = await createAccountViaService(t.db, { name: `Maple ${n}`, domains: [`maple-${n}.test`] });
    accountId = account.id;
    otherAccountId = other.id;
    contactIds = [
      (await createContactViaService(t.db, accountId, { name: 'Ada Reyes', email: `ada@kestrel-${n}.test` })).id,
      (await createContactViaService(t.db, accountId, { name: 'Ben Ito', email: `ben@kestrel-${n}.test` })).id,
    ];
    strangerId = (await createContactViaService(t.db, otherAccountId, { name: 'Cy Moss', email: `cy@maple-${n}.test` })).id;
    opportunityId = await insertOpportunity(db(), accountId, { name: 'Kestrel — Maintenance analytics' });
    otherOpportunityId = await insertOpportunity(db(), otherAccountId, { name: 'Maple — Security suite' });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.OUTPOST_MAX_COLLATERAL_BYTES;
  });

  const create = (metadata: unknown, file: { bytes: Buffer; filename: string; type?: string } | null, who: SignedIn = se) =>
    who.request({
      method: 'POST',
      url: '/api/collateral',
      ...multipart([
        ...(metadata === undefined
          ? []
          : [{ name: 'metadata', value: typeof metadata === 'string' ? metadata : JSON.stringify(metadata) }]),
        ...(file
          ? [{ name: 'file', value: file.bytes, filename: file.filename, contentType: file.type ?? 'application/octet-stream' }]
          : []),
      ]),
    });
  const uploadVersion = (itemId: string, bytes: Buffer, filename: string, note?: string, who: SignedIn = se) =>
    who.request({
      method: 'POST',
      url: `/api/collateral/${itemId}/versions`,
      ...multipart([
        ...(note ? [{ name: 'note', value: note }] : []),
        { name: 'file', value: bytes, filename, contentType: 'application/pdf' },
      ]),
    });
  const send = (oppId: string, body: Record<string, unknown>, who: SignedIn = se) =>
    who.request({ method: 'POST', url: `/api/opportunities/${oppId}/collateral-sends`, payload: body });
  const counts = async () => ({
    items: (await db().selectFrom('collateral_items').select('id').execute()).length,
    versions: (await db().selectFrom('collateral_versions').select('id').execute()).length,
    sends: (await db().selectFrom('collateral_sends').select('id').execute()).length,
    interactions: (await db().selectFrom('interactions').select('id').execute()).length,
    audit: (await db().selectFrom('audit_log').select('id').execute()).length,
  });
  const newItem = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await create({ title, kind: 'whitepaper', ...extra }, { bytes: await pdfBytes(title), filename: `${title}.pdf` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as CollateralItemDetail;
  };

  it('uploads a PDF, then a second version, and downloads each version’s exact bytes as an attachment', async () => {
    const v1 = await pdfBytes('Kestrel maintenance analytics case study', ['Version one']);
    const res = await create(
      {
        title: 'Kestrel maintenance analytics case study',
        kind: 'case_study',
        productArea: 'Analytics',
        tags: ['Aviation', 'predictive maintenance', 'aviation'],
        description: 'How Kestrel cut unplanned downtime.',
        industries: ['Aerospace'],
        segments: ['enterprise'],
        note: 'First cut',
      },
      { bytes: v1, filename: 'Kestrel case study – 2026.pdf', type: 'application/pdf' },
    );
    expect(res.statusCode, res.body).toBe(201);
    const item = res.json() as CollateralItemDetail;
    expect(item).toMatchObject({
      title: 'Kestrel maintenance analytics case study',
      kind: 'case_study',
      productArea: 'Analytics',
      tags: ['Aviation', 'predictive maintenance'],
      industries: ['Aerospace'],
      segments: ['enterprise'],
      status: 'current',
      owner: { id: se.memberId },
      versionCount: 1,
      sendCount: 0,
      currentVersion: { number: 1, filename: 'Kestrel case study – 2026.pdf', contentType: 'application/pdf', sizeBytes: v1.length },
    });
    expect(item.versions).toHaveLength(1);
    expect(item.versions[0]).toMatchObject({ number: 1, note: 'First cut', uploadedBy: { id: se.memberId }, sendCount: 0 });

    const v2 = await pdfBytes('Kestrel maintenance analytics case study', ['Version two, with the 2026 figures']);
    const second = await uploadVersion(item.id, v2, 'kestrel-v2.pdf', 'Updated figures');
    expect(second.statusCode, second.body).toBe(201);
    const version = second.json() as CollateralVersion;
    expect(version).toMatchObject({ number: 2, note: 'Updated figures', filename: 'kestrel-v2.pdf', sizeBytes: v2.length });

    const detail = (await stakeholder.request({ method: 'GET', url: `/api/collateral/${item.id}` })).json() as CollateralItemDetail;
    expect(detail.currentVersion?.id).toBe(version.id);
    expect(detail.versionCount).toBe(2);
    expect(detail.versions.map((v) => [v.number, v.note])).toEqual([
      [2, 'Updated figures'],
      [1, 'First cut'],
    ]);

    for (const [v, bytes] of [
      [detail.versions[0]!, v2],
      [detail.versions[1]!, v1],
    ] as const) {
      const download = await stakeholder.request({ method: 'GET', url: v.downloadUrl });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-length']).toBe(String(bytes.length));
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(String(download.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+"; filename\*=UTF-8''/);
      expect(v.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect((await stakeholder.request({ method: 'GET', url: detail.versions[1]!.downloadUrl })).headers['content-disposition']).toBe(
      `attachment; filename="Kestrel case study _ 2026.pdf"; filename*=UTF-8''Kestrel%20case%20study%20%E2%80%93%202026.pdf`,
    );

    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', item.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['collateral.created', 'collateral.version_uploaded']);
  });

  it('accepts Office and text files under their own content type', async () => {
    const docx = await create(
      { title: 'Grid monitoring solution guide', kind: 'solution_guide' },
      { bytes: await docxBytes(), filename: 'guide.docx' },
    );
    expect(docx.statusCode, docx.body).toBe(201);
    expect(docx.json().currentVersion.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const md = await create(
      { title: 'Talk track', kind: 'other' },
      { bytes: Buffer.from('# Talk track\n'), filename: 'talk.md', type: '' },
    );
    expect(md.statusCode, md.body).toBe(201);
    expect(md.json().currentVersion.contentType).toBe('text/markdown');
  });

  it('refuses programs, other types, empty and oversized files and bad details, and keeps nothing of them', async () => {
    const pdf = await pdfBytes('Fine');
    const before = await counts();
    const meta = { title: 'Refused', kind: 'datasheet' };

    const exe = await create(meta, { bytes: EXE_BYTES, filename: 'datasheet.pdf', type: 'application/pdf' });
    expect(expectError(exe, 415, 'collateral.type_not_allowed').details).toMatchObject({
      filename: 'datasheet.pdf',
      reason: 'the content is a program or script',
    });
    expectError(await create(meta, { bytes: EXE_BYTES, filename: 'setup.exe' }), 415, 'collateral.type_not_allowed');
    expectError(await create(meta, { bytes: Buffer.from('<svg/>'), filename: 'logo.svg' }), 415, 'collateral.type_not_allowed');
    expectError(await create(meta, { bytes: Buffer.from('hello'), filename: 'fake.pdf' }), 415, 'collateral.type_not_allowed');
    expectError(await create(meta, { bytes: Buffer.alloc(0), filename: 'empty.pdf' }), 422, 'collateral.file_empty');
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(LIMIT, 0x20)]);
    expect(expectError(await create(meta, { bytes: big, filename: 'big.pdf' }), 413, 'collateral.too_large').details.limitBytes).toBe(
      LIMIT,
    );

    expectError(await create(meta, null), 400, 'collateral.file_missing');
    expectError(await create(undefined, { bytes: pdf, filename: 'x.pdf' }), 400, 'collateral.metadata_missing');
    const badJson = expectError(await create('{"title": ', { bytes: pdf, filename: 'x.pdf' }), 400, 'request.invalid');
    expect(badJson.message).toContain('metadata');
    const noTitle = expectError(await create({ title: ' ', kind: 'brochure' }, { bytes: pdf, filename: 'x.pdf' }), 400, 'request.invalid');
    expect((noTitle.details.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(['metadata.kind', 'metadata.title']);
    const surprise = expectError(await create({ ...meta, surprise: 1 }, { bytes: pdf, filename: 'x.pdf' }), 400, 'request.invalid');
    expect(surprise.message).toContain('surprise');
    expectError(await create({ ...meta, title: 'Nul\u0000' }, { bytes: pdf, filename: 'x.pdf' }), 400, 'request.nul_character');
    expectError(
      await create({ ...meta, ownerId: 'no-such-member' }, { bytes: pdf, filename: 'x.pdf' }),
      422,
      'request.reference_not_found',
    );
    const json = await se.request({ method: 'POST', url: '/api/collateral', payload: meta });
    expectError(json, 400, 'collateral.file_missing');

    const item = await newItem(`Versioned ${unique()}`);
    const mid = await counts();
    expectError(await uploadVersion(item.id, EXE_BYTES, 'v2.pdf'), 415, 'collateral.type_not_allowed');
    expectError(await uploadVersion(item.id, big, 'v2.pdf'), 413, 'collateral.too_large');
    expectError(await uploadVersion('no-such-item', pdf, 'v2.pdf'), 404, 'collateral.not_found');
    expect(await counts()).toEqual(mid);
    expect(mid.items).toBe(before.items + 1);
    expect(mid.versions).toBe(before.versions + 1);
  });

  it('answers 404 for a version asked for under another item or one that does not exist', async () => {
    const a = await newItem(`Item A ${unique()}`);
    const b = await newItem(`Item B ${unique()}`);
    const versionOfA = a.versions[0]!.id;
    expectError(
      await se.request({ method: 'GET', url: `/api/collateral/${b.id}/versions/${versionOfA}/file` }),
      404,
      'collateral.version_not_found',
    );
    expectError(
      await se.request({ method: 'GET', url: `/api/collateral/no-such/versions/${versionOfA}/file` }),
      404,
      'collateral.not_found',
    );
    expectError(await se.request({ method: 'GET', url: '/api/collateral/no-such' }), 404, 'collateral.not_found');
  });

  it('searches title, description and tags, filters by kind, product area, tag and status, and pages with a cursor', async () => {
    const n = unique();
    const one = await newItem(`Zulu résumé ${n}`, { kind: 'datasheet', productArea: `Grid ${n}`, tags: [`Solar ${n}`] });
    const two = await newItem(`Yankee ${n}`, { kind: 'datasheet', productArea: `Grid ${n}`, description: `Covers RESUME flows ${n}` });
    const three = await newItem(`Xray ${n}`, { kind: 'presentation', tags: [`solar ${n}`, 'Résumé'] });
    const ids = async (query: Record<string, string | number>) => {
      const res = await se.request({
        method: 'GET',
        url: '/api/collateral',
        query: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as CollateralItem[]).map((i) => i.id);
    };
    // Title (one), description (two) and a tag (three), whatever the case and accents.
    expect((await ids({ q: `resume ${n}` })).sort()).toEqual([one.id, two.id, three.id].sort());
    expect((await ids({ q: `flows ${n}` })).sort()).toEqual([two.id]);
    expect(await ids({ q: `RÉSUMÉ`, kind: 'presentation' })).toEqual([three.id]);
    expect((await ids({ kind: 'datasheet', productArea: `grid ${n}` })).sort()).toEqual([one.id, two.id].sort());
    expect((await ids({ tag: `SOLAR ${n}` })).sort()).toEqual([one.id, three.id].sort());
    expect(await ids({ q: `${n}`, sort: 'title' })).toEqual([three.id, two.id, one.id]);

    // Paging over everything created so far: every item once, in order, however the pages fall.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res = await se.request({ method: 'GET', url: '/api/collateral', query: { limit: '2', ...(cursor ? { cursor } : {}) } });
      const body = res.json() as { items: CollateralItem[]; nextCursor: string | null };
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    const all = await db().selectFrom('collateral_items').select('id').where('status', '=', 'current').execute();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.map((r) => r.id).sort());
    expectError(
      await se.request({ method: 'GET', url: '/api/collateral', query: { sort: 'most_sent', cursor: 'garbage' } }),
      400,
      'request.invalid_cursor',
    );

    // Archived items leave the default list, stay under status=archived and can be restored.
    const archived = await se.request({ method: 'PATCH', url: `/api/collateral/${two.id}`, payload: { status: 'archived' } });
    expect(archived.json().status).toBe('archived');
    expect(await ids({ q: `${n}` })).not.toContain(two.id);
    expect(await ids({ q: `${n}`, status: 'archived' })).toEqual([two.id]);
    const facets = (await se.request({ method: 'GET', url: '/api/collateral/facets' })).json();
    expect(facets.productAreas).toContainEqual({ value: `Grid ${n}`, count: 1 });
    expect(facets.tags).toContainEqual({ value: `Solar ${n}`, count: 2 });
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', two.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['collateral.created', 'collateral.archived']);

    const edited = await se.request({
      method: 'PATCH',
      url: `/api/collateral/${two.id}`,
      payload: { status: 'current', tags: [`wind ${n}`], productArea: null },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'current', tags: [`wind ${n}`], productArea: null });
    expect(await ids({ tag: `Wind ${n}` })).toEqual([two.id]);
  });

  it('records a send for an opportunity, lists it both ways, logs an e-mail on the account timeline and counts it', async () => {
    const item = await newItem(`Security & compliance whitepaper ${unique()}`);
    const v1 = item.versions[0]!;
    const res = await send(opportunityId, {
      versionId: v1.id,
      contactIds: [contactIds[0], contactIds[1], contactIds[0]],
      note: 'After the SOC 2 call',
    });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json() as CollateralSend;
    expect(sent).toMatchObject({
      item: { id: item.id, title: item.title },
      version: { id: v1.id, number: 1, downloadUrl: v1.downloadUrl },
      superseded: false,
      opportunity: { id: opportunityId, name: 'Kestrel — Maintenance analytics', accountId },
      contacts: [
        { id: contactIds[0], name: 'Ada Reyes' },
        { id: contactIds[1], name: 'Ben Ito' },
      ],
      note: 'After the SOC 2 call',
      sentBy: { id: se.memberId },
    });
    expect(sent.opportunity.accountName).toMatch(/^Kestrel/);

    // The account team sees it on the timeline, as an e-mail with the contacts and the sender.
    const timeline = (await stakeholder.request({ method: 'GET', url: `/api/accounts/${accountId}/interactions` })).json();
    const logged = timeline.items.find((i: { id: string }) => i.id === sent.interactionId);
    expect(logged).toMatchObject({ kind: 'email', subject: `Sent “${item.title}” (version 1) for Kestrel — Maintenance analytics` });
    expect(logged.notes).toContain('After the SOC 2 call');
    expect(logged.attendees.map((a: { id: string }) => a.id).sort()).toEqual([se.memberId, ...contactIds].sort());

    // A newer version supersedes what was sent; the history still names version 1.
    const v2 = (await uploadVersion(item.id, await pdfBytes('v2'), 'v2.pdf')).json() as CollateralVersion;
    expect((await send(otherOpportunityId, { versionId: v2.id })).statusCode).toBe(201);
    expect((await send(opportunityId, { versionId: v2.id, contactIds: [contactIds[1]] })).statusCode).toBe(201);

    const history = (await stakeholder.request({ method: 'GET', url: `/api/collateral/${item.id}/sends` })).json();
    expect(history.items.map((s: CollateralSend) => [s.opportunity.id, s.version.number, s.superseded])).toEqual([
      [opportunityId, 2, false],
      [otherOpportunityId, 2, false],
      [opportunityId, 1, true],
    ]);
    const paged = (await stakeholder.request({ method: 'GET', url: `/api/collateral/${item.id}/sends`, query: { limit: '2' } })).json();
    expect(paged.items).toHaveLength(2);
    const rest = (
      await stakeholder.request({ method: 'GET', url: `/api/collateral/${item.id}/sends`, query: { limit: '2', cursor: paged.nextCursor } })
    ).json();
    expect(rest.items.map((s: CollateralSend) => s.id)).toEqual([sent.id]);

    const forDeal = (await stakeholder.request({ method: 'GET', url: `/api/opportunities/${opportunityId}/collateral-sends` })).json();
    expect(forDeal.opportunity).toMatchObject({ id: opportunityId, accountId });
    const mine = forDeal.items.filter((s: CollateralSend) => s.item.id === item.id);
    expect(mine.map((s: CollateralSend) => s.version.number)).toEqual([2, 1]);
    const otherDeal = (await se.request({ method: 'GET', url: `/api/opportunities/${otherOpportunityId}/collateral-sends` })).json();
    expect(otherDeal.items.map((s: CollateralSend) => s.item.id)).toContain(item.id);

    const detail = (await se.request({ method: 'GET', url: `/api/collateral/${item.id}` })).json() as CollateralItemDetail;
    expect(detail.sendCount).toBe(3);
    expect(detail.versions.map((v) => [v.number, v.sendCount])).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const most = (await se.request({ method: 'GET', url: '/api/collateral/most-sent', query: { days: '30' } })).json();
    expect(most.items[0]).toMatchObject({ item: { id: item.id }, sends: 3, opportunities: 2 });
    const byMostSent = (await se.request({ method: 'GET', url: '/api/collateral', query: { sort: 'most_sent', limit: '1' } })).json();
    expect(byMostSent.items[0].id).toBe(item.id);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', item.id)
      .where('action', '=', 'collateral.sent')
      .execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses a send to another account’s contact, of an unknown version or contact, of archived collateral, or for an unknown deal', async () => {
    const item = await newItem(`Refused sends ${unique()}`);
    const versionId = item.versions[0]!.id;
    const before = await counts();
    expectError(
      await send(opportunityId, { versionId, contactIds: [contactIds[0], strangerId] }),
      422,
      'collateral.contact_not_on_account',
    );
    expectError(await send(opportunityId, { versionId, contactIds: ['no-such-contact'] }), 422, 'request.reference_not_found');
    expect(expectError(await send(opportunityId, { versionId: 'no-such-version' }), 422, 'request.reference_not_found').details.field).toBe(
      'versionId',
    );
    expectError(await send('no-such-opportunity', { versionId }), 404, 'opportunities.not_found');
    expect(await counts()).toEqual(before);
    await se.request({ method: 'PATCH', url: `/api/collateral/${item.id}`, payload: { status: 'archived' } });
    const afterArchive = await counts();
    expectError(await send(opportunityId, { versionId }), 409, 'collateral.archived');
    expectError(await uploadVersion(item.id, await pdfBytes('x'), 'x.pdf'), 409, 'collateral.archived');
    expect(await counts()).toEqual(afterArchive);
  });

  it('lets a stakeholder read and download but not upload, edit or send', async () => {
    const item = await newItem(`Read only ${unique()}`);
    expect((await stakeholder.request({ method: 'GET', url: '/api/collateral' })).statusCode).toBe(200);
    expect((await stakeholder.request({ method: 'GET', url: item.versions[0]!.downloadUrl })).statusCode).toBe(200);
    expect((await stakeholder.request({ method: 'GET', url: `/api/collateral/${item.id}/sends` })).statusCode).toBe(200);
    const before = await counts();
    expectError(
      await create({ title: 'Nope', kind: 'other' }, { bytes: await pdfBytes('Nope'), filename: 'nope.pdf' }, stakeholder),
      403,
      'auth.forbidden',
    );
    expectError(await uploadVersion(item.id, await pdfBytes('Nope'), 'nope.pdf', undefined, stakeholder), 403, 'auth.forbidden');
    expectError(
      await stakeholder.request({ method: 'PATCH', url: `/api/collateral/${item.id}`, payload: { status: 'archived' } }),
      403,
      'auth.forbidden',
    );
    expectError(await send(opportunityId, { versionId: item.versions[0]!.id }, stakeholder), 403, 'auth.forbidden');
    expect(await counts()).toEqual(before);
  });
});
