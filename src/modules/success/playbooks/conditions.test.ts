import { describe, expect, it } from 'vitest';
import { PLAYBOOK_TRIGGERS } from '../contract/kinds.js';
import { conditionMet, daysUntil, type AccountFacts, type RuleCondition } from './conditions.js';

const TODAY = '2026-12-02';

const facts = (over: Partial<AccountFacts> = {}): AccountFacts => ({
  accountId: 'a1',
  segment: 'enterprise',
  lifecycleStage: 'adoption',
  renewalDate: null,
  grade: 'green',
  score: 80,
  change30Days: 0,
  metrics: {},
  onboardingSlipDays: null,
  ...over,
});
const rule = (trigger: RuleCondition['trigger'], params: RuleCondition['params'] = {}): RuleCondition => ({ trigger, params });

/** Facts with nothing known: no health computed, no renewal, no metrics. */
const empty: AccountFacts = {
  accountId: 'a0',
  segment: null,
  lifecycleStage: null,
  renewalDate: null,
  grade: null,
  score: null,
  change30Days: null,
  metrics: {},
  onboardingSlipDays: null,
};

describe('playbook conditions', () => {
  it('fires "health red" on a red grade, with the score', () => {
    expect(conditionMet(rule('health_red'), facts({ grade: 'red', score: 34 }), TODAY)).toBe('Health fell to red (34)');
    expect(conditionMet(rule('health_red'), facts({ grade: 'red', score: null }), TODAY)).toBe('Health fell to red');
    expect(conditionMet(rule('health_red'), facts({ grade: 'yellow', score: 55 }), TODAY)).toBeNull();
    expect(conditionMet(rule('health_red'), facts({ grade: 'green' }), TODAY)).toBeNull();
  });

  it('fires "health drop" at exactly the points given, not one point less', () => {
    const r = rule('health_drop', { points: 15 });
    expect(conditionMet(r, facts({ change30Days: -15, score: 50 }), TODAY)).toBe('Health score fell 15 points in 30 days (to 50)');
    expect(conditionMet(r, facts({ change30Days: -30, score: 40 }), TODAY)).toBe('Health score fell 30 points in 30 days (to 40)');
    expect(conditionMet(r, facts({ change30Days: -14 }), TODAY)).toBeNull();
    expect(conditionMet(r, facts({ change30Days: 20 }), TODAY)).toBeNull();
    expect(conditionMet(rule('health_drop', { points: 1 }), facts({ change30Days: -1, score: null }), TODAY)).toBe(
      'Health score fell 1 point in 30 days',
    );
  });

  it('fires "renewal within" from today up to the last day, never for a renewal already past', () => {
    const r = rule('renewal_within', { days: 60 });
    expect(conditionMet(rule('renewal_within', { days: 60 }), facts({ renewalDate: '2027-01-15' }), TODAY)).toBe(
      'Renewal on 2027-01-15, in 44 days',
    );
    expect(conditionMet(r, facts({ renewalDate: '2027-01-31' }), TODAY)).toBe('Renewal on 2027-01-31, in 60 days');
    expect(conditionMet(r, facts({ renewalDate: '2027-02-01' }), TODAY)).toBeNull();
    expect(conditionMet(r, facts({ renewalDate: TODAY }), TODAY)).toBe('Renewal on 2026-12-02, today');
    expect(conditionMet(r, facts({ renewalDate: '2026-12-03' }), TODAY)).toBe('Renewal on 2026-12-03, in 1 day');
    expect(conditionMet(r, facts({ renewalDate: '2026-12-01' }), TODAY)).toBeNull();
    expect(conditionMet(r, facts({ renewalDate: 'not a date' }), TODAY)).toBeNull();
  });

  it('fires "no interaction" at exactly the days given', () => {
    const r = rule('no_interaction', { days: 30 });
    expect(conditionMet(r, facts({ metrics: { days_since_interaction: 30 } }), TODAY)).toBe('No interaction for 30 days');
    expect(conditionMet(r, facts({ metrics: { days_since_interaction: 45 } }), TODAY)).toBe('No interaction for 45 days');
    expect(conditionMet(r, facts({ metrics: { days_since_interaction: 29 } }), TODAY)).toBeNull();
    expect(conditionMet(rule('no_interaction', { days: 1 }), facts({ metrics: { days_since_interaction: 1 } }), TODAY)).toBe(
      'No interaction for 1 day',
    );
  });

  it('fires "usage drop" at exactly the percentage given', () => {
    const r = rule('usage_drop', { percent: 30 });
    expect(conditionMet(r, facts({ metrics: { active_user_trend: -30 } }), TODAY)).toBe(
      'Active users down 30 % (last 30 days against the 30 before)',
    );
    expect(conditionMet(r, facts({ metrics: { active_user_trend: -35.4 } }), TODAY)).toContain('down 35 %');
    expect(conditionMet(r, facts({ metrics: { active_user_trend: -29.9 } }), TODAY)).toBeNull();
    expect(conditionMet(r, facts({ metrics: { active_user_trend: 12 } }), TODAY)).toBeNull();
  });

  it('fires "SLA breach" only on a strategic account with at least one breach', () => {
    const r = rule('sla_breach_strategic');
    expect(conditionMet(r, facts({ segment: 'strategic', metrics: { sla_breaches_30d: 2 } }), TODAY)).toBe(
      '2 SLA breaches in 30 days on a strategic account',
    );
    expect(conditionMet(r, facts({ segment: 'strategic', metrics: { sla_breaches_30d: 1 } }), TODAY)).toBe(
      '1 SLA breach in 30 days on a strategic account',
    );
    expect(conditionMet(r, facts({ segment: 'strategic', metrics: { sla_breaches_30d: 0 } }), TODAY)).toBeNull();
    expect(conditionMet(r, facts({ segment: 'enterprise', metrics: { sla_breaches_30d: 5 } }), TODAY)).toBeNull();
  });

  it('fires "onboarding late" when an onboarding engagement is late by at least the days given, never on time', () => {
    const r = rule('onboarding_late', { days: 7 });
    const onboarding = (slip: number) => facts({ lifecycleStage: 'onboarding', onboardingSlipDays: slip });
    expect(conditionMet(r, onboarding(7), TODAY)).toBe('Onboarding 7 days late');
    expect(conditionMet(r, onboarding(6), TODAY)).toBeNull();
    // Another engagement's slip (the account-wide health figure) is not an onboarding running late.
    expect(conditionMet(r, facts({ lifecycleStage: 'adoption', metrics: { schedule_slip_days: 20 } }), TODAY)).toBeNull();
    const anyLateness = rule('onboarding_late', { days: 0 });
    expect(conditionMet(anyLateness, onboarding(1), TODAY)).toBe('Onboarding 1 day late');
    expect(conditionMet(anyLateness, onboarding(0), TODAY)).toBeNull();
  });

  it.each(PLAYBOOK_TRIGGERS)('never fires %s on an account with no data', (trigger) => {
    const params = { points: 1, days: 0, percent: 1 };
    expect(conditionMet(rule(trigger, params), empty, TODAY)).toBeNull();
    expect(conditionMet(rule(trigger, params), { ...empty, segment: 'strategic', lifecycleStage: 'onboarding' }, TODAY)).toBeNull();
  });

  it('ignores figures that are not numbers (a health row written by an older version)', () => {
    const garbled = facts({
      segment: 'strategic',
      lifecycleStage: 'onboarding',
      metrics: { days_since_interaction: '90', active_user_trend: null, sla_breaches_30d: Number.NaN, schedule_slip_days: 'late' } as never,
    });
    expect(conditionMet(rule('no_interaction', { days: 1 }), garbled, TODAY)).toBeNull();
    expect(conditionMet(rule('usage_drop', { percent: 1 }), garbled, TODAY)).toBeNull();
    expect(conditionMet(rule('sla_breach_strategic'), garbled, TODAY)).toBeNull();
    expect(conditionMet(rule('onboarding_late', { days: 0 }), garbled, TODAY)).toBeNull();
  });

  it('counts whole days between dates across a DST change', () => {
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysUntil('2026-12-02', '2027-01-15')).toBe(44);
    expect(daysUntil('2026-12-02', '2027-01-15T10:00:00Z')).toBe(44);
  });
});
