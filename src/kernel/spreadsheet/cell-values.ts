import { DateTime } from 'luxon';

/**
 * Values as people type them in spreadsheets, read into what the create routes take. Each returns
 * the raw text unchanged when it cannot read it, so the route's own zod rule reports it in words
 * the create form uses too.
 */

/** "250000", "250,000", "$250,000.00", "€ 1.2M", "80k" → a number; anything else stays text. */
export function readAmount(text: string): number | string {
  const t = text.replace(/[\s$€£¥]|(USD|EUR|GBP)/gi, '');
  const match = /^(-?[\d,]*\.?\d+)([kKmM]?)$/.exec(t);
  if (!match || !/^-?(\d{1,3}(,\d{3})*|\d+)?(\.\d+)?$/.test(match[1]!)) return text;
  const n = Number(match[1]!.replace(/,/g, ''));
  const factor = { k: 1_000, m: 1_000_000 }[match[2]!.toLowerCase() as 'k' | 'm'] ?? 1;
  return Math.round(n * factor * 100) / 100;
}

const DATE_FORMATS = ['yyyy-MM-dd', 'yyyy/MM/dd', 'd MMM yyyy', 'd MMMM yyyy', 'MMM d, yyyy', 'MMMM d, yyyy', 'd-MMM-yyyy'];

/**
 * A calendar date as YYYY-MM-DD. XLSX dates arrive already ISO. Day/month orders that differ by
 * country (03/04/2027) are refused rather than guessed: the text goes on to the date rule.
 */
export function readDate(text: string): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}T/.test(t)) {
    const dt = DateTime.fromISO(t, { zone: 'utc' });
    return dt.isValid ? dt.toISODate()! : text;
  }
  for (const format of DATE_FORMATS) {
    const dt = DateTime.fromFormat(t, format, { locale: 'en', zone: 'utc' });
    if (dt.isValid) return dt.toISODate()!;
  }
  return text;
}

/** A moment as ISO 8601 UTC: an ISO date-time (a date alone is midnight UTC) or "2026-05-01 14:30" (UTC). */
export function readDateTime(text: string): string {
  const t = text.trim();
  const iso = DateTime.fromISO(t.replace(' ', 'T'), { zone: 'utc', setZone: true });
  if (iso.isValid) return iso.toUTC().toISO({ suppressMilliseconds: true })!;
  const day = readDate(t);
  return day !== text ? `${day}T00:00:00Z` : text;
}

/** "a, b; c | d" → ['a', 'b', 'c', 'd']: the separators spreadsheets use for several values in one cell. */
export function readList(text: string): string[] {
  return text
    .split(/[,;|\n]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A choice by its value or label, without case, spaces, hyphens or underscores ("On hold" → on_hold). */
export function readChoice<T extends string>(text: string, choices: readonly T[], synonyms: Record<string, T> = {}): T | string {
  const key = text.toLowerCase().replace(/[\s_-]/g, '');
  return choices.find((c) => c.replace(/_/g, '') === key) ?? synonyms[key] ?? text;
}
