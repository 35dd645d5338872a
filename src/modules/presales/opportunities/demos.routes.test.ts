import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import { createEnvironment, createRelease } from '../../delivery/index.js';
import type { DealSupportRequest, Demo, Opportunity, TimelineEntry } from '../contract/opportunities.js';

describe.each(testDialects())('demos on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let dealId: string;
  let accountId: string;
  let ciso: string;
  let outsider: string;
  let environmentId: string;
  let foreignEnvironmentId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    const n = unique();
    accountId = (await createAccountViaService(t.db, { name: `Maple Demo ${n}`, domains: [`maple-demo-${n}.test`] })).id;
    const other = (await createAccountViaService(t.db, { name: `Other Demo ${n}`, domains: [`other-demo-${n}.test`] })).id;
    ciso = (await createContactViaService(t.db, accountId, { name: 'Cora CISO', email: `cora@maple-demo-${n}.test` })).id;
    outsider = (await createContactViaService(t.db, other, { name: 'Olly', email: `olly@other-demo-${n}.test` })).id;
    await createRelease(db(), SYSTEM_CONTEXT, {
      product: 'Outpost Analytics',
      version: '4.2.0',
      releasedOn: '2026-06-01',
      notes: '',
      supported: true,
    });
    const env = (accountOf: string) =>
      createEnvironment(db(), SYSTEM_CONTEXT, accountOf, {
        name: 'staging',
        product: 'Outpost Analytics',
        version: '4.2.0',
        hosting: 'cloud',
        contactIds: [],
      });
    environmentId = (await env(accountId)).id;
    foreignEnvironmentId = (await env(other)).id;
    const deal = await se.request({
      method: 'POST',
      url: '/api/opportunities',
      payload: { accountId, name: 'Security analytics suite', stage: 'proposal', arr: 380000 },
    });
    dealId = (deal.json() as Opportunity).id;
  });
  afterAll(async () => t.close());

  const record = async (body: Record<string, unknown>) =>
    se.request({ method: 'POST', url: `/api/opportunities/${dealId}/demos`, payload: body });

  it('records a demo and logs it as a demo interaction on the account, linked to the deal', async () => {
    const request = (
      await se.request({
        method: 'POST',
        url: `/api/opportunities/${dealId}/deal-support`,
        payload: { kind: 'demo', title: 'SOC demo', assigneeId: se.memberId },
      })
    ).json() as DealSupportRequest;
    const res = await record({
      title: 'SOC workflow walkthrough',
      occurredAt: '2026-11-20T15:00:00+01:00',
      durationMinutes: 90,
      contactIds: [ciso],
      presenterIds: [se.memberId],
      otherAttendees: ['Two analysts from the SOC'],
      script: 'Alert triage → investigation → report',
      environmentId,
      outcome: 'positive',
      notes: 'Asked for SIEM export',
      followUps: [{ text: 'Send the SIEM export guide' }, { text: 'Price the analyst seats', done: true }],
      dealSupportRequestId: request.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const demo = res.json() as Demo;
    expect(demo).toMatchObject({
      title: 'SOC workflow walkthrough',
      occurredAt: '2026-11-20T14:00:00.000Z',
      contacts: [{ id: ciso, name: 'Cora CISO' }],
      presenters: [{ id: se.memberId }],
      otherAttendees: ['Two analysts from the SOC'],
      environment: { id: environmentId, name: 'staging', product: 'Outpost Analytics' },
      outcome: 'positive',
      followUps: [
        { text: 'Send the SIEM export guide', done: false },
        { text: 'Price the analyst seats', done: true },
      ],
    });
    const interactions = (await se.request({ method: 'GET', url: `/api/accounts/${accountId}/interactions` })).json() as {
      items: { id: string; kind: string; subject: string; attendees: { id: string }[] }[];
    };
    const logged = interactions.items.find((i) => i.id === demo.interactionId)!;
    expect(logged).toMatchObject({ kind: 'demo', subject: 'Demo: SOC workflow walkthrough' });
    expect(logged.attendees.map((a) => a.id).sort()).toEqual([ciso, se.memberId].sort());
    const link = await db().selectFrom('opportunity_interactions').selectAll().where('interaction_id', '=', demo.interactionId!).execute();
    expect(link.map((l) => l.opportunity_id)).toEqual([dealId]);
    // The demo answered the demo request.
    const answered = (await se.request({ method: 'GET', url: `/api/deal-support/${request.id}` })).json() as DealSupportRequest;
    expect(answered.status).toBe('done');
    // The timeline shows it once, as the demo.
    const timeline = (await se.request({ method: 'GET', url: `/api/opportunities/${dealId}/timeline` })).json() as {
      items: TimelineEntry[];
    };
    expect(timeline.items.filter((e) => e.type === 'demo')).toEqual([
      expect.objectContaining({ title: 'Demo: SOC workflow walkthrough', detail: 'Outcome: Positive', recordId: demo.id }),
    ]);
    expect(timeline.items.some((e) => e.type === 'interaction')).toBe(false);
  });

  it('ticks off follow-ups and changes the outcome', async () => {
    const demo = (
      await record({ title: 'Reporting deep-dive', occurredAt: '2026-11-25T10:00:00Z', followUps: [{ text: 'Share the deck' }] })
    ).json() as Demo;
    expect(demo.outcome).toBeNull();
    const res = await se.request({
      method: 'PATCH',
      url: `/api/demos/${demo.id}`,
      payload: { outcome: 'neutral', followUps: [{ text: 'Share the deck', done: true }, { text: 'Book a second session' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'neutral', followUps: [{ done: true }, { text: 'Book a second session', done: false }] });
    const list = (await se.request({ method: 'GET', url: `/api/opportunities/${dealId}/demos` })).json() as { items: Demo[] };
    expect(list.items.map((d) => d.title)).toEqual(['Reporting deep-dive', 'SOC workflow walkthrough']);
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', demo.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['demo.recorded', 'demo.updated']);
  });

  it('carries a corrected date, title, audience and notes to the demo’s interaction on the account', async () => {
    const cfo = (await createContactViaService(t.db, accountId, { name: 'Finn CFO', email: `finn-${unique()}@maple-demo.test` })).id;
    const demo = (
      await record({ title: 'Budget review demo', occurredAt: '2026-11-26T10:00:00Z', contactIds: [ciso], presenterIds: [se.memberId] })
    ).json() as Demo;
    const interaction = async () => {
      const items = (await se.request({ method: 'GET', url: `/api/accounts/${accountId}/interactions` })).json().items as {
        id: string;
        subject: string;
        occurredAt: string;
        durationMinutes: number;
        notes: string | null;
        attendees: { id: string }[];
      }[];
      return items.find((i) => i.id === demo.interactionId)!;
    };
    const res = await se.request({
      method: 'PATCH',
      url: `/api/demos/${demo.id}`,
      payload: {
        title: 'Budget and ROI demo',
        occurredAt: '2026-11-27T15:30:00Z',
        durationMinutes: 45,
        contactIds: [cfo],
        otherAttendees: ['The controller'],
        outcome: 'positive',
        notes: 'Wants the ROI model in a spreadsheet',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const logged = await interaction();
    expect(logged).toMatchObject({ subject: 'Demo: Budget and ROI demo', occurredAt: '2026-11-27T15:30:00.000Z', durationMinutes: 45 });
    expect(logged.notes).toBe('Outcome: Positive\n\nAlso attending: The controller\n\nWants the ROI model in a spreadsheet');
    expect(logged.attendees.map((a) => a.id).sort()).toEqual([cfo, se.memberId].sort());
    const audit = await db().selectFrom('audit_log').select(['action', 'changes']).where('record_id', '=', demo.interactionId!).execute();
    expect(audit.map((a) => a.action)).toEqual(['interaction.logged', 'interaction.updated']);

    // Follow-ups are the demo's own: ticking one off leaves the interaction (and its audit) alone.
    await se.request({
      method: 'PATCH',
      url: `/api/demos/${demo.id}`,
      payload: { followUps: [{ text: 'Send the ROI model', done: true }] },
    });
    expect(await interaction()).toEqual(logged);
    expect(await db().selectFrom('audit_log').select('id').where('record_id', '=', demo.interactionId!).execute()).toHaveLength(2);
    // A refused correction (a contact of another account) changes neither record.
    expectError(
      await se.request({ method: 'PATCH', url: `/api/demos/${demo.id}`, payload: { contactIds: [outsider] } }),
      422,
      'demos.contact_foreign',
    );
    expect(await interaction()).toEqual(logged);
  });

  it('refuses contacts and environments of another account, and inactive presenters', async () => {
    const base = { title: 'x', occurredAt: '2026-11-01T10:00:00Z' };
    expectError(await record({ ...base, contactIds: [outsider] }), 422, 'demos.contact_foreign');
    expectError(await record({ ...base, environmentId: foreignEnvironmentId }), 422, 'demos.environment_foreign');
    expectError(await record({ ...base, environmentId: 'ghost' }), 422, 'demos.environment_foreign');
    expectError(await record({ ...base, presenterIds: ['ghost'] }), 422, 'demos.presenter_inactive');
    expectError(await record({ ...base, dealSupportRequestId: 'ghost' }), 422, 'demos.request_foreign');
    expectError(await se.request({ method: 'PATCH', url: '/api/demos/nope', payload: { notes: 'x' } }), 404, 'demos.not_found');
    // Nothing was logged for the refused demos.
    const demos = await db().selectFrom('demos').select('id').where('opportunity_id', '=', dealId).execute();
    const links = await db().selectFrom('opportunity_interactions').select('interaction_id').where('opportunity_id', '=', dealId).execute();
    expect(links).toHaveLength(demos.length);
  });
});
