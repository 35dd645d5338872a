import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../test-database.js';
import { seedDemoWorkspace } from './demo-workspace.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describe.each(testDialects())('demo requirements, designs and statements of work on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  const dealId = async (name: string) =>
    (await t.db.kysely.selectFrom('opportunities').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemoWorkspace(t.db.kysely, NOW, { password: 'demo password for the test' });
    admin = await signInAs(t, ['admin']);
  }, 240_000);
  afterAll(async () => t.close());

  it('has the rate card and Maple Street Bank’s requirements, two gaps in the feedback inbox with the deal’s ARR as pipeline', async () => {
    const card = (await admin.request({ method: 'GET', url: '/api/rate-card' })).json().items;
    expect(card.map((r: { name: string; hourlyRate: number }) => [r.name, r.hourlyRate])).toEqual([
      ['Implementation engineer', 165],
      ['Project manager', 140],
      ['Solutions architect', 220],
      ['Trainer', 120],
    ]);
    const maple = await dealId('Maple Street Bank — Security analytics suite');
    const list = (await admin.request({ method: 'GET', url: `/api/opportunities/${maple}/requirements` })).json();
    expect(list.summary).toMatchObject({ total: 12, mustGaps: 2 });
    const gaps = list.items.filter((r: { fit: string }) => r.fit === 'gap');
    for (const gap of gaps) {
      const item = (await admin.request({ method: 'GET', url: `/api/feedback-items/${gap.feedbackItemId}` })).json();
      expect(item).toMatchObject({ impact: 'blocker', pipelineArr: 380_000, source: { type: 'opportunity', id: maple } });
    }
    const designs = (await admin.request({ method: 'GET', url: `/api/opportunities/${maple}/solution-designs` })).json();
    expect(designs.items).toMatchObject([{ title: 'Target architecture', version: 2, requirementCount: 6 }]);
    const design = (await admin.request({ method: 'GET', url: `/api/solution-designs/${designs.items[0].id}` })).json();
    expect(design.body).toContain('```mermaid');
    const sows = (await admin.request({ method: 'GET', url: `/api/opportunities/${maple}/statements-of-work` })).json().items;
    expect(sows).toMatchObject([{ status: 'sent', totalHours: 232 }]);
  });

  it('has an accepted SOW on Pinecrest University whose engagement carries its hours', async () => {
    const pinecrest = await dealId('Pinecrest University — Campus-wide deployment');
    const [sow] = (await admin.request({ method: 'GET', url: `/api/opportunities/${pinecrest}/statements-of-work` })).json().items;
    expect(sow).toMatchObject({ status: 'accepted', totalHours: 184, engagement: { kind: 'implementation' } });
    const engagement = (await admin.request({ method: 'GET', url: `/api/engagements/${sow.engagement.id}` })).json();
    expect(engagement).toMatchObject({ budgetHours: 184, name: 'Pinecrest University — campus-wide implementation' });
  });
});
