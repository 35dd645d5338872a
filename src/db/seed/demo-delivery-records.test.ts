import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../test-database.js';
import { seedDemoWorkspace } from './demo-workspace.js';

describe.each(testDialects())('demo status reports, PoC criteria, training and visits on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;
  let engagements: { id: string; name: string; kind: string; account: { id: string; name: string } }[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemoWorkspace(t.db.kysely, new Date());
    reader = await signInAs(t, ['stakeholder']);
    engagements = (await reader.request({ method: 'GET', url: '/api/engagements?limit=100' })).json().items;
  }, 240_000);
  afterAll(async () => t.close());

  const byName = (prefix: string) => engagements.find((e) => e.name.startsWith(prefix))!;

  it('keeps a sent and a draft status report on the active rollout', async () => {
    const reports = (await reader.request({ method: 'GET', url: `/api/engagements/${byName('Northwind').id}/status-reports` })).json()
      .items;
    expect(reports.map((r: { status: string }) => r.status)).toEqual(['draft', 'sent']);
    const sent = (await reader.request({ method: 'GET', url: `/api/status-reports/${reports[1].id}` })).json();
    expect(sent.recipients.length).toBeGreaterThanOrEqual(1);
    expect(sent.sections.decisions).toContain('Confirm the go-live window');
  });

  it('has success criteria on the PoC, some passed with evidence', async () => {
    const poc = (await reader.request({ method: 'GET', url: `/api/engagements/${byName('Kestrel').id}/poc` })).json();
    expect(poc.criteria).toHaveLength(4);
    expect(poc.counts).toEqual({ pending: 2, pass: 2, fail: 0 });
    expect(poc).toMatchObject({
      verdict: 'pending',
      suggestedVerdict: 'pending',
      // Linked by the pre-sales seed to the deal it serves.
      opportunity: { name: 'Kestrel Aerospace — Maintenance analytics' },
    });
  });

  it('has delivered training with feedback and scheduled training, and visits on the account timeline', async () => {
    const northwind = byName('Northwind').account.id;
    const sessions = (await reader.request({ method: 'GET', url: `/api/accounts/${northwind}/training-sessions` })).json().items;
    expect(sessions.map((s: { status: string }) => s.status)).toEqual(['scheduled', 'delivered']);
    expect(sessions[1].feedback).toEqual({ count: 2, averageRating: 4.5 });
    const timeline = (await reader.request({ method: 'GET', url: `/api/accounts/${northwind}/interactions?limit=200` })).json().items as {
      id: string;
      kind: string;
    }[];
    expect(timeline.find((i) => i.id === sessions[1].interactionId)?.kind).toBe('training');

    const pinecrest = byName('Pinecrest').account.id;
    const visits = (await reader.request({ method: 'GET', url: `/api/accounts/${pinecrest}/field-visits` })).json().items;
    expect(visits.map((v: { status: string }) => v.status)).toEqual(['planned', 'completed']);
    expect(visits[1].report).toContain('## Findings');
    const pinecrestTimeline = (await reader.request({ method: 'GET', url: `/api/accounts/${pinecrest}/interactions?limit=200` })).json()
      .items as { id: string; kind: string }[];
    expect(pinecrestTimeline.find((i) => i.id === visits[1].interactionId)?.kind).toBe('site_visit');
  });
});
