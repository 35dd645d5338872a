import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';

/** A support case names the customer environment it is about, and only one of its own customer's. */
describe.each(testDialects())('a ticket’s environment on %s', (dialect) => {
  let t: TestApp;
  let lead: SignedIn;
  let agent: SignedIn;
  const product = `Harbor ${unique()}`;

  async function customer() {
    const n = unique();
    const account = await createAccountViaService(t.db, { name: `Acme ${n}`, domains: [`acme${n}.com`] });
    const contact = await createContactViaService(t.db, account.id, { email: `ops@acme${n}.com` });
    const env = await lead.request({
      method: 'POST',
      url: `/api/accounts/${account.id}/environments`,
      payload: { name: 'production', product, version: '5.0', hosting: 'cloud' },
    });
    expect(env.statusCode, env.body).toBe(201);
    const ticket = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Sync stalls', description: 'Since last night', requesterId: contact.id },
    });
    return { environmentId: env.json().id as string, ticketId: ticket.json().id as string };
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    lead = await signInAs(t, ['implementation']);
    agent = await signInAs(t, ['support_tier1']);
    await lead.request({ method: 'POST', url: '/api/releases', payload: { product, version: '5.0', releasedOn: '2025-02-10' } });
  });
  afterAll(async () => t.close());

  it('links a ticket to its customer’s environment, and the environment lists the ticket', async () => {
    const { environmentId, ticketId } = await customer();
    const linked = await agent.request({ method: 'PATCH', url: `/api/tickets/${ticketId}`, payload: { deploymentId: environmentId } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().deploymentId).toBe(environmentId);
    const tickets = (await agent.request({ method: 'GET', url: `/api/environments/${environmentId}/tickets` })).json();
    expect(tickets.items.map((i: { id: string }) => i.id)).toContain(ticketId);
  });

  it('refuses another customer’s environment or an unknown one, and leaves the ticket as it was', async () => {
    const mine = await customer();
    const theirs = await customer();
    const foreign = await agent.request({
      method: 'PATCH',
      url: `/api/tickets/${mine.ticketId}`,
      payload: { deploymentId: theirs.environmentId },
    });
    expectError(foreign, 422, 'tickets.environment_not_on_account');
    const unknown = await agent.request({
      method: 'PATCH',
      url: `/api/tickets/${mine.ticketId}`,
      payload: { deploymentId: 'no-such-environment', priority: 'urgent' },
    });
    expect(expectError(unknown, 422, 'request.reference_not_found').details.field).toBe('deploymentId');
    const ticket = (await agent.request({ method: 'GET', url: `/api/tickets/${mine.ticketId}` })).json();
    expect(ticket.ticket).toMatchObject({ deploymentId: null, priority: 'normal' });
  });
});
