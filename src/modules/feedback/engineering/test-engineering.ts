import type { SignedIn, TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, unique } from '../../../../test/factories/index.js';

/**
 * Test set-up shared by this area's tests: an account with an environment of a product whose
 * catalogue holds the fix release, and a ticket that names the environment. Built through the API,
 * as a user would.
 */
export async function ticketOnEnvironment(t: TestApp, admin: SignedIn, agent: SignedIn, product = `Relay-${unique()}`) {
  const account = await createAccountViaService(t.db, { name: `Initech ${unique()}` });
  for (const [version, releasedOn] of [
    ['4.1.0', '2026-01-10'],
    ['4.2.0', '2026-02-10'],
    ['4.3.0', '2026-03-10'],
  ] as const) {
    const r = await admin.request({ method: 'POST', url: '/api/releases', payload: { product, version, releasedOn } });
    if (r.statusCode !== 201) throw new Error(`release: ${r.body}`);
  }
  const env = await admin.request({
    method: 'POST',
    url: `/api/accounts/${account.id}/environments`,
    payload: { name: 'production', product, version: '4.1.0', hosting: 'cloud', configuration: { sso: 'okta', shards: 4 } },
  });
  if (env.statusCode !== 201) throw new Error(`environment: ${env.body}`);
  const environmentId = (env.json() as { id: string }).id;
  const ticket = await agent.request({
    method: 'POST',
    url: '/api/tickets',
    payload: {
      subject: 'Export times out on large projects',
      description: 'Open a project with 10k rows, click Export: it spins, then fails after 60 s.',
      requesterEmail: `pat${unique()}@initech.example`,
      requesterName: 'Pat Customer',
      accountId: account.id,
      priority: 'high',
    },
  });
  if (ticket.statusCode !== 201) throw new Error(`ticket: ${ticket.body}`);
  const ticketId = (ticket.json() as { id: string }).id;
  const patched = await agent.request({ method: 'PATCH', url: `/api/tickets/${ticketId}`, payload: { deploymentId: environmentId } });
  if (patched.statusCode !== 200) throw new Error(`ticket environment: ${patched.body}`);
  return { accountId: account.id, environmentId, ticketId, product };
}
