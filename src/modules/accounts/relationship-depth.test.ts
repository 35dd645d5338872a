import { describe, expect, it } from 'vitest';
import { assessRelationship, DEFAULT_RELATIONSHIP_RULES as rules } from './relationship-depth.js';
import type { InteractionKind } from './contract/kinds.js';

const now = new Date('2026-06-30T12:00:00Z');
const at = (daysAgo: number, kind: InteractionKind = 'meeting') => ({
  kind,
  occurredAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
});

describe('relationship depth', () => {
  it('calls an account with no interactions transactional', () => {
    const e = assessRelationship([], 0, rules, now);
    expect(e.verdict).toBe('transactional');
    expect(e.interactionCount).toBe(0);
    expect(e.firstAt).toBeNull();
  });

  it('calls repeated, deep contact over several months engaged, with the evidence', () => {
    const list = [at(5), at(20, 'call'), at(40, 'workshop'), at(70), at(100, 'email'), at(130, 'business_review')];
    const e = assessRelationship(list, 0, rules, now);
    expect(e.verdict).toBe('engaged');
    expect(e.interactionCount).toBe(6);
    expect(e.deepInteractionCount).toBe(4);
    expect(e.activeMonths).toBeGreaterThanOrEqual(3);
    expect(e.kinds).toEqual({ meeting: 2, call: 1, workshop: 1, email: 1, business_review: 1 });
    expect(e.spanDays).toBe(125);
    expect(e.criteria.every((c) => c.met)).toBe(true);
  });

  it('keeps many touches inside one month transactional', () => {
    const list = Array.from({ length: 10 }, (_, i) => at(i, 'meeting'));
    const e = assessRelationship(list, 0, rules, now);
    expect(e.verdict).toBe('transactional');
    expect(e.criteria.find((c) => c.label === 'Months with contact')?.met).toBe(false);
  });

  it('keeps routine e-mail and calls transactional even across months', () => {
    const list = [0, 30, 60, 90, 120, 150].map((d) => at(d, d % 60 === 0 ? 'email' : 'call'));
    expect(assessRelationship(list, 0, rules, now).verdict).toBe('transactional');
  });

  it('ignores interactions outside the rolling window and in the future', () => {
    const list = [at(200), at(300), at(400), at(-5)];
    const e = assessRelationship(list, 0, rules, now);
    expect(e.interactionCount).toBe(0);
  });

  it('counts an active engagement with any contact as engaged when the rule says so', () => {
    expect(assessRelationship([at(3, 'email')], 1, rules, now).verdict).toBe('engaged');
    expect(assessRelationship([at(3, 'email')], 1, { ...rules, engagementCountsAsEngaged: false }, now).verdict).toBe('transactional');
  });

  it('follows edited rules', () => {
    const loose = { ...rules, minInteractions: 1, minActiveMonths: 1, minDeepInteractions: 1 };
    expect(assessRelationship([at(1)], 0, loose, now).verdict).toBe('engaged');
  });
});
