/**
 * Issue 13, finding 6: password spraying — one address trying one password on many e-mails —
 * passed every limit (sixty guesses at sixty e-mails in under a minute, none refused).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { startTestApp, signInAs, TEST_PASSWORD, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import { FAILED_SIGN_INS_PER_ADDRESS } from './address-limit.js';

// A small cap keeps the test quick (every guess costs a password hash); the default is 50.
vi.hoisted(() => {
  process.env.OUTPOST_SIGN_IN_ADDRESS_LIMIT = '8';
});

describe.each(testDialects())('sign-in limit per address on %s', (dialect) => {
  let t: TestApp;
  let memberEmail: string;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    memberEmail = (await signInAs(t, ['support_tier1'], 'sprayed@team.test')).email;
  });
  afterAll(async () => {
    await t.close();
  });

  const signIn = (email: string, password: string, remoteAddress = '203.0.113.5') =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress, payload: { email, password } });

  it('refuses an address that sprays one password over many e-mails, audits it once, and leaves other addresses alone', async () => {
    for (let i = 0; i < FAILED_SIGN_INS_PER_ADDRESS; i++)
      expectError(await signIn(`victim${i}@team.test`, 'Summer2026!'), 401, 'auth.invalid_credentials');
    // The cap holds even for a right password: the address is refused before any password is checked.
    const refused = expectError(await signIn(memberEmail, TEST_PASSWORD), 429, 'request.rate_limited');
    expect(refused.details).toMatchObject({ scope: 'address' });
    expectError(await signIn('victim-next@team.test', 'Summer2026!'), 429, 'request.rate_limited');

    const audits = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'sign_in.address_limited').execute();
    expect(audits.map((a) => a.record_id)).toEqual(['203.0.113.5']);

    expect((await signIn(memberEmail, TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(200);
  }, 120_000);
});
