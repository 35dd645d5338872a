import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { testDialects } from '../test-database.js';
import { seedDemoWorkspace } from './demo-workspace.js';

const NOW = new Date();

interface Summary {
  id: string;
  name: string;
  kind: string;
  status: string;
  atRisk: boolean;
  slipDays: number | null;
  loggedHours: number;
  budgetHours: number;
  progress: { done: number; total: number };
}

describe.each(testDialects())('demo engagements on %s', (dialect) => {
  let t: TestApp;
  let reader: SignedIn;
  let items: Summary[];

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemoWorkspace(t.db.kysely, NOW);
    reader = await signInAs(t, ['stakeholder']);
    items = (await reader.request({ method: 'GET', url: '/api/engagements?limit=100' })).json().items;
  }, 180_000);
  afterAll(async () => t.close());

  it('ships useful templates, the standard implementation with eight phases and dependencies', async () => {
    const templates = (await reader.request({ method: 'GET', url: '/api/engagement-templates' })).json().items;
    expect(templates.map((x: { name: string }) => x.name).sort()).toEqual(
      [
        'Field visit',
        'Onboarding (SMB)',
        'Professional services — custom integration',
        'Proof of concept (2 weeks)',
        'Standard implementation',
      ].sort(),
    );
    const standard = templates.find((x: { name: string }) => x.name === 'Standard implementation');
    expect(standard).toMatchObject({ phaseCount: 8, kind: 'implementation' });
    expect(standard.taskCount).toBeGreaterThanOrEqual(25);
    expect(standard.durationDays).toBeGreaterThan(30);
    expect(templates.find((x: { name: string }) => x.name === 'Proof of concept (2 weeks)').durationDays).toBe(10);
  });

  it('has engagements in varied states: on track, slipped at risk, done, planned, a PoC, over budget', async () => {
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['active', 'at_risk', 'done', 'planned']));
    expect(new Set(items.map((i) => i.kind)).size).toBeGreaterThanOrEqual(6);
    const helios = items.find((i) => i.name.startsWith('Helios'))!;
    expect(helios).toMatchObject({ status: 'at_risk', atRisk: true });
    expect(helios.slipDays, JSON.stringify(helios)).toBeGreaterThan(5);
    const northwind = items.find((i) => i.name.startsWith('Northwind'))!;
    expect(northwind).toMatchObject({ status: 'active', atRisk: false, slipDays: 0 });
    expect(northwind.progress.done).toBeGreaterThan(3);
    expect(northwind.loggedHours).toBeGreaterThan(10);
    expect(northwind.loggedHours).toBeLessThan(northwind.budgetHours);
    const maple = items.find((i) => i.name.startsWith('Maple Street'))!;
    expect(maple.loggedHours).toBeGreaterThan(maple.budgetHours);
    expect(maple.atRisk).toBe(true);
    const orbital = items.find((i) => i.name.startsWith('Orbital'))!;
    expect(orbital).toMatchObject({ status: 'planned', loggedHours: 0, progress: { done: 0 } });
    const done = items.filter((i) => i.status === 'done');
    expect(done.every((d) => d.progress.done === d.progress.total)).toBe(true);
  });

  it('gives time-to-value from the engagements that went live, and a burn-down with the engineers’ time', async () => {
    const ttv = (await reader.request({ method: 'GET', url: '/api/delivery/time-to-value' })).json();
    expect(ttv.items.length).toBeGreaterThanOrEqual(3);
    expect(ttv.averageDays).toBeGreaterThan(20);
    const northwind = items.find((i) => i.name.startsWith('Northwind'))!;
    const progress = (await reader.request({ method: 'GET', url: `/api/engagements/${northwind.id}/progress` })).json();
    expect(progress.burnDown.length).toBeGreaterThan(20);
    expect(progress.burnDown.at(-1).remainingHours).toBeLessThan(progress.budgetHours);
    const time = (await reader.request({ method: 'GET', url: `/api/engagements/${northwind.id}/time` })).json();
    const people = new Set(time.items.map((e: { member: { name: string } }) => e.member.name));
    expect(people.has('Tomás Herrera')).toBe(true);
    expect(time.byCategory.engineering).toBeGreaterThan(0);
    expect(time.byCategory.customer).toBeGreaterThan(0);
  });

  it('gives the demo implementation engineer tasks of his own, and the customer a visible plan', async () => {
    const tomas = await t.db.kysely
      .selectFrom('members')
      .select('id')
      .where('email', '=', 'tomas.herrera@outpost.local')
      .executeTakeFirstOrThrow();
    const mine = await t.db.kysely
      .selectFrom('engagement_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_type', '=', 'member')
      .where('owner_id', '=', tomas.id)
      .where('status', '!=', 'done')
      .executeTakeFirstOrThrow();
    expect(Number(mine.n)).toBeGreaterThan(5);
    const customerTasks = await t.db.kysely
      .selectFrom('engagement_tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_type', '=', 'contact')
      .where('customer_visible', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(customerTasks.n)).toBeGreaterThan(10);
  });
});
