import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { SYSTEM_CONTEXT } from '../../kernel/actor.js';
import { SEGMENTS } from '../../modules/accounts/contract/kinds.js';
import { ROLES } from '../../modules/identity/roles/roles.js';
import * as team from '../../modules/team/index.js';
import { freshDatabase, testDialects } from '../test-database.js';
import { DEMO_ADMIN_EMAIL } from './demo-data.js';
import { demoAdminPassword, newDemoPassword } from './demo-password.js';
import { seedDemoWorkspace, type DemoSummary } from './demo-workspace.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describe.each(testDialects())('demo workspace on %s', (dialect) => {
  let t: TestApp;
  let summary: DemoSummary;
  let dataDir: string;
  const signIn = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: DEMO_ADMIN_EMAIL, password } });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    // As `outpost serve --seed-demo` does on a first start, with no OUTPOST_DEMO_PASSWORD set.
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-demo-'));
    const { password } = await newDemoPassword(dataDir, {});
    summary = await seedDemoWorkspace(t.db.kysely, NOW, { password });
    // The whole demo (a year of tickets, 90 days of health, every module) on PostgreSQL takes a while on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await t.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('has at least 25 accounts across all four segments and several lifecycle stages', async () => {
    const accounts = await t.db.kysely.selectFrom('accounts').select(['segment', 'lifecycle_stage']).execute();
    expect(accounts.length).toBeGreaterThanOrEqual(25);
    expect(summary.accounts).toBe(accounts.length);
    expect(new Set(accounts.map((a) => a.segment))).toEqual(new Set(SEGMENTS));
    expect(new Set(accounts.map((a) => a.lifecycle_stage)).size).toBeGreaterThanOrEqual(4);
  });

  it('gives every account 3 to 6 contacts', async () => {
    const counts = await t.db.kysely
      .selectFrom('accounts')
      .leftJoin('contacts', 'contacts.account_id', 'accounts.id')
      .select(['accounts.name', (eb) => eb.fn.count<number>('contacts.id').as('n')])
      .groupBy('accounts.name')
      .execute();
    for (const { name, n } of counts) {
      expect(Number(n), name).toBeGreaterThanOrEqual(3);
      expect(Number(n), name).toBeLessThanOrEqual(6);
    }
  });

  it('has at least 12 members covering every role', async () => {
    const members = await t.db.kysely.selectFrom('members').select('id').execute();
    expect(members.length).toBeGreaterThanOrEqual(12);
    const roles = await t.db.kysely.selectFrom('member_roles').select('role').distinct().execute();
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(ROLES));
  });

  it('has both engaged and transactional relationships', async () => {
    const rows = await t.db.kysely.selectFrom('accounts').select('relationship').execute();
    const engaged = rows.filter((r) => r.relationship === 'engaged').length;
    expect(engaged).toBeGreaterThanOrEqual(3);
    expect(rows.length - engaged).toBeGreaterThanOrEqual(3);
  });

  it('lets the demo admin sign in with the generated password kept in the data folder and see the accounts', async () => {
    const kept = (await fs.readFile(path.join(dataDir, 'demo-password.txt'), 'utf8')).trim();
    expect(summary.password).toBe(kept);
    const res = await signIn(kept);
    expect(res.statusCode).toBe(200);
    expect(res.json().member.roles).toContain('admin');
    const cookie = res.cookies.find((c) => c.name === 'outpost_session')!;
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/accounts?limit=200',
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(summary.accounts);
  });

  it('is the same workspace every time it is seeded with the same clock', async () => {
    const snapshot = (db: TestApp['db']) =>
      db.kysely
        .selectFrom('accounts')
        .select(['name', 'arr', 'segment', 'lifecycle_stage', 'renewal_date', 'relationship'])
        .orderBy('name')
        .execute();
    const other = await freshDatabase(dialect);
    try {
      const otherDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-demo-'));
      const { password } = await newDemoPassword(otherDir, {});
      await fs.rm(otherDir, { recursive: true, force: true });
      const again = await seedDemoWorkspace(other.kysely, NOW, { password });
      // The same workspace, but never the same password: each fresh demo gets its own.
      expect(again.password).not.toBe(summary.password);
      expect({ ...again, password: summary.password }).toEqual(summary);
      const [first, second] = [await snapshot(t.db), await snapshot(other)];
      expect(second.map((a) => ({ ...a, arr: Number(a.arr) }))).toEqual(first.map((a) => ({ ...a, arr: Number(a.arr) })));
      const contacts = async (db: TestApp['db']) =>
        (await db.kysely.selectFrom('contacts').select('email').orderBy('email').execute()).map((c) => c.email);
      expect(await contacts(other)).toEqual(await contacts(t.db));
    } finally {
      await other.close();
    }
  }, 180_000);

  it('has a business review sent to Northwind Logistics (on its timeline) and a draft for Kestrel Aerospace', async () => {
    const reviews = await t.db.kysely
      .selectFrom('business_reviews as r')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .select(['a.name', 'r.status'])
      .orderBy('a.name')
      .execute();
    expect(reviews).toEqual([
      { name: 'Kestrel Aerospace', status: 'draft' },
      { name: 'Northwind Logistics', status: 'sent' },
    ]);
    const filed = await t.db.kysely
      .selectFrom('interactions as i')
      .innerJoin('accounts as a', 'a.id', 'i.account_id')
      .select('i.subject')
      .where('a.name', '=', 'Northwind Logistics')
      .where('i.kind', '=', 'business_review')
      .execute();
    expect(filed.map((i) => i.subject)).toContain('Business review sent: Northwind Logistics — quarterly business review');
  });

  it('does not let anyone in with the password the demo used to publish', async () => {
    const res = await signIn('outpost-demo');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.invalid_credentials');
  });

  it('gives later starts the kept password to print until the admin changes it', async () => {
    expect(await demoAdminPassword(t.db.kysely, dataDir, {})).toBe(summary.password);
    const admin = (await team.findMemberRowByEmail(t.db.kysely, DEMO_ADMIN_EMAIL))!;
    await team.setPassword(t.db.kysely, SYSTEM_CONTEXT, admin.id, 'a-password-of-my-own');
    expect(await demoAdminPassword(t.db.kysely, dataDir, {})).toBeUndefined();
  });
});
