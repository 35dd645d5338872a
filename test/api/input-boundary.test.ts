/**
 * Issue 13, findings 1 and 9: a NUL character or invalid UTF-8 anywhere in a request (JSON body,
 * path, query) is refused with 400 in the error shape, before it reaches a route or the database.
 * PostgreSQL answered 500 to NUL in any text value (even to an anonymous sign-in) and SQLite stored
 * it; invalid UTF-8 was stored as replacement characters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../src/db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../helpers/test-app.js';
import { expectError, unique } from '../factories/index.js';

const json = { 'content-type': 'application/json' };

describe.each(testDialects())('input boundary on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  const accountCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('accounts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses an anonymous sign-in whose e-mail holds a NUL with 400, not 500', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: json,
      payload: JSON.stringify({ email: 'a\u0000b@x.io', password: 'x' }),
    });
    expectError(res, 400, 'request.nul_character');
    expect(res.json().error.details).toMatchObject({ location: 'body', path: 'email' });
  });

  it('refuses a NUL deep in a write body and writes nothing', async () => {
    const before = await accountCount();
    const res = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      headers: json,
      payload: JSON.stringify({
        name: `Acme\u0000 ${unique()}`,
        domains: [],
        segment: 'smb',
        arr: 0,
        lifecycleStage: 'prospect',
        renewalDate: null,
      }),
    });
    expectError(res, 400, 'request.nul_character');
    expect(await accountCount()).toBe(before);
  });

  it('refuses a body that is not valid UTF-8 instead of storing replacement characters', async () => {
    const before = await accountCount();
    const body = Buffer.concat([
      Buffer.from(`{"name":"Bad `),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`","domains":[],"segment":"smb","arr":0,"lifecycleStage":"prospect","renewalDate":null}`),
    ]);
    const res = await admin.request({ method: 'POST', url: '/api/accounts', headers: json, payload: body });
    expectError(res, 400, 'request.invalid_utf8');
    expect(await accountCount()).toBe(before);
  });

  it('refuses %00 and invalid UTF-8 in query and path values', async () => {
    expectError(await admin.request({ method: 'GET', url: '/api/accounts?q=a%00b' }), 400, 'request.nul_character');
    expectError(await admin.request({ method: 'GET', url: '/api/accounts/abc%00def' }), 400, 'request.nul_character');
    expectError(await admin.request({ method: 'GET', url: '/api/accounts?q=%C3%28' }), 400, 'request.invalid_utf8');
    expectError(await admin.request({ method: 'GET', url: '/api/search?q=a%00' }), 400, 'request.nul_character');
  });

  it("answers the router's own refusals (bad percent-encoding, an over-long path value) in the error shape", async () => {
    // Found by test/api/hostile-input.test.ts: Fastify answered these itself with {error, code, statusCode}.
    expectError(await admin.request({ method: 'GET', url: '/api/tickets/%zz' }), 400, 'request.bad_url');
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/accounts/%/interactions', headers: json, payload: '{}' }),
      400,
      'request.bad_url',
    );
    expectError(await admin.request({ method: 'GET', url: `/api/accounts/${'x'.repeat(5_000)}` }), 414, 'request.path_too_long');
  });

  it('still accepts ordinary UTF-8 text, escaped or not', async () => {
    const name = `Zürich Ωmega ${unique()}`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      headers: json,
      payload: JSON.stringify({ name, domains: [], segment: 'smb', arr: 0, lifecycleStage: 'prospect', renewalDate: null }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
    const found = await admin.request({ method: 'GET', url: `/api/accounts?q=${encodeURIComponent('Zürich')}` });
    expect(found.statusCode).toBe(200);
  });
});
