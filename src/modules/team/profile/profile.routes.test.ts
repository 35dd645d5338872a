import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import {
  createAccountViaService,
  createContactViaService,
  expectError,
  logInteractionViaService,
} from '../../../../test/factories/index.js';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { refreshRelationship } from '../../accounts/index.js';
import { recordTimeHistory } from '../index.js';

const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString();

describe.each(testDialects())('role profile routes on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let engineer: SignedIn;
  let manager: SignedIn;
  let other: SignedIn;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    engineer = await signInAs(t, ['implementation']);
    manager = await signInAs(t, ['engineering_manager']);
    other = await signInAs(t, ['support_tier1']);

    // An implementation engineer: 60 % engineering, weekly work with one engaged customer for
    // 10 weeks, and time for the company's own IT account.
    const customer = await createAccountViaService(t.db, { name: 'Helios Energy', segment: 'strategic' });
    const contact = await createContactViaService(t.db, customer.id);
    const ownIt = await createAccountViaService(t.db, { name: 'Outpost internal IT', internal: true });
    const entries = [];
    for (let week = 0; week < 10; week++) {
      const at = daysAgo(3 + week * 7);
      entries.push({ memberId: engineer.memberId, minutes: 360, category: 'engineering' as const, startedAt: at, accountId: customer.id });
      entries.push({ memberId: engineer.memberId, minutes: 180, category: 'customer' as const, startedAt: at, accountId: customer.id });
      entries.push({ memberId: engineer.memberId, minutes: 60, category: 'internal' as const, startedAt: at, accountId: ownIt.id });
      await logInteractionViaService(t.db, customer.id, {
        kind: 'workshop',
        occurredAt: at,
        memberIds: [engineer.memberId],
        contactIds: [contact.id],
      });
    }
    await recordTimeHistory(t.db.kysely, SYSTEM_CONTEXT, entries);
    await refreshRelationship(t.db.kysely, customer.id);
  });
  afterAll(async () => t.close());

  const profileOf = (who: SignedIn, id: string, query = '') => who.request({ method: 'GET', url: `/api/members/${id}/profile${query}` });

  it('gives a member their own profile, with the figures, the verdict and its reasons', async () => {
    const res = await profileOf(engineer, engineer.memberId);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      memberId: engineer.memberId,
      to: today(),
      totalMinutes: 6000,
      minutesByCategory: { engineering: 3600, customer: 1800, internal: 600, routine: 0, management: 0 },
      handsOnShare: 0.6,
      conditions: { handsOn: true, deepRelationship: true },
      verdict: 'customer_facing_engineer',
      deepRelationships: [{ accountName: 'Helios Energy', weeks: 10 }],
      otherRelationships: [{ accountName: 'Outpost internal IT' }],
      nearestRole: { role: expect.any(String) },
      rules: { handsOnThreshold: 0.5, minWeeks: 6, minSpanDays: 60, defaultPeriodDays: 90 },
    });
    expect(p.reasons).toContain('Hands-on share 60 % (60 h engineering of 100 h logged) reaches the 50 % threshold.');
  });

  it('shows another member’s profile only with time.manage', async () => {
    expectError(await profileOf(other, engineer.memberId), 403, 'profiles.of_others_forbidden');
    expect((await profileOf(manager, engineer.memberId)).json().verdict).toBe('customer_facing_engineer');
    expect((await profileOf(admin, engineer.memberId)).statusCode).toBe(200);
    expectError(await profileOf(admin, 'no-such-member'), 404, 'members.not_found');
    expectError(await profileOf(other, 'no-such-member'), 404, 'members.not_found');
  });

  it('covers the period asked for, and refuses a reversed or over-long one', async () => {
    const early = await profileOf(engineer, engineer.memberId, '?from=2020-01-01&to=2020-03-31');
    expect(early.json()).toMatchObject({
      from: '2020-01-01',
      to: '2020-03-31',
      totalMinutes: 0,
      handsOnShare: null,
      verdict: 'not_customer_facing_engineer',
    });
    expectError(await profileOf(engineer, engineer.memberId, '?from=2026-03-02&to=2026-03-01'), 422, 'profiles.period_invalid');
    expectError(await profileOf(engineer, engineer.memberId, '?from=2025-01-01&to=2026-01-02'), 422, 'profiles.period_invalid');
    expect((await profileOf(engineer, engineer.memberId, '?from=2025-01-02&to=2026-01-02')).statusCode).toBe(200);
    expect((await profileOf(engineer, engineer.memberId, '?from=yesterday')).statusCode).toBe(400);
  });

  it('judges by the thresholds an admin sets, and audits the change', async () => {
    expect((await admin.request({ method: 'GET', url: '/api/admin/role-profile-rules' })).json()).toEqual({
      handsOnThreshold: 0.5,
      minWeeks: 6,
      minSpanDays: 60,
      defaultPeriodDays: 90,
    });
    expect((await manager.request({ method: 'GET', url: '/api/admin/role-profile-rules' })).statusCode).toBe(403);
    const stricter = { handsOnThreshold: 0.65, minWeeks: 6, minSpanDays: 60, defaultPeriodDays: 90 };
    expectError(await manager.request({ method: 'PUT', url: '/api/admin/role-profile-rules', payload: stricter }), 403, 'auth.forbidden');
    expect((await admin.request({ method: 'PUT', url: '/api/admin/role-profile-rules', payload: stricter })).statusCode).toBe(200);
    const p = (await profileOf(engineer, engineer.memberId)).json();
    expect(p.verdict).toBe('not_customer_facing_engineer');
    expect(p.reasons).toContain('Hands-on share 60 % (60 h engineering of 100 h logged) is below the 65 % threshold.');
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'settings.role_profile_rules_changed')
      .execute();
    expect(audit).toEqual([{ action: 'settings.role_profile_rules_changed', actor_id: admin.memberId }]);
    const bad = await admin.request({
      method: 'PUT',
      url: '/api/admin/role-profile-rules',
      payload: { ...stricter, handsOnThreshold: 1.5 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/admin/role-profile-rules' })).json().handsOnThreshold).toBe(0.65);
    await admin.request({ method: 'PUT', url: '/api/admin/role-profile-rules', payload: { ...stricter, handsOnThreshold: 0.5 } });
  });

  it('flags an account internal through the accounts API, shown in the list and audited', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Our own IT desk', segment: 'smb', internal: true },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().internal).toBe(true);
    const list = (await admin.request({ method: 'GET', url: '/api/accounts?q=our%20own' })).json();
    expect(list.items).toMatchObject([{ name: 'Our own IT desk', internal: true }]);
    const updated = await admin.request({ method: 'PATCH', url: `/api/accounts/${created.json().id}`, payload: { internal: false } });
    expect(updated.json().internal).toBe(false);
    const plain = await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: 'A customer', segment: 'smb' } });
    expect(plain.json().internal).toBe(false);
    expect(
      (await admin.request({ method: 'PATCH', url: `/api/accounts/${plain.json().id}`, payload: { internal: 'yes' } })).statusCode,
    ).toBe(400);
  });
});
