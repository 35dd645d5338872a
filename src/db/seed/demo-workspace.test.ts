import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { SEGMENTS } from '../../modules/accounts/contract/kinds.js';
import { ROLES } from '../../modules/identity/roles/roles.js';
import { freshDatabase, testDialects } from '../test-database.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from './demo-data.js';
import { seedDemoWorkspace, type DemoSummary } from './demo-workspace.js';

const NOW = new Date('2026-11-25T12:00:00Z');

describe.each(testDialects())('demo workspace on %s', (dialect) => {
  let t: TestApp;
  let summary: DemoSummary;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    summary = await seedDemoWorkspace(t.db.kysely, NOW);
  }, 60_000);
  afterAll(async () => t.close());

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

  it('lets the demo admin sign in with the demo password and see the accounts', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: DEMO_ADMIN_EMAIL, password: DEMO_PASSWORD },
    });
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
      const again = await seedDemoWorkspace(other.kysely, NOW);
      expect(again).toEqual(summary);
      const [first, second] = [await snapshot(t.db), await snapshot(other)];
      expect(second.map((a) => ({ ...a, arr: Number(a.arr) }))).toEqual(first.map((a) => ({ ...a, arr: Number(a.arr) })));
      const contacts = async (db: TestApp['db']) =>
        (await db.kysely.selectFrom('contacts').select('email').orderBy('email').execute()).map((c) => c.email);
      expect(await contacts(other)).toEqual(await contacts(t.db));
    } finally {
      await other.close();
    }
  }, 60_000);
});
