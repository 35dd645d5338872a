import type { Tier } from '../../support/index.js';
import type { ZendeskOrganization, ZendeskUser } from './zendesk-records.js';
import { idKey } from './zendesk-records.js';

/**
 * A group's tier from its name, as support teams name them: "Tier 2", "L2 Support", "Level 2" →
 * tier2; "Engineering", "Tier 3", "L3" → engineering; everything else (the default "Support") tier1.
 */
export function tierOfGroup(name: string): Tier {
  const n = name.toLowerCase();
  if (/\bengineer|\btier\s*-?3\b|\bl3\b|\blevel\s*3\b/.test(n)) return 'engineering';
  if (/\btier\s*-?2\b|\bl2\b|\blevel\s*2\b|\bsecond\s+line\b/.test(n)) return 'tier2';
  return 'tier1';
}

/** The role each tier's people get in Outpost. */
export const ROLE_OF_TIER: Record<Tier, string> = {
  tier1: 'support_tier1',
  tier2: 'support_tier2',
  engineering: 'software_engineer',
};

/** Zendesk's agents and admins are colleagues (members); end users are customers (contacts). */
export function isStaff(user: ZendeskUser): boolean {
  return user.role === 'agent' || user.role === 'admin';
}

/** A member's roles: their groups' tiers (the highest tier first matters only for reading), plus admin. */
export function memberRoles(user: ZendeskUser, tiers: Tier[]): string[] {
  const roles = new Set((tiers.length ? tiers : (['tier1'] as Tier[])).map((t) => ROLE_OF_TIER[t]));
  if (user.role === 'admin') roles.add('admin');
  return [...roles];
}

/**
 * Contacts and members need an e-mail (it is how they sign in and how mail threads); Zendesk
 * allows users with only a phone number. They get a stable address that cannot receive mail.
 */
export function emailOf(user: ZendeskUser): string {
  const email = user.email?.trim().toLowerCase();
  return email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : `zendesk-user-${idKey(user.id)}@imported.invalid`;
}

export function nameOf(user: ZendeskUser): string {
  return (user.name?.trim() || user.email?.trim() || `Zendesk user ${idKey(user.id)}`).slice(0, 200);
}

/** An organisation's notes: Zendesk keeps `details` (e.g. an address) and `notes` apart; Outpost has one notes field. */
export function accountNotes(org: ZendeskOrganization): string | null {
  const parts = [org.details?.trim(), org.notes?.trim()].filter((p): p is string => !!p);
  return parts.length ? parts.join('\n\n') : null;
}

/** The time an export wrote, as Outpost stores times (ISO-8601 UTC); `fallback` when absent or unreadable. */
export function isoTime(value: string | null | undefined, fallback: string): string {
  if (!value) return fallback;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}

/** Tags as Outpost keeps them: lower case, letters, digits and - _ : . (Zendesk's are close to that already). */
export function normaliseTag(tag: string): string | null {
  const t = tag
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_:.-]+/g, '_')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 50);
  return t || null;
}

export function normaliseTags(tags: readonly string[] | null | undefined): string[] {
  return [...new Set((tags ?? []).map(normaliseTag).filter((t): t is string => !!t))];
}
