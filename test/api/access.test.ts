/**
 * Who may call what, enumerated from the server's own route table and the role → permission map,
 * so a new route or a changed grant is covered without editing this file.
 *
 * Route × principal cases per dialect (at the time of writing: 28 /api routes, 12 roles):
 *   anonymous × 28 /api routes + 4 public system routes   =  32
 *   12 roles × 28 /api routes (403, or let through)        = 336
 *   cookie with no / a forged CSRF token × 15 write routes =  30
 *   total                                                  = 398 (796 on both dialects)
 * plus the bearer-token cases at the end (scopes, revoke, scope escalation, demoted creator).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '../../src/modules/identity/roles/route-access.js';
import { testDialects } from '../../src/db/test-database.js';
import { permissionsFor, ROLES, type Permission, type Role } from '../../src/modules/identity/roles/roles.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../helpers/test-app.js';
import { expectError } from '../factories/index.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC_SYSTEM_ROUTES = ['/healthz', '/readyz', '/metrics', '/api/docs'];
/** A public webhook that ran and refused the call's signature: the route let the caller through to its own check. */
const signatureRefused = (res: { statusCode: number; json(): { error?: { code?: string } } }) =>
  res.statusCode === 401 && res.json().error?.code === 'trackers.signature_invalid';

/** The route with its params pointing at nothing, so a request that gets through changes nothing. */
function harmless(route: RouteEntry): InjectOptions {
  const url = route.url.replace(/:(\w+)/g, 'no-such-$1');
  return { method: route.method as InjectOptions['method'], url, ...(WRITE_METHODS.has(route.method) ? { payload: {} } : {}) };
}

/** Sign-out ends the session the rest of the cases use, so it goes last. */
function signOutLast(routes: RouteEntry[]): RouteEntry[] {
  const isSignOut = (r: RouteEntry) => r.url === '/api/auth/sign-out';
  return [...routes.filter((r) => !isSignOut(r)), ...routes.filter(isSignOut)];
}

/** The Zendesk-compatible API (issue 18) answers in Zendesk's error shape, with Outpost's code beside it. */
const isZendeskApi = (url: string) => url.startsWith('/api/v2/');
function errorCode(res: LightMyRequestResponse): string | undefined {
  const body = res.json() as { error?: { code?: string } | string; outpost_code?: string };
  return typeof body.error === 'object' ? body.error.code : body.outpost_code;
}

describe.each(testDialects())('access control on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  const members = new Map<Role, SignedIn>();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    for (const role of ROLES) members.set(role, await signInAs(t, [role]));
  });
  afterAll(async () => t.close());

  it('declares every API route with one of the known access levels', () => {
    const table = t.app.routeTable;
    expect(table.length).toBeGreaterThanOrEqual(28);
    const known = new Set<string>(['public', 'signed_in', 'portal', ...permissionsFor(['admin'])]);
    expect(table.filter((r) => !known.has(r.access))).toEqual([]);
    expect(
      table
        .filter((r) => r.access === 'public')
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      // The requester's CSAT rating link: its token is the credential.
      'GET /api/csat/:token',
      'GET /api/openapi.json',
      // The customer portal's branding and sign-in (by e-mailed link or portal password).
      'GET /api/portal/articles',
      'GET /api/portal/articles/:id',
      'GET /api/portal/branding',
      'POST /api/auth/sign-in',
      'POST /api/csat/:token',
      // Issue trackers' webhooks: the HMAC signature (GitHub) or shared secret (Jira) is the credential.
      'POST /api/engineering-trackers/github/webhook',
      'POST /api/engineering-trackers/jira/webhook',
      'POST /api/portal/sign-in-link',
      'POST /api/portal/sign-in/link',
      'POST /api/portal/sign-in/password',
    ]);
  });

  it('answers anonymous requests with 401 on every route that is not public', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeTable) {
      const res = await t.app.inject(harmless(route));
      const name = `${route.method} ${route.url}`;
      if (route.access === 'public') {
        if ((res.statusCode === 401 && !signatureRefused(res)) || res.statusCode === 403 || res.statusCode >= 500)
          failures.push(`${name} is public but answered ${res.statusCode}`);
        continue;
      }
      if (res.statusCode !== 401 || errorCode(res) !== 'auth.unauthenticated')
        failures.push(`${name} answered ${res.statusCode} ${res.body.slice(0, 120)}`);
      else if (!isZendeskApi(route.url)) expectError(res, 401, 'auth.unauthenticated');
    }
    for (const url of PUBLIC_SYSTEM_ROUTES) {
      const res = await t.app.inject({ method: 'GET', url });
      if (res.statusCode >= 400) failures.push(`GET ${url} should be public but answered ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets anyone sign in and read the API description without a session', async () => {
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toBe('3.1.0');
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'nobody@team.test', password: 'not a password' },
    });
    expectError(signIn, 401, 'auth.invalid_credentials');
  });

  it.each([...ROLES])('gives a %s 403 on every route needing a permission the role lacks, and lets it through elsewhere', async (role) => {
    const member = members.get(role)!;
    const granted = permissionsFor([role]);
    const failures: string[] = [];
    let forbiddenCount = 0;
    for (const route of signOutLast(t.app.routeTable)) {
      const res = await member.request(harmless(route));
      const name = `${route.method} ${route.url}`;
      // Portal routes are for customer contacts only: a member's session does not count there.
      if (route.access === 'portal') {
        if (res.statusCode !== 401) failures.push(`${name} is a portal route but let a member through: ${res.statusCode}`);
        continue;
      }
      const allowed = route.access === 'public' || route.access === 'signed_in' || granted.has(route.access as Permission);
      if (allowed) {
        if ((res.statusCode === 401 && !signatureRefused(res)) || res.statusCode === 403 || res.statusCode >= 500)
          failures.push(`${name} should be allowed, got ${res.statusCode} ${res.body.slice(0, 120)}`);
      } else {
        forbiddenCount++;
        if (
          res.statusCode !== 403 ||
          errorCode(res) !== 'auth.forbidden' ||
          // Zendesk's 403 body names no permission.
          (!isZendeskApi(route.url) && res.json().error?.details?.permission !== route.access)
        ) {
          failures.push(`${name} needs ${route.access}; got ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    if (role !== 'admin') expect(forbiddenCount).toBeGreaterThan(0);
  });

  it('refuses the writes the roles catalogue says a role may not do', async () => {
    const tier1 = await signInAs(t, ['support_tier1']);
    const stakeholder = await signInAs(t, ['stakeholder']);
    const cases: [SignedIn, InjectOptions, string][] = [
      [tier1, { method: 'POST', url: '/api/members', payload: { email: 'x@team.test', name: 'X', roles: ['admin'] } }, 'members.manage'],
      [tier1, { method: 'PUT', url: '/api/settings/relationship-rules', payload: {} }, 'settings.manage'],
      [tier1, { method: 'GET', url: '/api/audit' }, 'audit.read'],
      [tier1, { method: 'GET', url: '/api/tokens' }, 'tokens.manage'],
      [stakeholder, { method: 'POST', url: '/api/accounts', payload: { name: 'Acme', segment: 'smb' } }, 'accounts.write'],
      [stakeholder, { method: 'POST', url: '/api/accounts/x/interactions', payload: {} }, 'interactions.write'],
    ];
    for (const [who, request, permission] of cases) {
      const error = expectError(await who.request(request), 403, 'auth.forbidden');
      expect(error.details.permission).toBe(permission);
      expect(error.message).toContain(permission);
    }
    const accounts = await admin.request({ method: 'GET', url: '/api/accounts?q=acme' });
    expect(accounts.json().items).toEqual([]);
  });

  it('refuses cookie-authenticated writes without the X-CSRF-Token header, or with a wrong one', async () => {
    const member = await signInAs(t, ['admin']);
    const cookieOnly = { cookie: member.headers.cookie! };
    const auditBefore = (await t.db.kysely.selectFrom('audit_log').select('id').execute()).length;
    const failures: string[] = [];
    let cases = 0;
    for (const route of t.app.routeTable) {
      if (!WRITE_METHODS.has(route.method) || route.access === 'public' || route.access === 'portal') continue;
      cases++;
      for (const headers of [cookieOnly, { ...cookieOnly, 'x-csrf-token': 'forged' }]) {
        const res = await t.app.inject({ ...harmless(route), headers });
        if (res.statusCode !== 403 || errorCode(res) !== 'auth.csrf_failed')
          failures.push(`${route.method} ${route.url}: ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(15);
    // The session survived (sign-out without CSRF did not end it), and nothing was written.
    const read = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: cookieOnly });
    expect(read.statusCode).toBe(200);
    expect((await t.db.kysely.selectFrom('audit_log').select('id').execute()).length).toBe(auditBefore);
  });

  describe('API tokens', () => {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

    it('work without CSRF, only within their scopes, and stop working once revoked', async () => {
      const created = await admin.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'CRM sync', scopes: ['accounts.read', 'accounts.write'] },
      });
      expect(created.statusCode).toBe(201);
      const { token, apiToken } = created.json();
      expect(token).toMatch(/^opt_/);
      expect(apiToken.scopes.sort()).toEqual(['accounts.read', 'accounts.write']);

      const write = await t.app.inject({
        method: 'POST',
        url: '/api/accounts',
        headers: bearer(token),
        payload: { name: 'Token Made', segment: 'smb' },
      });
      expect(write.statusCode).toBe(201);
      const read = await t.app.inject({ method: 'GET', url: `/api/accounts/${write.json().id}`, headers: bearer(token) });
      expect(read.statusCode).toBe(200);

      // The admin who made it may do everything; the token may not.
      for (const [request, permission] of [
        [{ method: 'GET', url: '/api/members' }, 'members.read'],
        [
          { method: 'POST', url: `/api/accounts/${write.json().id}/contacts`, payload: { name: 'A', email: 'a@tokenmade.com' } },
          'contacts.write',
        ],
        [{ method: 'GET', url: '/api/audit' }, 'audit.read'],
        [{ method: 'POST', url: '/api/tokens', payload: { name: 'more', scopes: ['accounts.read'] } }, 'tokens.manage'],
      ] as [InjectOptions, string][]) {
        const res = await t.app.inject({ ...request, headers: bearer(token) });
        expect(expectError(res, 403, 'auth.forbidden').details.permission).toBe(permission);
      }

      const revoked = await admin.request({ method: 'POST', url: `/api/tokens/${apiToken.id}/revoke` });
      expect(revoked.statusCode).toBe(200);
      expect(revoked.json().revokedAt).not.toBeNull();
      expectError(await t.app.inject({ method: 'GET', url: '/api/accounts', headers: bearer(token) }), 401, 'auth.unauthenticated');
      expectError(
        await t.app.inject({
          method: 'POST',
          url: '/api/accounts',
          headers: bearer(token),
          payload: { name: 'After Revoke', segment: 'smb' },
        }),
        401,
        'auth.unauthenticated',
      );
    });

    it('refuses a token with a scope its creator lacks with 422', async () => {
      const made = await admin.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'token admin', scopes: ['tokens.manage', 'accounts.read'] },
      });
      const limited = made.json().token as string;
      const escalate = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: bearer(limited),
        payload: { name: 'escalated', scopes: ['accounts.read', 'accounts.write'] },
      });
      expectError(escalate, 422, 'tokens.scope_invalid');
      const within = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: bearer(limited),
        payload: { name: 'narrower', scopes: ['accounts.read'] },
      });
      expect(within.statusCode).toBe(201);
      const names = (await admin.request({ method: 'GET', url: '/api/tokens' })).json().items.map((x: { name: string }) => x.name);
      expect(names).toContain('narrower');
      expect(names).not.toContain('escalated');
    });

    it('can never do more than its member can today: a demoted creator’s token loses the dropped permissions', async () => {
      const second = await signInAs(t, ['admin', 'technical_account_manager']);
      const made = await second.request({
        method: 'POST',
        url: '/api/tokens',
        payload: { name: 'ops', scopes: ['accounts.write', 'members.manage'] },
      });
      const token = made.json().token as string;
      const demote = await admin.request({
        method: 'PATCH',
        url: `/api/members/${second.memberId}`,
        payload: { roles: ['technical_account_manager'] },
      });
      expect(demote.statusCode).toBe(200);
      const members = await t.app.inject({
        method: 'POST',
        url: '/api/members',
        headers: bearer(token),
        payload: { email: 'z@team.test', name: 'Z', roles: ['field'] },
      });
      expectError(members, 403, 'auth.forbidden');
      const account = await t.app.inject({
        method: 'POST',
        url: '/api/accounts',
        headers: bearer(token),
        payload: { name: 'Still Allowed', segment: 'smb' },
      });
      expect(account.statusCode).toBe(201);
    });

    it('answers 401 to an unknown token or a header that is not a bearer token', async () => {
      for (const authorization of ['Bearer opt_not-a-real-token', 'Bearer something', 'Basic YWRtaW46YWRtaW4=']) {
        expectError(await t.app.inject({ method: 'GET', url: '/api/accounts', headers: { authorization } }), 401, 'auth.unauthenticated');
      }
    });
  });
});
