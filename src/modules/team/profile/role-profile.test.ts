import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_PROFILE_RULES } from '../contract/profile.js';
import type { ProfileAccountFacts } from './profile-ports.js';
import { isoWeek, judgeProfile, type AccountContact, type ProfileFacts } from './role-profile.js';

const TO = '2026-11-25';
const FROM = '2026-08-28'; // 90 days up to TO, inclusive

function daysBefore(days: number): string {
  return new Date(Date.parse(`${TO}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const accounts = new Map<string, ProfileAccountFacts>([
  ['helios', { id: 'helios', name: 'Helios Energy', relationship: 'engaged', internal: false }],
  ['bluefin', { id: 'bluefin', name: 'Bluefin Capital', relationship: 'transactional', internal: false }],
  ['outpost', { id: 'outpost', name: 'Outpost Inc. — internal IT', relationship: 'engaged', internal: true }],
]);

/** One contact a week, `weeks` weeks running, ending `endDaysAgo` days before TO. */
function weekly(accountId: string, weeks: number, spanDays: number, endDaysAgo = 0): AccountContact[] {
  const step = weeks > 1 ? spanDays / (weeks - 1) : 0;
  return Array.from({ length: weeks }, (_, i) => ({ accountId, date: daysBefore(endDaysAgo + Math.round(spanDays - i * step)) }));
}

function judge(over: Partial<ProfileFacts>) {
  return judgeProfile({
    from: FROM,
    to: TO,
    minutesByCategory: { engineering: 600, customer: 400 },
    contacts: weekly('helios', 8, 70),
    accounts,
    rules: DEFAULT_ROLE_PROFILE_RULES,
    ...over,
  });
}

describe('isoWeek', () => {
  it('counts weeks from Monday, week 1 holding the first Thursday', () => {
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday in the last week of 2026
    expect(isoWeek('2026-11-23')).toBe(isoWeek('2026-11-29')); // Monday and Sunday of one week
    expect(isoWeek('2026-11-22')).not.toBe(isoWeek('2026-11-23'));
  });
});

describe('the role profile', () => {
  it('is a customer-facing engineer when both conditions hold, and says so with the figures', () => {
    const p = judge({});
    expect(p.verdict).toBe('customer_facing_engineer');
    expect(p.conditions).toEqual({ handsOn: true, deepRelationship: true });
    expect(p.handsOnShare).toBe(0.6);
    expect(p.deepRelationships).toEqual([
      { accountId: 'helios', accountName: 'Helios Energy', weeks: 8, firstDate: daysBefore(70), lastDate: TO },
    ]);
    expect(p.reasons[1]).toBe('Hands-on share 60 % (10 h engineering of 16.7 h logged) reaches the 50 % threshold.');
    expect(p.reasons[2]).toBe('Deep relationship with Helios Energy (contact on 8 weeks over 70 days).');
  });

  it('holds the hands-on condition at exactly 50 % and not at 49.9 %', () => {
    expect(judge({ minutesByCategory: { engineering: 500, management: 500 } }).conditions.handsOn).toBe(true);
    const below = judge({ minutesByCategory: { engineering: 499, management: 501 } });
    expect(below.conditions.handsOn).toBe(false);
    expect(below.verdict).toBe('not_customer_facing_engineer');
    expect(below.reasons[1]).toBe(
      'Hands-on share 49.9 % (8.3 h engineering of 16.7 h logged) is below the 50 % threshold; most time is management (50.1 %).',
    );
  });

  it('counts a deep relationship at exactly 6 weeks over 60 days, and not one week or one day less', () => {
    expect(judge({ contacts: weekly('helios', 6, 60) }).conditions.deepRelationship).toBe(true);
    const fiveWeeks = judge({ contacts: weekly('helios', 5, 60) });
    expect(fiveWeeks.conditions.deepRelationship).toBe(false);
    expect(fiveWeeks.reasons).toContain(
      'No deep relationship: Helios Energy has contact on 5 weeks over 60 days (needs 6 weeks over 60 days).',
    );
    const short = judge({ contacts: weekly('helios', 6, 59) });
    expect(short.conditions.deepRelationship).toBe(false);
    expect(short.otherRelationships[0]).toMatchObject({ accountName: 'Helios Energy', weeks: 6 });
  });

  it('counts distinct weeks, not contacts', () => {
    const twiceAWeek = [
      ...weekly('helios', 5, 63),
      ...weekly('helios', 5, 63).map((c) => ({ ...c, date: daysBefore(daysBeforeOf(c.date) - 1) })),
    ];
    const p = judge({ contacts: twiceAWeek });
    expect(p.deepRelationships).toEqual([]);
    expect(p.otherRelationships[0]).toMatchObject({ weeks: 5 });
  });

  it('has no hands-on share when nothing was logged', () => {
    const p = judge({ minutesByCategory: {} });
    expect(p.handsOnShare).toBeNull();
    expect(p.totalMinutes).toBe(0);
    expect(p.conditions.handsOn).toBe(false);
    expect(p.verdict).toBe('not_customer_facing_engineer');
    expect(p.reasons[1]).toBe(`No time logged from ${FROM} to ${TO}: there is no hands-on share to reach the 50 % threshold.`);
  });

  it('is not hands-on with only management time, however many customer meetings', () => {
    const p = judge({ minutesByCategory: { management: 2400 } });
    expect(p.handsOnShare).toBe(0);
    expect(p.conditions).toEqual({ handsOn: false, deepRelationship: true });
    expect(p.reasons[0]).toBe('Not a customer-facing engineer: the work is not mainly hands-on.');
    expect(p.reasons[1]).toContain('most time is management (100 %)');
  });

  it('does not count the company’s own staff (an internal account) as a customer relationship', () => {
    const p = judge({ contacts: weekly('outpost', 12, 84) });
    expect(p.conditions.deepRelationship).toBe(false);
    expect(p.otherRelationships).toMatchObject([{ accountName: 'Outpost Inc. — internal IT', weeks: 12 }]);
    expect(p.reasons).toContain(
      'Contact with Outpost Inc. — internal IT does not count: internal requesters are the company’s own staff, not customers.',
    );
    expect(p.reasons).toContain(
      'No deep relationship: no contact with an engaged customer account in the period (needs 6 weeks over 60 days).',
    );
  });

  it('does not count a relationship that stopped 80 days ago, before most of a 90-day period', () => {
    // Weekly for half a year, until 80 days ago: only the 10 days at the period's start fall in it.
    const p = judge({ contacts: weekly('helios', 26, 180, 80) });
    expect(p.conditions.deepRelationship).toBe(false);
    expect(p.otherRelationships[0]).toMatchObject({ accountName: 'Helios Energy', lastDate: daysBefore(80) });
    expect(p.otherRelationships[0]!.firstDate >= FROM).toBe(true);
    expect(p.otherRelationships[0]!.weeks).toBeLessThanOrEqual(2);
  });

  it('does not count a transactional account, and names it as such', () => {
    const p = judge({ contacts: weekly('bluefin', 10, 80) });
    expect(p.conditions.deepRelationship).toBe(false);
    expect(p.otherRelationships[0]!.reason).toBe(
      'Bluefin Capital’s relationship is transactional, not engaged (contact on 10 weeks over 80 days)',
    );
    expect(p.reasons).toContain('Contact with Bluefin Capital does not count: that relationship is transactional, not engaged.');
  });

  it('says neither condition holds with no time and no contact', () => {
    const p = judge({ minutesByCategory: {}, contacts: [] });
    expect(p.reasons[0]).toBe('Not a customer-facing engineer: neither condition holds.');
    expect(p.reasons[2]).toContain('no interaction attended and no customer-linked time');
  });

  it('follows the thresholds it is given', () => {
    const rules = { ...DEFAULT_ROLE_PROFILE_RULES, handsOnThreshold: 0.7, minWeeks: 9 };
    const p = judge({ rules });
    expect(p.conditions).toEqual({ handsOn: false, deepRelationship: false });
    expect(p.reasons[1]).toContain('below the 70 % threshold');
  });
});

function daysBeforeOf(date: string): number {
  return Math.round((Date.parse(`${TO}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}
