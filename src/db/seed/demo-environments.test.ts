import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../test-database.js';
import { DEMO_PRODUCT } from './demo-environments.js';
import { seedDemoWorkspace } from './demo-workspace.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describe.each(testDialects())('demo environments on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemoWorkspace(t.db.kysely, NOW);
    reader = await signInAs(t, ['stakeholder']);
  }, 120_000);
  afterAll(async () => t.close());

  it('spreads environments across versions so the matrix shows current, slightly and far behind', async () => {
    const matrix = (
      await reader.request({ method: 'GET', url: `/api/environment-matrix?product=${encodeURIComponent(DEMO_PRODUCT)}` })
    ).json();
    expect(matrix.releases).toHaveLength(10);
    expect(matrix.rows.length).toBeGreaterThanOrEqual(20);
    expect(matrix.totals.current).toBeGreaterThan(2);
    expect(matrix.totals.slightlyBehind).toBeGreaterThan(2);
    expect(matrix.totals.farBehind).toBeGreaterThan(2);
  });

  it('has a completed campaign and one in progress with mixed states, and a failure ticket', async () => {
    const campaigns = (await reader.request({ method: 'GET', url: '/api/campaigns' })).json().items;
    expect(campaigns.map((c: { status: string }) => c.status).sort()).toEqual(['active', 'completed']);
    const completed = campaigns.find((c: { status: string }) => c.status === 'completed');
    expect(completed.progress.percentDone).toBe(100);
    const active = campaigns.find((c: { status: string }) => c.status === 'active');
    const states = Object.entries(active.progress.byState)
      .filter(([, n]) => (n as number) > 0)
      .map(([s]) => s);
    expect(states.sort()).toEqual(['done', 'failed', 'in_progress', 'rolled_back', 'scheduled']);
    const detail = (await reader.request({ method: 'GET', url: `/api/campaigns/${active.id}` })).json();
    const failed = detail.entries.find((e: { state: string }) => e.state === 'failed');
    expect(failed.ticket.subject).toContain('failed on');
  });
});
