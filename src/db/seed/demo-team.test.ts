import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/helpers/test-app.js';
import { memberProfiles } from '../../modules/team/index.js';
import type { MemberProfile } from '../../modules/team/contract/profile.js';
import { testDialects } from '../test-database.js';
import { DEMO_MEMBERS } from './demo-data.js';
import { seedDemoWorkspace } from './demo-workspace.js';

const NOW = new Date('2026-11-25T12:00:00Z');

/** How the profession judges each demo member's work (issue 17). */
const CUSTOMER_FACING = [
  'elena.petrova@outpost.local', // Tier 2
  'tomas.herrera@outpost.local', // implementation
  'grace.okafor@outpost.local', // professional services
  'liam.oconnor@outpost.local', // field
  'yuki.tanaka@outpost.local', // forward deployed
  'sofia.rossi@outpost.local', // solutions architect
  'daniel.kim@outpost.local', // sales engineer
];

describe.each(testDialects())('the demo team’s role profiles on %s', (dialect) => {
  let t: TestApp;
  let byEmail: Map<string, MemberProfile>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    await seedDemoWorkspace(t.db.kysely, NOW, { password: 'demo password for the test' });
    const members = await t.db.kysely.selectFrom('members').select(['id', 'email']).execute();
    const profiles = await memberProfiles(
      t.db.kysely,
      members.map((m) => m.id),
      {},
      NOW,
    );
    byEmail = new Map(members.map((m) => [m.email, profiles.get(m.id)!]));
  }, 240_000);
  afterAll(async () => t.close());

  it('judges the hands-on customer-facing roles customer-facing engineers, and everyone else not', () => {
    const verdicts = Object.fromEntries(DEMO_MEMBERS.map((m) => [m.email, byEmail.get(m.email)!.verdict]));
    expect(verdicts).toEqual(
      Object.fromEntries(
        DEMO_MEMBERS.map((m) => [m.email, CUSTOMER_FACING.includes(m.email) ? 'customer_facing_engineer' : 'not_customer_facing_engineer']),
      ),
    );
  });

  it('gives each internal role its reason', () => {
    const ada = byEmail.get('ada.novak@outpost.local')!;
    expect(ada.conditions).toEqual({ handsOn: true, deepRelationship: false });
    expect(ada.nearestRole?.role).toBe('software_engineer');
    const ben = byEmail.get('ben.carter@outpost.local')!;
    expect(ben.conditions.handsOn).toBe(false);
    expect(ben.handsOnShare).toBeGreaterThan(0.1);
    expect(ben.handsOnShare).toBeLessThan(0.2);
    expect(ben.nearestRole?.role).toBe('engineering_manager');
    const mia = byEmail.get('mia.schultz@outpost.local')!;
    expect(mia.conditions).toEqual({ handsOn: false, deepRelationship: true });
    expect(mia.nearestRole?.role).toBe('product_manager');
    const sam = byEmail.get('sam.ito@outpost.local')!;
    expect(sam.conditions).toEqual({ handsOn: false, deepRelationship: false });
    expect(sam.otherRelationships).toMatchObject([{ accountName: 'Outpost Inc. — internal IT' }]);
    expect(sam.reasons.join(' ')).toContain('internal requesters are the company’s own staff');
    expect(sam.nearestRole?.role).toBe('it_helpdesk');
  });

  it('names the nearest role from the work for the customer-facing team', () => {
    const nearest = (email: string) => byEmail.get(email)!.nearestRole?.role;
    expect(nearest('priya.raman@outpost.local')).toBe('support_tier1');
    expect(nearest('elena.petrova@outpost.local')).toBe('support_tier2');
    expect(nearest('tomas.herrera@outpost.local')).toBe('implementation');
    expect(nearest('daniel.kim@outpost.local')).toBe('sales_engineer');
    expect(nearest('hannah.mueller@outpost.local')).toBe('technical_account_manager');
  });
});
