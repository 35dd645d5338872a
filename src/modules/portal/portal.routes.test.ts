import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { latestLinkToken, portalSignIn, type PortalSignedIn } from '../../../test/helpers/portal.js';
import { expectError } from '../../../test/factories/index.js';

describe.each(testDialects())('customer portal on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;
  let alice: PortalSignedIn;
  let bob: PortalSignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await signInAs(t, ['admin']);
    for (const [name, domain, contact] of [
      ['Acme', 'acme.test', 'alice@acme.test'],
      ['Globex', 'globex.test', 'bob@globex.test'],
    ] as const) {
      const account = await agent.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name, domains: [domain], segment: 'enterprise' },
      });
      await agent.request({
        method: 'POST',
        url: `/api/accounts/${account.json().id}/contacts`,
        payload: { name: contact.split('@')[0], email: contact },
      });
    }
    alice = await portalSignIn(t, 'alice@acme.test');
    bob = await portalSignIn(t, 'bob@globex.test');
  });
  afterAll(async () => t.close());

  it('answers a link request the same for unknown addresses and sends no mail', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'stranger@nowhere.test' } });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ sent: true });
    await expect(latestLinkToken(t, 'stranger@nowhere.test')).rejects.toThrow();
  });

  it('retires an earlier sign-in link when a newer one is requested (issue 13, finding 7)', async () => {
    await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'bob@globex.test' } });
    const older = await latestLinkToken(t, 'bob@globex.test');
    await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'bob@globex.test' } });
    const newer = await latestLinkToken(t, 'bob@globex.test');
    expect(newer).not.toBe(older);
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token: older } }),
      401,
      'portal.link_invalid',
    );
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token: newer } })).statusCode).toBe(200);
  });

  it('refuses a link used twice, a tampered link and an expired link, auditing the refusals', async () => {
    await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'alice@acme.test' } });
    const token = await latestLinkToken(t, 'alice@acme.test');
    expect((await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } })).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } }), 401, 'portal.link_invalid');
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token: `${token}x` } }),
      401,
      'portal.link_invalid',
    );

    await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'alice@acme.test' } });
    const stale = await latestLinkToken(t, 'alice@acme.test');
    await t.db.kysely.updateTable('portal_links').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('used_at', 'is', null).execute();
    const expired = expectError(
      await t.app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token: stale } }),
      401,
      'portal.link_invalid',
    );
    expect(expired.message).toContain('Ask for a new one');
    const audit = (await agent.request({ method: 'GET', url: `/api/audit?recordId=${alice.contactId}` })).json().items;
    expect(audit.filter((e: { action: string }) => e.action === 'portal.link_refused').length).toBeGreaterThanOrEqual(2);
  });

  it('lets a contact open a ticket, see the agent’s public reply but not internal notes, and answer', async () => {
    const created = await alice.request({
      method: 'POST',
      url: '/api/portal/tickets',
      payload: { subject: 'Export broken', description: 'Since Monday' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${id}/messages`,
      payload: { body: 'Internal: looks like the cron', visibility: 'internal' },
    });
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${id}/messages`,
      payload: { body: 'Fixed the schedule, please retry.', visibility: 'public', status: 'pending' },
    });
    const page = (await alice.request({ method: 'GET', url: `/api/portal/tickets/${id}` })).json();
    expect(page.ticket.status).toBe('awaiting_your_reply');
    expect(page.messages.map((m: { body: string }) => m.body)).toEqual(['Since Monday', 'Fixed the schedule, please retry.']);
    expect(JSON.stringify(page)).not.toContain('Internal: looks like the cron');
    const answer = await alice.request({
      method: 'POST',
      url: `/api/portal/tickets/${id}/messages`,
      payload: { body: 'Works now, thanks' },
    });
    expect(answer.statusCode).toBe(201);
    const agentView = (await agent.request({ method: 'GET', url: `/api/tickets/${id}` })).json();
    expect(agentView.ticket.status).toBe('open');
    expect(agentView.ticket.channel).toBe('portal');
    const list = (await alice.request({ method: 'GET', url: '/api/portal/tickets?status=open' })).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(id);
  });

  it('never shows or changes another account’s ticket: its id answers 404', async () => {
    const theirs = (
      await alice.request({ method: 'POST', url: '/api/portal/tickets', payload: { subject: 'Acme only', description: 'secret' } })
    ).json();
    expectError(await bob.request({ method: 'GET', url: `/api/portal/tickets/${theirs.id}` }), 404, 'tickets.not_found');
    expectError(
      await bob.request({ method: 'POST', url: `/api/portal/tickets/${theirs.id}/messages`, payload: { body: 'hi' } }),
      404,
      'tickets.not_found',
    );
    const bobs = (await bob.request({ method: 'GET', url: '/api/portal/tickets' })).json();
    expect(bobs.items.map((x: { id: string }) => x.id)).not.toContain(theirs.id);
  });

  it('keeps member and portal sign-ins apart and asks for the CSRF token on writes', async () => {
    expectError(await agent.request({ method: 'GET', url: '/api/portal/tickets' }), 401, 'auth.unauthenticated');
    expectError(await alice.request({ method: 'GET', url: '/api/tickets' }), 401, 'auth.unauthenticated');
    expectError(
      await alice.request({
        method: 'POST',
        url: '/api/portal/tickets',
        headers: { 'x-csrf-token': 'forged' },
        payload: { subject: 's', description: 'd' },
      }),
      403,
      'auth.csrf_failed',
    );
  });

  it('signs in with a portal password once one is set', async () => {
    const res = await alice.request({ method: 'POST', url: '/api/portal/password', payload: { newPassword: 'a long portal password' } });
    expect(res.statusCode).toBe(204);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/portal/sign-in/password',
      payload: { email: 'alice@acme.test', password: 'a long portal password' },
    });
    expect(ok.statusCode).toBe(200);
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/portal/sign-in/password',
        payload: { email: 'alice@acme.test', password: 'wrong one' },
      }),
      401,
      'auth.invalid_credentials',
    );
  });

  it('ends a contact’s portal sessions when an agent turns their access off', async () => {
    const carol = await agent.request({
      method: 'POST',
      url: `/api/accounts/${bob.accountId}/contacts`,
      payload: { name: 'Carol', email: 'carol@globex.test' },
    });
    const session = await portalSignIn(t, 'carol@globex.test');
    expect(
      (await agent.request({ method: 'PUT', url: `/api/contacts/${carol.json().id}/portal-access`, payload: { enabled: false } }))
        .statusCode,
    ).toBe(204);
    expectError(await session.request({ method: 'GET', url: '/api/portal/session' }), 401, 'auth.unauthenticated');
    const listed = (await agent.request({ method: 'GET', url: `/api/accounts/${bob.accountId}/contacts` })).json().items;
    expect(listed.map((c: { email: string; portalAccess: boolean }) => [c.email, c.portalAccess]).sort()).toEqual([
      ['bob@globex.test', true],
      ['carol@globex.test', false],
    ]);
    await t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'carol@globex.test' } });
    const tokens = await t.db.kysely.selectFrom('portal_links').select('token_hash').where('contact_id', '=', carol.json().id).execute();
    expect(tokens).toHaveLength(1);
  });

  it('lets anyone search the help centre, which shows only published public articles', async () => {
    const make = (title: string, visibility: string, status: string) =>
      agent.request({
        method: 'POST',
        url: '/api/articles',
        payload: { title, body: `How to rotate the webhook secret (${visibility} ${status})`, visibility, status },
      });
    const open = (await make('Rotating webhook secrets', 'public', 'published')).json();
    const internal = (await make('Rotating webhook secrets internally', 'internal', 'published')).json();
    const draft = (await make('Rotating webhook secrets draft', 'public', 'draft')).json();
    const found = (await t.app.inject({ method: 'GET', url: '/api/portal/articles?q=rotate%20webhook' }))
      .json()
      .items.map((a: { id: string }) => a.id);
    expect(found).toContain(open.id);
    expect(found).not.toContain(internal.id);
    expect(found).not.toContain(draft.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/portal/articles/${open.id}` })).statusCode).toBe(200);
    expectError(await t.app.inject({ method: 'GET', url: `/api/portal/articles/${internal.id}` }), 404, 'articles.not_found');
    expectError(await t.app.inject({ method: 'GET', url: `/api/portal/articles/${draft.id}` }), 404, 'articles.not_found');
  });

  it('serves the branding to anyone and lets admins change it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/branding' })).json().name).toBe('Support portal');
    const res = await agent.request({
      method: 'PUT',
      url: '/api/settings/portal-branding',
      payload: { name: 'Acme Help', logoUrl: null, colour: '#0b7285' },
    });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/branding' })).json()).toEqual({
      name: 'Acme Help',
      logoUrl: null,
      colour: '#0b7285',
    });
  });
});
