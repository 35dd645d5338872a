import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../../test/factories/index.js';
import type { DesignList, SolutionDesign } from '../../contract/solutions.js';
import { insertOpportunity } from '../../opportunities/test-opportunities.js';

const V1 = '# Architecture\n\n```mermaid\ngraph LR\n  SIEM --> Collector\n```\n\nCollectors in each region.';
const V2 =
  '# Architecture\n\n```mermaid\ngraph LR\n  SIEM --> Collector\n  Collector --> Lake\n```\n\nCollectors in each region.\nKeys in the bank’s HSM.';

describe.each(testDialects())('solution designs on %s', (dialect) => {
  let t: TestApp;
  let architect: SignedIn;
  let engineer: SignedIn;
  let stakeholder: SignedIn;
  let deal: string;
  let otherDeal: string;
  let requirementIds: string[];
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    architect = await signInAs(t, ['solutions_architect']);
    engineer = await signInAs(t, ['sales_engineer']);
    stakeholder = await signInAs(t, ['stakeholder']);
    const accountId = (await createAccountViaService(t.db, { name: `Design ${unique()}` })).id;
    deal = await insertOpportunity(db(), accountId);
    otherDeal = await insertOpportunity(db(), accountId);
    requirementIds = [];
    for (const ref of ['D-1', 'D-2', 'D-3'])
      requirementIds.push(
        (
          await architect.request({
            method: 'POST',
            url: `/api/opportunities/${deal}/requirements`,
            payload: { reference: ref, text: `Need ${ref}` },
          })
        ).json().requirement.id,
      );
  });
  afterAll(async () => t.close());

  it('versions every save with author, time and note, keeps each version readable and diffs it against the previous', async () => {
    const created = await architect.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/solution-designs`,
      payload: { title: 'Target architecture', body: V1, note: 'First draft', requirementIds: [requirementIds[0]] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const design = created.json() as SolutionDesign;
    expect(design).toMatchObject({ version: 1, body: V1, requirementIds: [requirementIds[0]], createdBy: { id: architect.memberId } });

    const saved = await engineer.request({
      method: 'POST',
      url: `/api/solution-designs/${design.id}/versions`,
      payload: { body: V2, note: 'Added the data lake', baseVersion: 1, requirementIds: [requirementIds[0], requirementIds[1]] },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const latest = saved.json() as SolutionDesign;
    expect(latest).toMatchObject({ version: 2, body: V2, title: 'Target architecture' });
    expect(latest.versions.map((v) => [v.version, v.note, v.author?.id])).toEqual([
      [2, 'Added the data lake', engineer.memberId],
      [1, 'First draft', architect.memberId],
    ]);

    const first = await stakeholder.request({ method: 'GET', url: `/api/solution-designs/${design.id}/versions/1` });
    expect(first.json()).toMatchObject({ version: 1, body: V1, note: 'First draft' });
    const diff = (await stakeholder.request({ method: 'GET', url: `/api/solution-designs/${design.id}/versions/2/diff` })).json();
    expect(diff).toMatchObject({ from: 1, to: 2, added: 2, removed: 0 });
    expect(diff.lines.filter((l: { op: string }) => l.op === 'added').map((l: { text: string }) => l.text)).toEqual([
      '  Collector --> Lake',
      'Keys in the bank’s HSM.',
    ]);
    expectError(
      await stakeholder.request({ method: 'GET', url: `/api/solution-designs/${design.id}/versions/9` }),
      404,
      'solution_designs.version_not_found',
    );

    // An edit started from version 1 after version 2 was saved would overwrite it: refused.
    const stale = await architect.request({
      method: 'POST',
      url: `/api/solution-designs/${design.id}/versions`,
      payload: { body: 'Mine', baseVersion: 1 },
    });
    expect(expectError(stale, 409, 'solution_designs.version_conflict').details.latestVersion).toBe(2);

    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', design.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['solution_design.created', 'solution_design.version_saved']);
  });

  it('shows which requirements no design answers yet, and refuses requirements of another deal', async () => {
    const list = (await stakeholder.request({ method: 'GET', url: `/api/opportunities/${deal}/solution-designs` })).json() as DesignList;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ version: 2, requirementCount: 2 });
    expect(list.coverage).toMatchObject({ requirements: 3, covered: 2 });
    expect(list.coverage.uncovered.map((r) => r.reference)).toEqual(['D-3']);
    const reqs = (await stakeholder.request({ method: 'GET', url: `/api/opportunities/${deal}/requirements?withoutDesign=true` })).json();
    expect(reqs.items.map((r: { reference: string }) => r.reference)).toEqual(['D-3']);
    expect(reqs.summary.withoutDesign).toBe(1);

    const foreign = (
      await architect.request({ method: 'POST', url: `/api/opportunities/${otherDeal}/requirements`, payload: { text: 'Elsewhere' } })
    ).json().requirement.id;
    const designId = list.items[0]!.id;
    const refused = await architect.request({
      method: 'PUT',
      url: `/api/solution-designs/${designId}/requirements`,
      payload: { requirementIds: [foreign] },
    });
    expectError(refused, 422, 'requirements.not_of_opportunity');
    const relinked = await architect.request({
      method: 'PUT',
      url: `/api/solution-designs/${designId}/requirements`,
      payload: { requirementIds },
    });
    expect(relinked.json()).toMatchObject({ version: 2, requirementIds: expect.arrayContaining(requirementIds) });
  });

  it('lets readers read, presales.write write, and deletes a design with its versions', async () => {
    const refused = await stakeholder.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/solution-designs`,
      payload: { title: 'No' },
    });
    expectError(refused, 403, 'auth.forbidden');
    const design = (
      await engineer.request({ method: 'POST', url: `/api/opportunities/${deal}/solution-designs`, payload: { title: 'Scratch' } })
    ).json();
    expect((await engineer.request({ method: 'DELETE', url: `/api/solution-designs/${design.id}` })).statusCode).toBe(204);
    expectError(await engineer.request({ method: 'GET', url: `/api/solution-designs/${design.id}` }), 404, 'solution_designs.not_found');
    const versions = await db().selectFrom('solution_design_versions').select('id').where('design_id', '=', design.id).execute();
    expect(versions).toEqual([]);
  });
});
