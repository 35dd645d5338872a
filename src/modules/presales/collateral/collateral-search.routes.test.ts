import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { reindexAll } from '../../search/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { unique } from '../../../../test/factories/index.js';
import type { SearchResponse } from '../../search/contract/search.js';
import { createCollateral, uploadCollateralVersion } from './collateral-service.js';
import { pdfBytes } from './test-files.js';

const MAX = 1024 * 1024;

describe.each(testDialects())('collateral in the global search on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let stakeholder: SignedIn;
  const db = () => t.db.kysely;
  const ctx = () => ({ actorType: 'member' as const, actorId: se.memberId, memberId: se.memberId, ip: null });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    stakeholder = await signInAs(t, ['stakeholder']);
  });
  afterAll(() => t.close());

  const search = async (q: string, who: SignedIn = se) => {
    const res = await who.request({ method: 'GET', url: '/api/search', query: { q, types: 'collateral' } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as SearchResponse;
  };
  const newItem = async (title: string, extra: Record<string, unknown> = {}) =>
    createCollateral(
      db(),
      ctx(),
      {
        title,
        kind: 'case_study',
        productArea: 'Analytics',
        tags: [],
        industries: [],
        segments: [],
        description: '',
        note: null,
        ...extra,
      } as Parameters<typeof createCollateral>[2],
      { filename: 'overview.pdf', content: await pdfBytes(title) },
      MAX,
    );

  it('finds an item by title, description, tags and kind, as an internal result that opens the item', async () => {
    const word = `zephyrine${unique()}`;
    const item = await newItem(`Turbine fleet ${word}`, {
      description: 'How a regional airline cut unplanned groundings by a third.',
      tags: ['Aviation', 'Predictive maintenance'],
    });
    const byTitle = await search(word);
    expect(byTitle.items).toEqual([
      expect.objectContaining({ type: 'collateral', id: item.id, title: item.title, visibility: 'internal', status: 'current' }),
    ]);
    expect(byTitle.counts.collateral).toBe(1);
    expect(byTitle.items[0]!.titleHtml).toContain('<mark>');

    const byDescription = await search(`groundings ${word}`);
    expect(byDescription.items.map((r) => r.id)).toEqual([item.id]);
    const byTag = await search(`aviation ${word}`);
    expect(byTag.items.map((r) => r.id)).toEqual([item.id]);
    const byKind = await search(`case study ${word}`);
    expect(byKind.items.map((r) => r.id)).toEqual([item.id]);
    // Everyone who reads the library finds it (the search needs no more than the library does).
    expect((await search(word, stakeholder)).items.map((r) => r.id)).toEqual([item.id]);
  });

  it('follows an edit, an archive and a new version, and a rebuild gives the same documents', async () => {
    const before = `quillon${unique()}`;
    const after = `sabreline${unique()}`;
    const item = await newItem(`Security overview ${before}`);
    const res = await se.request({
      method: 'PATCH',
      url: `/api/collateral/${item.id}`,
      payload: { title: `Security overview ${after}`, tags: ['SOC 2'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await search(before)).items).toEqual([]);
    expect((await search(`${after} soc`)).items.map((r) => r.title)).toEqual([`Security overview ${after}`]);

    const file = `hardening-guide-${unique()}`;
    await uploadCollateralVersion(db(), ctx(), item.id, { filename: `${file}.pdf`, content: await pdfBytes('v2') }, null, MAX);
    expect((await search(file)).items.map((r) => r.id)).toEqual([item.id]);

    expect((await se.request({ method: 'PATCH', url: `/api/collateral/${item.id}`, payload: { status: 'archived' } })).statusCode).toBe(
      200,
    );
    expect((await search(after)).items[0]).toMatchObject({ id: item.id, status: 'archived' });

    const indexed = () =>
      db()
        .selectFrom('search_documents')
        .select(['title', 'heading', 'keywords', 'body', 'status', 'visibility'])
        .where('doc_type', '=', 'collateral')
        .where('doc_id', '=', item.id)
        .executeTakeFirstOrThrow();
    const written = await indexed();
    await db().deleteFrom('search_documents').where('doc_type', '=', 'collateral').execute();
    await reindexAll(db());
    expect(await indexed()).toEqual(written);
  });
});
