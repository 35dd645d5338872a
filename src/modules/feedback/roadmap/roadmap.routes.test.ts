import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { newId } from '../../../kernel/ids.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError } from '../../../../test/factories/index.js';
import { insertItem, insertRequest } from '../loop/test-feedback-rows.js';
import { refreshAllRequestFigures } from '../requests/request-figures.js';
import { compareReleases } from './roadmap-figures.js';

describe('roadmap release order', () => {
  it('orders releases by version, unscheduled last', () => {
    expect(['4.10', null, '4.9', '10.0'].sort(compareReleases)).toEqual(['4.9', '4.10', '10.0', null]);
  });
});

describe.each(testDialects())('the roadmap on %s', (dialect) => {
  let t: TestApp;
  let stakeholder: SignedIn;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    stakeholder = await signInAs(t, ['stakeholder']);
  });
  afterAll(async () => t.close());

  it('groups planned, in-progress and shipped requests by release with score, ARR and customers as the ranking formula says', async () => {
    const acme = (await createAccountViaService(t.db, { name: 'Acme', arr: 100_000 })).id;
    const globex = (await createAccountViaService(t.db, { name: 'Globex', arr: 50_000 })).id;
    const nada = (await createAccountViaService(t.db, { name: 'Nada', arr: 0 })).id;
    const sso = await insertRequest(db(), { title: 'SSO', status: 'planned', targetRelease: '4.10' });
    await insertItem(db(), { requestId: sso, accountId: acme, impact: 'nice_to_have' });
    await insertItem(db(), { requestId: sso, accountId: acme, impact: 'blocker' });
    await insertItem(db(), { requestId: sso, accountId: globex, impact: 'important' });
    const at = new Date().toISOString();
    for (const [arr, open] of [
      [20_000, 1],
      [99_000, 0],
    ] as const) {
      await db()
        .insertInto('feature_request_blockers')
        .values({
          id: newId(),
          request_id: sso,
          opportunity_id: newId(),
          account_id: globex,
          arr,
          is_open: open,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const audit = await insertRequest(db(), { title: 'Audit trail', status: 'in_progress', targetRelease: '4.9' });
    await insertItem(db(), { requestId: audit, accountId: nada, impact: 'blocker' });
    const shipped = await insertRequest(db(), { title: 'Dark mode', status: 'shipped' });
    await insertRequest(db(), { title: 'Under review', status: 'under_review', targetRelease: '4.9' });
    await insertRequest(db(), { title: 'Declined', status: 'declined', targetRelease: '4.9' });
    // Written straight into the tables, the requests' stored figures are computed as the services would.
    await refreshAllRequestFigures(db());
    await insertRequest(db(), { title: 'Merged away', status: 'planned', targetRelease: '4.10', mergedIntoId: sso });

    const res = await stakeholder.request({ method: 'GET', url: '/api/roadmap' });
    expect(res.statusCode, res.body).toBe(200);
    const { releases } = res.json() as { releases: { release: string | null; requests: { id: string }[] }[] };
    expect(releases.map((r) => r.release)).toEqual(['4.9', '4.10', null]);
    expect(releases[0]).toMatchObject({
      customerCount: 1,
      arr: 0,
      requests: [{ id: audit, status: 'in_progress', score: 0, customerCount: 1 }],
    });
    expect(releases[1]).toMatchObject({
      arr: 150_000,
      customerCount: 2,
      requests: [
        { id: sso, status: 'planned', score: 100_000 * 3 + 50_000 * 2 + 20_000, arr: 150_000, pipelineArr: 20_000, customerCount: 2 },
      ],
    });
    expect(releases[2]).toMatchObject({ release: null, requests: [{ id: shipped, status: 'shipped', score: 0, customerCount: 0 }] });
  });

  it('is for members only', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/roadmap' }), 401);
  });
});
