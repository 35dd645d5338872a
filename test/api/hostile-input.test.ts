/**
 * Issue 13, "checks that keep it so": hostile requests generated from `/api/openapi.json` for every
 * operation — wrong types, missing and extra fields, huge and deeply nested values, NUL and invalid
 * UTF-8, injection-looking strings, bad ids and cursors, wrong content types and malformed JSON — as
 * an anonymous caller, a portal contact and an admin, on each database. It fails on any 5xx, on a
 * 4xx outside the error shape, and on any row written by a refused request.
 *
 * Bounded and repeatable: a fixed seed and RUNS_PER_OP requests per operation (5,640 per
 * database: 12–35 s on SQLite and 20–50 s on PostgreSQL on two cores, depending on load).
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../src/db/test-database.js';
import { createAccountViaService, createContactViaService } from '../factories/index.js';
import { portalSignIn, type PortalSignedIn } from '../helpers/portal.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../helpers/test-app.js';
import { isWrite, operationsOf, type Operation } from './hostile/openapi.js';
import { describeRequest, requestArb, type HostileRequest } from './hostile/requests.js';
import { changed, rowCounter, type RowCounts } from './hostile/row-counts.js';
import { healthSettled } from '../../src/modules/success/index.js';

const SEED = 20_261_213;
const RUNS_PER_OP = 30;
type Caller = 'anonymous' | 'contact' | 'admin';

/** Tables a refused request may write by design: the audit trail of refusals and the rate limiter's counters. */
const WRITTEN_ON_REFUSAL = new Set(['audit_log', 'rate_limit_counters']);

/** The event stream never ends, so `inject` would wait for ever; its input is one cookie. */
const SKIPPED = new Set(['GET /api/events/stream']);
/** These end the sessions or the portal access the other cases use, so they go last. */
const LAST = new Set([
  'POST /api/auth/sign-out',
  'POST /api/portal/sign-out',
  'PUT /api/contacts/{id}/portal-access',
  'POST /api/auth/password',
  'POST /api/portal/password',
]);

const key = (op: Operation) => `${op.method} ${op.path}`;

/** The Zendesk-compatible API (/api/v2) answers in Zendesk's error shape instead (issue 18). */
function zendeskShapeProblem(res: LightMyRequestResponse): string | null {
  let body: { error?: unknown; description?: unknown };
  try {
    body = res.json();
  } catch {
    return `not JSON: ${res.body.slice(0, 200)}`;
  }
  if (typeof body.error !== 'string' || (body.description !== undefined && typeof body.description !== 'string')) {
    return `not Zendesk's error shape: ${res.body.slice(0, 200)}`;
  }
  return null;
}

function shapeProblem(res: LightMyRequestResponse): string | null {
  let body: unknown;
  try {
    body = res.json();
  } catch {
    return `not JSON: ${res.body.slice(0, 200)}`;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
  const keys = error && typeof error === 'object' ? Object.keys(error).sort().join() : '';
  if (
    Object.keys(body as object).join() !== 'error' ||
    keys !== 'code,details,message' ||
    typeof error!.code !== 'string' ||
    typeof error!.message !== 'string'
  ) {
    return `not the error shape: ${res.body.slice(0, 200)}`;
  }
  return null;
}

describe.each(testDialects())('hostile input on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let contact: PortalSignedIn;
  let ids: string[];
  let counts: () => Promise<RowCounts>;
  let operations: Operation[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    const account = await createAccountViaService(t.db, { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' });
    const person = await createContactViaService(t.db, account.id, { email: 'bill@initech.com', name: 'Bill Lumbergh' });
    contact = await portalSignIn(t, 'bill@initech.com');
    const ticket = await admin.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Fixture', description: 'A case', requesterId: person.id },
    });
    ids = [account.id, person.id, (ticket.json() as { id: string }).id];
    counts = await rowCounter(t.db);
    const doc = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    operations = operationsOf(doc.json()).filter((op) => !SKIPPED.has(key(op)));
  }, 60_000);
  afterAll(async () => t.close());

  it('answers every generated hostile request without a 5xx, in the error shape, writing nothing when refused', async () => {
    const started = Date.now();
    const failures: string[] = [];
    let requests = 0;
    let snapshot: RowCounts | null = null;
    let problem = '';
    const statuses = new Map<number, number>();

    const send = (caller: Caller, r: HostileRequest) => {
      const options = { method: r.method, url: r.url, headers: r.headers, ...(r.payload !== undefined ? { payload: r.payload } : {}) };
      if (caller === 'admin') return admin.request(options);
      if (caller === 'contact') return contact.request(options);
      return t.app.inject(options);
    };

    const ordered = [...operations.filter((op) => !LAST.has(key(op))), ...operations.filter((op) => LAST.has(key(op)))];
    expect(ordered.length).toBeGreaterThan(150);
    for (const [index, op] of ordered.entries()) {
      // Mostly the caller who may use the operation, so that requests get past sign-in to the checks behind it.
      const portal = op.path.startsWith('/api/portal/');
      const caller = fc.oneof(
        { weight: 1, arbitrary: fc.constant<Caller>('anonymous') },
        { weight: portal ? 4 : 1, arbitrary: fc.constant<Caller>('contact') },
        { weight: portal ? 1 : 4, arbitrary: fc.constant<Caller>('admin') },
      );
      const property = fc.asyncProperty(caller, requestArb(op, ids), async (caller, r) => {
        const write = isWrite(op);
        // Counted right before each write: a read may fill a cache (an account's first health read
        // scores it), and a write may leave work that finishes after its answer (usage rescoring).
        if (write) {
          await healthSettled(t.db.kysely);
          snapshot = await counts();
        }
        requests++;
        const res = await send(caller, r);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (process.env.HOSTILE_DEBUG && caller === 'admin' && res.statusCode === 400) console.info(res.json().error.message.slice(0, 160));
        const where = `${caller}: ${describeRequest(r)}`;
        const fail = (message: string) => {
          problem = `${message} ← ${where}`;
          throw new Error(problem);
        };
        if (res.statusCode >= 500) fail(`${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) {
          // The path as the server routes it (`/api/v2/../x` is not under /api/v2).
          const zendesk = new URL(r.url, 'http://outpost').pathname.startsWith('/api/v2/');
          const shape = zendesk ? zendeskShapeProblem(res) : shapeProblem(res);
          if (shape) fail(`${res.statusCode} ${shape}`);
        }
        if (!write) return;
        const after = await counts();
        const before = snapshot!;
        snapshot = after;
        if (res.statusCode >= 400) {
          const written = changed(before, after, WRITTEN_ON_REFUSAL);
          if (written.length) fail(`${res.statusCode} but wrote rows (${written.join(', ')})`);
        }
      });
      problem = '';
      try {
        await fc.assert(property, { seed: SEED + index, numRuns: RUNS_PER_OP, endOnFailure: true });
      } catch (err) {
        failures.push(`${key(op)}: ${problem || (err as Error).message.slice(0, 600)}`);
        snapshot = null;
      }
    }
    console.info(
      `hostile input on ${dialect}: ${requests} requests over ${ordered.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
    );
    expect(failures).toEqual([]);
    // Bounded by count (RUNS_PER_OP per operation); the limit only stops a hung run (about 400 operations now: minutes on PostgreSQL).
  }, 900_000);
});
