/**
 * The permission matrix (issue: customer portal and trust). It reads the server's own route table,
 * so a new route cannot escape it, and calls every route as: anonymous; a contact of account A; a
 * contact of account B; each member role; and an API token for each scope — checking each outcome
 * against the route's declared policy. A route with no declared policy below fails the test.
 *
 * Portal routes that take an id are also called with a record of account A by contact A (it must
 * get through) and by contact B (it must get 404, never the record).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { RouteEntry } from '../../src/modules/identity/roles/route-access.js';
import { testDialects } from '../../src/db/test-database.js';
import { PERMISSIONS, permissionsFor, ROLES, type Permission } from '../../src/modules/identity/roles/roles.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../helpers/test-app.js';
import { portalSignIn, type PortalSignedIn } from '../helpers/portal.js';
import { SYSTEM_CONTEXT } from '../../src/kernel/actor.js';
import { closeTheLoop } from '../../src/modules/feedback/loop/close-the-loop.js';
import { insertItem, insertRequest, shipRequest } from '../../src/modules/feedback/loop/test-feedback-rows.js';

/**
 * How each portal route that names a record is checked for isolation: the URL with account A's
 * record and a body contact B would send. Portal routes without an id are scoped by session alone.
 */
const PORTAL_RECORD_ROUTES: Record<string, { url: (ids: AccountIds) => string; payload?: Record<string, unknown> }> = {
  'GET /api/portal/tickets/:id': { url: (a) => `/api/portal/tickets/${a.ticketId}` },
  'POST /api/portal/tickets/:id/messages': { url: (a) => `/api/portal/tickets/${a.ticketId}/messages`, payload: { body: 'Let me in' } },
  'POST /api/portal/tasks/:id/complete': { url: (a) => `/api/portal/tasks/${a.taskId}/complete` },
  'PUT /api/portal/training-sessions/:id/feedback': {
    url: (a) => `/api/portal/training-sessions/${a.trainingSessionId}/feedback`,
    payload: { rating: 5 },
  },
  // Closing the loop (feedback): the "it shipped" notice contact A holds.
  'POST /api/portal/notices/:id/read': { url: (a) => `/api/portal/notices/${a.noticeId}/read` },
  // UAT (feedback): contact A records a pass on the round's only case, then signs it off.
  'GET /api/portal/uat-rounds/:id': { url: (a) => `/api/portal/uat-rounds/${a.uatRoundId}` },
  'PUT /api/portal/uat-rounds/:id/cases/:caseId/result': {
    url: (a) => `/api/portal/uat-rounds/${a.uatRoundId}/cases/${a.uatCaseId}/result`,
    payload: { outcome: 'pass' },
  },
  'POST /api/portal/uat-rounds/:id/sign-off': {
    url: (a) => `/api/portal/uat-rounds/${a.uatRoundId}/sign-off`,
    payload: { name: 'Contact A' },
  },
  // Business reviews (success): a review of account A sent to contact A.
  'GET /api/portal/business-reviews/:id': { url: (a) => `/api/portal/business-reviews/${a.businessReviewId}` },
  'GET /api/portal/business-reviews/:id/pdf': { url: (a) => `/api/portal/business-reviews/${a.businessReviewId}/pdf` },
};

interface AccountIds {
  ticketId: string;
  internalArticleId: string;
  /** A customer-visible engagement task owned by contact A. */
  taskId: string;
  /** A delivered training session contact A attended. */
  trainingSessionId: string;
  /** The product-update notice contact A got when a request they asked for shipped. */
  noticeId: string;
  /** An open UAT round of account A with one case, contact A invited. */
  uatRoundId: string;
  uatCaseId: string;
  /** A business review of account A, sent to contact A. */
  businessReviewId: string;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A public webhook authenticates each call by its signature: the handler ran and refused a call
// that carries none (as every call here does), so that 401 counts as getting through the access check.
const SIGNATURE_REFUSED = new Set(['trackers.signature_invalid']);
const signatureRefused = (res: LightMyRequestResponse) => {
  try {
    return res.statusCode === 401 && SIGNATURE_REFUSED.has((res.json() as { error?: { code?: string } }).error?.code ?? '');
  } catch {
    return false;
  }
};
const through = (res: LightMyRequestResponse) =>
  signatureRefused(res) || (res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500);

/** Params pointing at nothing and an empty body: a request that gets through changes nothing. */
function harmless(route: RouteEntry): InjectOptions {
  return {
    method: route.method as InjectOptions['method'],
    url: route.url.replace(/:(\w+)/g, 'no-such-$1'),
    ...(WRITE.has(route.method) ? { payload: {} } : {}),
  };
}

/** Sign-out ends the session the other cases use, so it goes last. */
const signOutLast = (routes: RouteEntry[]) => [
  ...routes.filter((r) => !r.url.endsWith('/sign-out')),
  ...routes.filter((r) => r.url.endsWith('/sign-out')),
];

describe.each(testDialects())('permission matrix on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  const members = new Map<string, SignedIn>();
  const tokens = new Map<Permission, string>();
  let contactA: PortalSignedIn;
  let contactB: PortalSignedIn;
  let idsA: AccountIds;
  let cases = 0;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    for (const role of ROLES) members.set(role, await signInAs(t, [role]));
    // One token per permission; a member may create 20 tokens an hour, so a fresh admin issues each batch of 15.
    let issuer = admin;
    for (const [i, scope] of PERMISSIONS.entries()) {
      if (i > 0 && i % 15 === 0) issuer = await signInAs(t, ['admin']);
      const res = await issuer.request({ method: 'POST', url: '/api/tokens', payload: { name: `scope ${scope}`, scopes: [scope] } });
      expect(res.statusCode, res.body).toBe(201);
      tokens.set(scope, res.json().token);
    }
    for (const [name, domain] of [
      ['Account A', 'a.test'],
      ['Account B', 'b.test'],
    ]) {
      const account = await admin.request({ method: 'POST', url: '/api/accounts', payload: { name, domains: [domain], segment: 'smb' } });
      await admin.request({
        method: 'POST',
        url: `/api/accounts/${account.json().id}/contacts`,
        payload: { name: `Contact of ${name}`, email: `contact@${domain}` },
      });
    }
    contactA = await portalSignIn(t, 'contact@a.test');
    contactB = await portalSignIn(t, 'contact@b.test');
    const ticket = await contactA.request({
      method: 'POST',
      url: '/api/portal/tickets',
      payload: { subject: 'A only', description: 'Account A’s secret' },
    });
    const article = await admin.request({
      method: 'POST',
      url: '/api/articles',
      payload: { title: 'Internal runbook', body: 'Not for customers', visibility: 'internal', status: 'published' },
    });
    const engagement = await admin.request({
      method: 'POST',
      url: '/api/engagements',
      payload: { accountId: contactA.accountId, kind: 'onboarding', name: 'A’s secret rollout', startDate: '2026-03-02', budgetHours: 1 },
    });
    const task = await admin.request({
      method: 'POST',
      url: `/api/engagements/${engagement.json().id}/tasks`,
      payload: {
        title: 'A’s secret task',
        startDate: '2026-03-02',
        dueDate: '2026-03-02',
        customerVisible: true,
        owner: { type: 'contact', id: contactA.contactId },
      },
    });
    const training = await admin.request({
      method: 'POST',
      url: `/api/accounts/${contactA.accountId}/training-sessions`,
      payload: {
        topic: 'A’s secret training',
        audience: 'end_users',
        scheduledAt: '2026-03-02T09:00:00Z',
        durationMinutes: 60,
        contactIds: [contactA.contactId],
      },
    });
    await admin.request({ method: 'PATCH', url: `/api/training-sessions/${training.json().id}`, payload: { status: 'delivered' } });
    const feature = await admin.request({
      method: 'POST',
      url: '/api/feature-requests',
      payload: { title: 'A’s secret feature', status: 'in_progress' },
    });
    const uatRound = await admin.request({
      method: 'POST',
      url: `/api/feature-requests/${feature.json().id}/uat-rounds`,
      payload: {
        title: 'A’s secret acceptance test',
        accountId: contactA.accountId,
        cases: [{ title: 'A’s secret case', steps: 'Do it', expected: 'It works' }],
        contactIds: [contactA.contactId],
      },
    });
    const shipped = await insertRequest(t.db.kysely, { title: 'A’s secret shipped feature' });
    await insertItem(t.db.kysely, { requestId: shipped, accountId: contactA.accountId, contactId: contactA.contactId });
    await shipRequest(t.db.kysely, shipped, (trx) => closeTheLoop(trx, SYSTEM_CONTEXT, shipped));
    const notice = await t.db.kysely
      .selectFrom('feedback_notices')
      .select('id')
      .where('contact_id', '=', contactA.contactId)
      .executeTakeFirstOrThrow();
    const review = await admin.request({
      method: 'POST',
      url: `/api/accounts/${contactA.accountId}/business-reviews`,
      payload: { periodStart: '2026-01-01', periodEnd: '2026-03-31', title: 'A’s secret review' },
    });
    const sent = await admin.request({
      method: 'POST',
      url: `/api/business-reviews/${review.json().id}/send`,
      payload: { contactIds: [contactA.contactId] },
    });
    expect(sent.statusCode, sent.body).toBeLessThan(300);
    idsA = {
      businessReviewId: review.json().id,
      noticeId: notice.id,
      uatRoundId: uatRound.json().id,
      uatCaseId: uatRound.json().cases[0].id,
      ticketId: ticket.json().id,
      internalArticleId: article.json().id,
      taskId: task.json().id,
      trainingSessionId: training.json().id,
    };
  });
  afterAll(async () => {
    // Reported in the closing note: every route × principal pair this run checked.
    console.log(`permission matrix on ${dialect}: ${t.app.routeTable.length} routes, ${cases} route × principal cases`);
    await t.close();
  });

  it('has a declared policy for every route, matching what the server enforces', () => {
    const portalRoutes = t.app.routeTable.filter((r) => r.access === 'portal');
    const withRecord = portalRoutes.filter((r) => r.url.includes(':')).map((r) => `${r.method} ${r.url}`);
    // Every portal route that names a record has an isolation case; no case names a route that is gone.
    expect(withRecord.sort()).toEqual(Object.keys(PORTAL_RECORD_ROUTES).sort());
    const known = new Set<string>(['public', 'signed_in', 'portal', ...PERMISSIONS]);
    expect(t.app.routeTable.filter((r) => !known.has(r.access))).toEqual([]);
  });

  it('answers anonymous callers with 401 everywhere but the public routes', async () => {
    const wrong: string[] = [];
    for (const route of t.app.routeTable) {
      cases++;
      const res = await t.app.inject(harmless(route));
      const ok = route.access === 'public' ? through(res) : res.statusCode === 401;
      if (!ok) wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps customer contacts to the portal and public routes: 401 on every member route', async () => {
    const wrong: string[] = [];
    for (const contact of [contactA, contactB]) {
      for (const route of signOutLast(t.app.routeTable)) {
        if (route.url === '/api/portal/sign-out') continue;
        cases++;
        const res = await contact.request(harmless(route));
        const ok = route.access === 'public' || route.access === 'portal' ? through(res) : res.statusCode === 401;
        if (!ok) wrong.push(`${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('isolates accounts: contact A reaches A’s records, contact B gets 404 for them', async () => {
    const wrong: string[] = [];
    for (const [key, spec] of Object.entries(PORTAL_RECORD_ROUTES)) {
      const [method] = key.split(' ') as [InjectOptions['method']];
      const request: InjectOptions = { method, url: spec.url(idsA), ...(spec.payload ? { payload: spec.payload } : {}) };
      cases += 2;
      const asB = await contactB.request(request);
      if (asB.statusCode !== 404) wrong.push(`${key} as contact B: ${asB.statusCode} ${asB.body.slice(0, 100)}`);
      if (asB.body.includes('secret') || asB.body.includes('Not for customers')) wrong.push(`${key} leaked content to contact B`);
      const asA = await contactA.request(request);
      if (asA.statusCode >= 300) wrong.push(`${key} as contact A: ${asA.statusCode}`);
    }
    // The public help centre never shows an internal article, to a contact or to anyone.
    for (const who of [contactA, contactB]) {
      cases++;
      const res = await who.request({ method: 'GET', url: `/api/portal/articles/${idsA.internalArticleId}` });
      if (res.statusCode !== 404 || res.body.includes('Not for customers')) wrong.push(`internal article shown: ${res.statusCode}`);
    }
    const listB = await contactB.request({ method: 'GET', url: '/api/portal/tickets' });
    expect(listB.json().items.map((x: { id: string }) => x.id)).not.toContain(idsA.ticketId);
    expect(wrong).toEqual([]);
  });

  it.each([...ROLES])('lets a %s member through exactly where its permissions allow', async (role) => {
    const member = members.get(role)!;
    const granted = permissionsFor([role]);
    const wrong: string[] = [];
    for (const route of signOutLast(t.app.routeTable)) {
      cases++;
      const res = await member.request(harmless(route));
      const expected =
        route.access === 'portal'
          ? 401
          : route.access === 'public' || route.access === 'signed_in' || granted.has(route.access as Permission)
            ? 'through'
            : 403;
      const ok = expected === 'through' ? through(res) : res.statusCode === expected;
      if (!ok) wrong.push(`${route.method} ${route.url}: expected ${expected}, got ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([...PERMISSIONS])('limits an API token scoped to %s to that scope', async (scope) => {
    const headers = { authorization: `Bearer ${tokens.get(scope)}` };
    const wrong: string[] = [];
    for (const route of signOutLast(t.app.routeTable)) {
      cases++;
      const res = await t.app.inject({ ...harmless(route), headers });
      const expected =
        route.access === 'portal'
          ? 401
          : route.access === 'public' || route.access === 'signed_in' || route.access === scope
            ? 'through'
            : 403;
      const ok = expected === 'through' ? through(res) : res.statusCode === expected;
      if (!ok) wrong.push(`${route.method} ${route.url}: expected ${expected}, got ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });
});
