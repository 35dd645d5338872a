import { TIME_CATEGORIES, type TimeCategory } from '../contract/time-entries.js';
import type { MemberProfile, RoleProfileRules } from '../contract/profile.js';
import type { ProfileAccountFacts } from './profile-ports.js';

/**
 * The role profile's judgement (DESIGN §3), pure: no database, so every threshold's boundary is a
 * unit test. The service gathers the facts; this decides and says why, with the figures.
 */

/** A day on which the member had contact with an account: an interaction attended or customer-linked time. */
export interface AccountContact {
  accountId: string;
  /** YYYY-MM-DD (or a full ISO time: only the date counts). */
  date: string;
}

export interface ProfileFacts {
  from: string;
  to: string;
  minutesByCategory: Partial<Record<TimeCategory, number>>;
  contacts: readonly AccountContact[];
  accounts: ReadonlyMap<string, ProfileAccountFacts>;
  rules: RoleProfileRules;
}

export type ProfileJudgement = Pick<
  MemberProfile,
  'totalMinutes' | 'minutesByCategory' | 'handsOnShare' | 'deepRelationships' | 'otherRelationships' | 'conditions' | 'verdict' | 'reasons'
>;

type Relationship = MemberProfile['deepRelationships'][number];
type OtherRelationship = MemberProfile['otherRelationships'][number];

const DAY_MS = 86_400_000;

/** The ISO-8601 week a date falls in, as `2026-W09`: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(d.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last.slice(0, 10)}T00:00:00Z`) - Date.parse(`${first.slice(0, 10)}T00:00:00Z`)) / DAY_MS);
}

/** "34 %", or "49.9 %" when the whole number would hide which side of a threshold it is on. */
export function percent(share: number): string {
  const tenths = Math.round(share * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)} %`;
}

export function hours(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  return `${Number.isInteger(h) ? h.toFixed(0) : h.toFixed(1)} h`;
}

const CATEGORY_WORDS: Record<TimeCategory, string> = {
  engineering: 'engineering',
  routine: 'routine work',
  customer: 'customer time',
  management: 'management',
  internal: 'internal work',
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function relationshipOf(accountId: string, name: string, dates: string[]): Relationship {
  const sorted = [...dates].sort();
  return {
    accountId,
    accountName: name,
    weeks: new Set(sorted.map(isoWeek)).size,
    firstDate: sorted[0]!,
    lastDate: sorted[sorted.length - 1]!,
  };
}

function contactFigures(r: Relationship): string {
  return `contact on ${plural(r.weeks, 'week')} over ${plural(daysBetween(r.firstDate, r.lastDate), 'day')}`;
}

/** Judges one member over one period. */
export function judgeProfile(facts: ProfileFacts): ProfileJudgement {
  const { rules } = facts;
  const minutesByCategory = Object.fromEntries(TIME_CATEGORIES.map((c) => [c, facts.minutesByCategory[c] ?? 0])) as Record<
    TimeCategory,
    number
  >;
  const totalMinutes = TIME_CATEGORIES.reduce((sum, c) => sum + minutesByCategory[c], 0);
  const handsOnShare = totalMinutes > 0 ? minutesByCategory.engineering / totalMinutes : null;
  // Compared in minutes, so 50 % of an odd total is neither lost nor gained to floating point.
  const handsOn = totalMinutes > 0 && minutesByCategory.engineering >= rules.handsOnThreshold * totalMinutes - 1e-9;

  const datesByAccount = new Map<string, string[]>();
  for (const c of facts.contacts) {
    const date = c.date.slice(0, 10);
    if (date < facts.from || date > facts.to) continue;
    datesByAccount.set(c.accountId, [...(datesByAccount.get(c.accountId) ?? []), date]);
  }

  const deepRelationships: Relationship[] = [];
  const misses: Record<'short' | 'transactional' | 'internal', OtherRelationship[]> = { short: [], transactional: [], internal: [] };
  const needs = `needs ${plural(rules.minWeeks, 'week')} over ${plural(rules.minSpanDays, 'day')}`;
  for (const [accountId, dates] of datesByAccount) {
    const account = facts.accounts.get(accountId);
    if (!account) continue; // an account deleted since: no evidence either way
    const r = relationshipOf(accountId, account.name, dates);
    if (account.internal) {
      misses.internal.push({ ...r, reason: `${account.name} is our own company: its requesters are staff, not customers` });
    } else if (account.relationship !== 'engaged') {
      misses.transactional.push({ ...r, reason: `${account.name}’s relationship is transactional, not engaged (${contactFigures(r)})` });
    } else if (r.weeks < rules.minWeeks || daysBetween(r.firstDate, r.lastDate) < rules.minSpanDays) {
      misses.short.push({ ...r, reason: `${account.name} has ${contactFigures(r)} (${needs})` });
    } else {
      deepRelationships.push(r);
    }
  }
  const byEvidence = (a: Relationship, b: Relationship) =>
    b.weeks - a.weeks ||
    daysBetween(b.firstDate, b.lastDate) - daysBetween(a.firstDate, a.lastDate) ||
    a.accountName.localeCompare(b.accountName);
  deepRelationships.sort(byEvidence);
  for (const list of Object.values(misses)) list.sort(byEvidence);
  const otherRelationships = [...misses.short, ...misses.transactional, ...misses.internal];

  const conditions = { handsOn, deepRelationship: deepRelationships.length > 0 };
  const verdict = handsOn && conditions.deepRelationship ? 'customer_facing_engineer' : 'not_customer_facing_engineer';
  return {
    totalMinutes,
    minutesByCategory,
    handsOnShare,
    deepRelationships,
    otherRelationships,
    conditions,
    verdict,
    reasons: [
      verdict === 'customer_facing_engineer'
        ? 'A customer-facing engineer: hands-on technical work and a deep customer relationship, both conditions hold.'
        : `Not a customer-facing engineer: ${
            !handsOn && !conditions.deepRelationship
              ? 'neither condition holds'
              : !handsOn
                ? 'the work is not mainly hands-on'
                : 'no deep customer relationship'
          }.`,
      handsOnReason(facts, minutesByCategory, totalMinutes, handsOnShare, handsOn),
      ...relationshipReasons(deepRelationships, misses, needs),
    ],
  };
}

function handsOnReason(
  facts: ProfileFacts,
  minutes: Record<TimeCategory, number>,
  total: number,
  share: number | null,
  handsOn: boolean,
): string {
  const threshold = percent(facts.rules.handsOnThreshold);
  if (share === null)
    return `No time logged from ${facts.from} to ${facts.to}: there is no hands-on share to reach the ${threshold} threshold.`;
  const figures = `Hands-on share ${percent(share)} (${hours(minutes.engineering)} engineering of ${hours(total)} logged)`;
  if (handsOn) return `${figures} reaches the ${threshold} threshold.`;
  const [largest] = TIME_CATEGORIES.filter((c) => c !== 'engineering').sort((a, b) => minutes[b] - minutes[a]);
  const most =
    largest && minutes[largest] > minutes.engineering
      ? `; most time is ${CATEGORY_WORDS[largest]} (${percent(minutes[largest] / total)})`
      : '';
  return `${figures} is below the ${threshold} threshold${most}.`;
}

function relationshipReasons(
  deep: Relationship[],
  { short, transactional, internal }: Record<'short' | 'transactional' | 'internal', OtherRelationship[]>,
  needs: string,
): string[] {
  const reasons: string[] = [];
  if (deep.length) {
    const named = deep.slice(0, 3).map((r) => `${r.accountName} (${contactFigures(r)})`);
    const more = deep.length > 3 ? ` and ${plural(deep.length - 3, 'more account')}` : '';
    reasons.push(`Deep ${deep.length === 1 ? 'relationship' : 'relationships'} with ${named.join(', ')}${more}.`);
  } else if (short.length) {
    // The nearest miss says how far off the line the member is.
    reasons.push(`No deep relationship: ${short[0]!.reason}.`);
  } else if (transactional.length || internal.length) {
    reasons.push(`No deep relationship: no contact with an engaged customer account in the period (${needs}).`);
  } else {
    reasons.push(`No deep relationship: no interaction attended and no customer-linked time on any account in the period (${needs}).`);
  }
  if (internal.length)
    reasons.push(
      `Contact with ${internal.map((r) => r.accountName).join(', ')} does not count: internal requesters are the company’s own staff, not customers.`,
    );
  if (transactional.length)
    reasons.push(
      `Contact with ${transactional.map((r) => r.accountName).join(', ')} does not count: ${
        transactional.length === 1 ? 'that relationship is' : 'those relationships are'
      } transactional, not engaged.`,
    );
  return reasons;
}
