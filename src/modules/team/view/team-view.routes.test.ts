import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, TEST_PASSWORD, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError, unique } from '../../../../test/factories/index.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import type { Role } from '../../identity/index.js';
import type { TimeCategory } from '../contract/time-entries.js';
import type { TimeSummary, TimeTrend } from '../contract/team-view.js';
import { createMember, updateMember } from '../members/member-service.js';
import { memberProfiles } from '../profile/profile-service.js';
import { quartersUpTo } from './team-period.js';

/** Four whole weeks from a Monday: 20 working days Monday to Friday, 16 Monday to Thursday. */
const FROM = '2026-01-05';
const TO = '2026-02-01';

describe.each(testDialects())('team view API on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;

  const addMember = async (name: string, team: string | null, roles: Role[], extra: { capacityHours?: number; days?: number[] } = {}) => {
    const { member } = await createMember(t.db.kysely, SYSTEM_CONTEXT, {
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@view.test`,
      name,
      team,
      roles,
      password: TEST_PASSWORD,
      capacityHours: extra.capacityHours ?? 40,
      workingHours: { start: '09:00', end: '17:00', days: extra.days ?? [1, 2, 3, 4, 5] },
    });
    return member.id;
  };

  const log = (memberId: string, category: TimeCategory, minutes: number, startedAt: string, billable = false) =>
    t.db.kysely
      .insertInto('time_entries')
      .values({
        id: newId(),
        member_id: memberId,
        minutes,
        category,
        ticket_id: null,
        engagement_id: null,
        account_id: null,
        task_id: null,
        opportunity_id: null,
        interaction_id: null,
        billable: billable ? 1 : 0,
        note: null,
        started_at: new Date(startedAt).toISOString(),
        created_at: new Date().toISOString(),
      })
      .execute();

  const summary = async (query: string) => {
    const res = await admin.request({ method: 'GET', url: `/api/team/time-summary?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as TimeSummary;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
  });
  afterAll(async () => t.close());

  describe('a constructed team over four weeks', () => {
    const team = `Squad ${unique()}`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      ids.ana = await addMember('Ana Implementer', team, ['implementation']);
      ids.pat = await addMember('Pat Consultant', team, ['professional_services'], { capacityHours: 36 });
      ids.max = await addMember('Max Manager', team, ['engineering_manager'], { capacityHours: 32, days: [1, 2, 3, 4] });
      ids.idle = await addMember('Ida Idle', team, ['implementation']);
      ids.gone = await addMember('Gus Gone', team, ['implementation']);
      ids.left = await addMember('Lea Left', team, ['implementation']);
      ids.elsewhere = await addMember('Eli Elsewhere', `Other ${unique()}`, ['implementation']);

      await log(ids.ana, 'engineering', 600, '2026-01-06T10:00:00Z', true);
      await log(ids.ana, 'customer', 300, '2026-01-07T14:00:00Z');
      // Either side of the period, and its very last minute.
      await log(ids.ana, 'routine', 120, '2026-01-04T23:59:00Z');
      await log(ids.ana, 'engineering', 60, '2026-02-02T00:00:00Z');
      await log(ids.ana, 'engineering', 30, '2026-02-01T23:30:00Z');
      await log(ids.pat, 'engineering', 6000, '2026-01-12T09:00:00Z', true);
      await log(ids.pat, 'internal', 2000, '2026-01-20T09:00:00Z');
      await log(ids.max, 'management', 4800, '2026-01-15T09:00:00Z');
      await log(ids.left, 'routine', 90, '2026-01-08T09:00:00Z');
      await log(ids.elsewhere, 'engineering', 999, '2026-01-08T09:00:00Z');
      await updateMember(t.db.kysely, SYSTEM_CONTEXT, ids.gone, { status: 'disabled' });
      await updateMember(t.db.kysely, SYSTEM_CONTEXT, ids.left, { status: 'disabled' });
    });

    it('gives each member their minutes by category, capacity pro-rated to their working days, and utilisation', async () => {
      const view = await summary(`team=${encodeURIComponent(team)}&from=${FROM}&to=${TO}`);
      expect(view).toMatchObject({ from: FROM, to: TO });
      // By name; a disabled member shows only when they logged time in the period.
      expect(view.members.map((m) => m.name)).toEqual(['Ana Implementer', 'Ida Idle', 'Lea Left', 'Max Manager', 'Pat Consultant']);
      const row = (id: string) => view.members.find((m) => m.memberId === id)!;

      expect(row(ids.ana!)).toMatchObject({
        team,
        roles: ['implementation'],
        minutesByCategory: { engineering: 630, routine: 0, customer: 300, management: 0, internal: 0 },
        totalMinutes: 930,
        capacityMinutes: 20 * 8 * 60,
        billableMinutes: 600,
        billableShare: null,
      });
      expect(row(ids.ana!).utilisation).toBeCloseTo(930 / 9600, 6);
      // 36 hours a week for four weeks.
      expect(row(ids.pat!)).toMatchObject({ totalMinutes: 8000, capacityMinutes: 4 * 36 * 60, billableMinutes: 6000, billableShare: 0.75 });
      expect(row(ids.pat!).utilisation).toBeCloseTo(8000 / 8640, 6);
      // 32 hours over a four-day week: four weeks hold 16 of its days.
      expect(row(ids.max!)).toMatchObject({ totalMinutes: 4800, capacityMinutes: 4 * 32 * 60, utilisation: 0.625, billableShare: null });
      expect(row(ids.idle!)).toMatchObject({ totalMinutes: 0, capacityMinutes: 9600, utilisation: 0 });

      expect(view.totals).toMatchObject({
        members: 5,
        minutesByCategory: { engineering: 6630, routine: 90, customer: 300, management: 4800, internal: 2000 },
        totalMinutes: 13820,
        capacityMinutes: 9600 + 8640 + 7680 + 9600 + 9600,
        billableMinutes: 6600,
      });
      expect(view.totals.billableShare).toBeCloseTo(6600 / 13820, 6);
      expect(view.totals.utilisation).toBeCloseTo(13820 / 45120, 6);
    });

    it('shows the role profile’s verdict and nearest role for each member', async () => {
      const view = await summary(`team=${encodeURIComponent(team)}&from=${FROM}&to=${TO}`);
      const profiles = await memberProfiles(
        t.db.kysely,
        view.members.map((m) => m.memberId),
        { from: FROM, to: TO },
      );
      for (const m of view.members) {
        const profile = profiles.get(m.memberId)!;
        expect(m.verdict).toBe(profile.verdict);
        expect(m.nearestRole?.role ?? null).toBe(profile.nearestRole?.role ?? null);
      }
      // Only management time: not hands-on, so not a customer-facing engineer.
      expect(view.members.find((m) => m.memberId === ids.max)!.verdict).toBe('not_customer_facing_engineer');
      expect(view.totals.customerFacingEngineers).toBe(view.members.filter((m) => m.verdict === 'customer_facing_engineer').length);
    });

    it('filters by role within the team, and by team alone', async () => {
      const consultants = await summary(`team=${encodeURIComponent(team)}&role=professional_services&from=${FROM}&to=${TO}`);
      expect(consultants.members.map((m) => m.name)).toEqual(['Pat Consultant']);
      expect(consultants.totals).toMatchObject({ members: 1, totalMinutes: 8000, billableShare: 0.75 });

      const managers = await summary(`role=engineering_manager&team=${encodeURIComponent(team)}&from=${FROM}&to=${TO}`);
      expect(managers.members.map((m) => m.memberId)).toEqual([ids.max]);

      const everyone = await summary(`from=${FROM}&to=${TO}`);
      expect(everyone.members.map((m) => m.memberId)).toEqual(expect.arrayContaining([ids.ana, ids.elsewhere]));
      expect(everyone.members.find((m) => m.memberId === ids.elsewhere)!.totalMinutes).toBe(999);
    });

    it('defaults to the last 90 days up to today', async () => {
      const view = await summary(`team=${encodeURIComponent(team)}`);
      const today = new Date().toISOString().slice(0, 10);
      expect(view.to).toBe(today);
      expect((Date.parse(view.to) - Date.parse(view.from)) / 86_400_000).toBe(89);
    });
  });

  it('sums the filtered team’s minutes per calendar quarter, this quarter last', async () => {
    const team = `Trend ${unique()}`;
    const engineer = await addMember('Tess Trend', team, ['software_engineer']);
    const helpdesk = await addMember('Hal Helpdesk', team, ['it_helpdesk']);
    const quarters = quartersUpTo(new Date(), 4);
    const at = (day: string) => `${day}T00:00:00Z`;
    await log(engineer, 'engineering', 100, at(quarters[0]!.from));
    await log(engineer, 'engineering', 50, `${quarters[1]!.to}T23:59:00Z`);
    await log(helpdesk, 'customer', 50, at(quarters[1]!.from));
    await log(helpdesk, 'routine', 30, at(quarters[3]!.from));
    // The day before the first quarter shown.
    await log(engineer, 'engineering', 500, new Date(Date.parse(at(quarters[0]!.from)) - 60_000).toISOString());

    const res = await admin.request({ method: 'GET', url: `/api/team/time-trend?team=${encodeURIComponent(team)}` });
    expect(res.statusCode, res.body).toBe(200);
    const trend = res.json() as TimeTrend;
    expect(trend.quarters.map((q) => q.quarter)).toEqual(quarters.map((q) => q.quarter));
    expect(trend.quarters.map((q) => q.totalMinutes)).toEqual([100, 100, 0, 30]);
    expect(trend.quarters.map((q) => q.engineeringShare)).toEqual([1, 0.5, null, 0]);
    expect(trend.quarters[1]!.minutesByCategory).toEqual({ engineering: 50, routine: 0, customer: 50, management: 0, internal: 0 });
    expect(trend.quarters[0]).toMatchObject({ from: quarters[0]!.from, to: quarters[0]!.to });

    const helpdeskOnly = (
      await admin.request({ method: 'GET', url: `/api/team/time-trend?quarters=2&role=it_helpdesk&team=${encodeURIComponent(team)}` })
    ).json() as TimeTrend;
    expect(helpdeskOnly.quarters.map((q) => q.quarter)).toEqual(quarters.slice(2).map((q) => q.quarter));
    expect(helpdeskOnly.quarters.map((q) => q.minutesByCategory.routine)).toEqual([0, 30]);
  });

  it('lets engineering managers in and keeps members without time.manage out with 403', async () => {
    const manager = await signInAs(t, ['engineering_manager']);
    expect((await manager.request({ method: 'GET', url: '/api/team/time-trend' })).statusCode).toBe(200);
    for (const roles of [['software_engineer'], ['implementation'], ['support_tier1']] as Role[][]) {
      const member = await signInAs(t, roles);
      for (const url of ['/api/team/time-summary', '/api/team/time-trend']) {
        expectError(await member.request({ method: 'GET', url }), 403, 'auth.forbidden');
      }
    }
    expectError(await t.app.inject({ method: 'GET', url: '/api/team/time-summary' }), 401, 'auth.unauthenticated');
  });

  it('refuses a reversed, too long or malformed period, an unknown role and too many quarters with 400', async () => {
    const get = (url: string) => admin.request({ method: 'GET', url });
    const reversed = expectError(await get('/api/team/time-summary?from=2026-03-02&to=2026-03-01'), 400, 'team_view.period_reversed');
    expect(reversed.details.field).toBe('from');
    const long = expectError(await get('/api/team/time-summary?from=2025-01-01&to=2026-01-02'), 400, 'team_view.period_too_long');
    expect(long.message).toMatch(/366 days/);
    expectError(await get('/api/team/time-summary?from=2026-02-30'), 400, 'request.invalid');
    expect(expectError(await get('/api/team/time-summary?role=wizard'), 400, 'request.invalid').message).toContain('role');
    expectError(await get('/api/team/time-trend?role=wizard'), 400, 'request.invalid');
    expectError(await get('/api/team/time-trend?quarters=13'), 400, 'request.invalid');
    expectError(await get('/api/team/time-trend?quarters=0'), 400, 'request.invalid');
  });
});
