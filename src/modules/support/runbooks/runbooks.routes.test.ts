import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';

const SSO_RUNBOOK = {
  title: 'SSO login fails after certificate rotation',
  description: 'The customer’s IdP rotated its signing certificate.',
  tags: ['sso'],
  keywords: ['saml', 'certificate', 'login'],
  steps: [
    { instruction: 'Ask for the IdP metadata URL', expectedResult: 'A reachable metadata URL', inputLabel: 'Metadata URL' },
    { instruction: 'Re-import the metadata under Settings → SSO', expectedResult: 'New certificate fingerprint shown' },
    { instruction: 'Ask the customer to sign in again' },
  ],
};

describe.each(testDialects())('runbooks API on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;
  let tier2: SignedIn;
  let runbookId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    tier2 = await signInAs(t, ['support_tier2']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
    });
    const created = await tier2.request({ method: 'POST', url: '/api/runbooks', payload: SSO_RUNBOOK });
    expect(created.statusCode, created.body).toBe(201);
    runbookId = created.json().id;
  });
  afterAll(async () => t.close());

  async function openTicket(subject: string, description: string, tags: string[] = []) {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description, tags, requesterEmail: 'peter.gibbons@initech.com', requesterName: 'Peter Gibbons' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: number };
  }

  it('lets Tier 2 write runbooks but not Tier 1, and numbers the steps', async () => {
    expectError(await agent.request({ method: 'POST', url: '/api/runbooks', payload: SSO_RUNBOOK }), 403, 'auth.forbidden');
    const runbook = (await agent.request({ method: 'GET', url: `/api/runbooks/${runbookId}` })).json();
    expect(runbook.owner.id).toBe(tier2.memberId);
    expect(runbook.steps.map((s: { index: number }) => s.index)).toEqual([0, 1, 2]);
    expect(runbook.steps[2]).toMatchObject({ expectedResult: null, inputLabel: null });
    const noSteps = await tier2.request({ method: 'POST', url: '/api/runbooks', payload: { ...SSO_RUNBOOK, steps: [] } });
    expect(expectError(noSteps, 400, 'request.invalid').message).toContain('at least one step');
  });

  it('suggests active runbooks ranked by tags and keywords, and not archived ones', async () => {
    const other = await tier2.request({
      method: 'POST',
      url: '/api/runbooks',
      payload: { title: 'Rate limits', tags: ['api'], keywords: ['429'], steps: [{ instruction: 'Check the plan’s limit' }] },
    });
    const archived = await tier2.request({
      method: 'POST',
      url: '/api/runbooks',
      payload: { ...SSO_RUNBOOK, title: 'Old SSO script', status: 'archived' },
    });
    expect(archived.statusCode).toBe(201);
    const ticket = await openTicket('SAML login broken', 'Since this morning we get HTTP 429 on sign-in too.', ['sso']);
    const res = await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/runbooks/suggested` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { runbook: { id: string }; score: number; matchedTags: string[]; matchedKeywords: string[] }[];
    expect(items.map((i) => i.runbook.id)).toEqual([runbookId, other.json().id]);
    expect(items[0]).toMatchObject({ score: 3 + 2 + 2, matchedTags: ['sso'], matchedKeywords: ['saml', 'login'] });
    expect(items[1]).toMatchObject({ score: 1, matchedKeywords: ['429'] });
    expectError(await agent.request({ method: 'GET', url: '/api/tickets/no-such-ticket/runbooks/suggested' }), 404, 'tickets.not_found');
  });

  it('runs a runbook step by step and resolves the ticket with a public reply', async () => {
    const ticket = await openTicket('SSO broken', 'Nobody can sign in.', ['sso']);
    const started = await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId } });
    expect(started.statusCode, started.body).toBe(201);
    const run = started.json();
    expect(run).toMatchObject({ status: 'in_progress', nextStepIndex: 0, title: SSO_RUNBOOK.title });
    const again = await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId } });
    expectError(again, 409, 'runbook_runs.already_running');

    const missingInput = await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/steps/0`, payload: { outcome: 'done' } });
    expect(expectError(missingInput, 422, 'runbook_runs.input_required').message).toContain('Metadata URL');
    const step0 = await agent.request({
      method: 'POST',
      url: `/api/runbook-runs/${run.id}/steps/0`,
      payload: { outcome: 'done', input: 'https://idp.initech.com/metadata' },
    });
    expect(step0.statusCode, step0.body).toBe(200);
    expect(step0.json().steps[0]).toMatchObject({ outcome: 'done', input: 'https://idp.initech.com/metadata', by: { id: agent.memberId } });
    expect(step0.json().nextStepIndex).toBe(1);
    await agent.request({
      method: 'POST',
      url: `/api/runbook-runs/${run.id}/steps/1`,
      payload: { outcome: 'done', note: 'Fingerprint now AB:CD' },
    });
    await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/steps/2`, payload: { outcome: 'done' } });

    const finished = await agent.request({
      method: 'POST',
      url: `/api/runbook-runs/${run.id}/finish`,
      payload: { result: 'resolved', reply: 'We re-imported your IdP metadata; sign-in works again.' },
    });
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().run).toMatchObject({ status: 'resolved', finishedBy: { id: agent.memberId }, nextStepIndex: null });
    expect(finished.json().draft).toBeUndefined();

    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(page.ticket.status).toBe('solved');
    expect(page.messages.at(-1)).toMatchObject({
      visibility: 'public',
      body: 'We re-imported your IdP metadata; sign-in works again.',
      author: { id: agent.memberId },
    });
    const events = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/events` }))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events.filter((e: string) => e.startsWith('runbook.'))).toEqual([
      'runbook.started',
      'runbook.step_recorded',
      'runbook.step_recorded',
      'runbook.step_recorded',
      'runbook.finished',
    ]);
    expect(events).toContain('message.replied');

    expectError(
      await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/finish`, payload: { result: 'escalate' } }),
      409,
      'runbook_runs.finished',
    );
    expectError(
      await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/steps/2`, payload: { outcome: 'done' } }),
      409,
      'runbook_runs.finished',
    );
  });

  it('refuses a step recorded out of order with 409 and records nothing', async () => {
    const ticket = await openTicket('SSO order', 'Sign-in fails.');
    const run = (await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId } })).json();
    const skipAhead = await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/steps/1`, payload: { outcome: 'done' } });
    expect(expectError(skipAhead, 409, 'runbook_runs.step_out_of_order').details.expectedIndex).toBe(0);
    await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/steps/0`, payload: { outcome: 'skipped' } });
    const repeat = await agent.request({
      method: 'POST',
      url: `/api/runbook-runs/${run.id}/steps/0`,
      payload: { outcome: 'done', input: 'x' },
    });
    expectError(repeat, 409, 'runbook_runs.step_out_of_order');
    expectError(
      await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/steps/7`, payload: { outcome: 'done' } }),
      404,
      'runbook_runs.step_not_found',
    );
    const after = (await agent.request({ method: 'GET', url: `/api/runbook-runs/${run.id}` })).json();
    expect(after.steps.map((s: { outcome: string | null }) => s.outcome)).toEqual(['skipped', null, null]);
  });

  it('escalates from a run: the escalation draft lists the steps done with outcomes and captured input', async () => {
    const ticket = await openTicket('SSO escalate', 'Still failing after the re-import.', ['sso']);
    const run = (await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId } })).json();
    await agent.request({
      method: 'POST',
      url: `/api/runbook-runs/${run.id}/steps/0`,
      payload: { outcome: 'done', input: 'https://idp.initech.com/md' },
    });
    await agent.request({
      method: 'POST',
      url: `/api/runbook-runs/${run.id}/steps/1`,
      payload: { outcome: 'failed', note: 'Import rejects the XML signature' },
    });
    const res = await agent.request({ method: 'POST', url: `/api/runbook-runs/${run.id}/finish`, payload: { result: 'escalate' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().run.status).toBe('escalated');
    const summary = res.json().draft.summary as string;
    expect(summary).toContain(`Runbook "${SSO_RUNBOOK.title}" (escalated`);
    expect(summary).toContain('1. [done] Ask for the IdP metadata URL — Metadata URL: https://idp.initech.com/md');
    expect(summary).toContain('2. [failed] Re-import the metadata under Settings → SSO — note: Import rejects the XML signature');
    expect(summary).toContain('3. [not reached] Ask the customer to sign in again');
    // The ticket is untouched until the agent submits the escalation dialog.
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(page.ticket.tier).toBe('tier1');
    const draft = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/escalation-draft` })).json();
    expect(draft.summary).toContain('Runbook steps done:');
    expect(draft.summary).toContain('[failed] Re-import the metadata');
    const escalated = await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/escalate`,
      payload: { toTier: 'tier2', reason: 'Runbook failed at the import', summary },
    });
    expect(escalated.statusCode).toBe(201);
    expect(escalated.json().summary).toContain('Metadata URL: https://idp.initech.com/md');
  });

  it('refuses to start an archived runbook or one that does not exist', async () => {
    const ticket = await openTicket('Archived', 'x');
    const archived = await tier2.request({
      method: 'POST',
      url: '/api/runbooks',
      payload: { ...SSO_RUNBOOK, title: 'Retired', status: 'archived' },
    });
    expectError(
      await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId: archived.json().id } }),
      409,
      'runbooks.archived',
    );
    expectError(
      await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId: 'no-such-runbook' } }),
      422,
      'request.reference_not_found',
    );
    expect((await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/runbook-runs` })).json().items).toEqual([]);
  });

  it('keeps a run’s steps as they were when it started, even after the runbook is edited', async () => {
    const ticket = await openTicket('Edited', 'x');
    const run = (await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/runbook-runs`, payload: { runbookId } })).json();
    const edited = await tier2.request({
      method: 'PUT',
      url: `/api/runbooks/${runbookId}`,
      payload: { ...SSO_RUNBOOK, steps: [{ instruction: 'Only one step now' }] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().steps).toHaveLength(1);
    const same = (await agent.request({ method: 'GET', url: `/api/runbook-runs/${run.id}` })).json();
    expect(same.steps).toHaveLength(3);
    await tier2.request({ method: 'PUT', url: `/api/runbooks/${runbookId}`, payload: SSO_RUNBOOK });
  });
});
