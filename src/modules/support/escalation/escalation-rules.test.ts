import { describe, expect, it } from 'vitest';
import { escalationActionsSchema, escalationConditionsSchema, ruleMatches, type EscalationFacts } from './escalation-rules.js';

const facts: EscalationFacts = {
  tier: 'tier1',
  priority: 'high',
  segment: 'enterprise',
  status: 'open',
  hoursInTier: 5,
  businessHoursInTier: 4.5,
  slaMinutesRemaining: 30,
  reopenCount: 0,
};

describe('escalation rule conditions', () => {
  it('escalates a Tier 1 case off script for four business hours', () => {
    expect(ruleMatches({ tiers: ['tier1'], minBusinessHoursInTier: 4 }, facts)).toBe(true);
    expect(ruleMatches({ tiers: ['tier1'], minBusinessHoursInTier: 4 }, { ...facts, businessHoursInTier: 3.9 })).toBe(false);
  });

  it('needs every listed condition to hold', () => {
    expect(ruleMatches({ tiers: ['tier1'], priorities: ['urgent'] }, facts)).toBe(false);
    expect(ruleMatches({ segments: ['enterprise', 'strategic'], priorities: ['high'] }, facts)).toBe(true);
  });

  it('only looks at new and open cases unless statuses say otherwise', () => {
    expect(ruleMatches({ tiers: ['tier1'] }, { ...facts, status: 'pending' })).toBe(false);
    expect(ruleMatches({ tiers: ['tier1'], statuses: ['pending'] }, { ...facts, status: 'pending' })).toBe(true);
  });

  it('matches SLA time remaining below a threshold, including overdue, and never without a target', () => {
    expect(ruleMatches({ slaMinutesRemainingBelow: 60 }, facts)).toBe(true);
    expect(ruleMatches({ slaMinutesRemainingBelow: 0 }, { ...facts, slaMinutesRemaining: -5 })).toBe(true);
    expect(ruleMatches({ slaMinutesRemainingBelow: 0 }, facts)).toBe(false);
    expect(ruleMatches({ slaMinutesRemainingBelow: 60 }, { ...facts, slaMinutesRemaining: null })).toBe(false);
  });

  it('matches reopened cases by count and long stints by wall-clock hours', () => {
    expect(ruleMatches({ minReopenCount: 2 }, { ...facts, reopenCount: 2 })).toBe(true);
    expect(ruleMatches({ minReopenCount: 2 }, { ...facts, reopenCount: 1 })).toBe(false);
    expect(ruleMatches({ minHoursInTier: 6 }, facts)).toBe(false);
  });

  it('refuses rules with no condition or no action', () => {
    expect(escalationConditionsSchema.safeParse({}).success).toBe(false);
    expect(escalationActionsSchema.safeParse({}).success).toBe(false);
    expect(escalationActionsSchema.safeParse({ moveToTier: 'tier2' }).success).toBe(true);
  });
});
