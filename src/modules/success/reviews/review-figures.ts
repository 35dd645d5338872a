/**
 * The figures of a business review, computed from what the owners' batch reads returned. Pure: no
 * I/O, so the rules (what counts as SLA attained, what a top issue is) are tested with plain values.
 */
import type { ReviewData } from '../contract/reviews.js';

const DAY_MS = 86_400_000;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
const TOP = 5;

export interface TicketFact {
  id: string;
  number: number;
  subject: string;
  priority: string;
  status: string;
  createdAt: string;
  solvedAt: string | null;
  tags: string[];
  hasSlaTargets: boolean;
  slaBreached: boolean;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** SLA attainment: tickets whose every target was met ÷ tickets that had targets, in %. */
export function slaAttainment(tickets: readonly TicketFact[]): ReviewData['sla'] {
  const targeted = tickets.filter((t) => t.hasSlaTargets);
  const met = targeted.filter((t) => !t.slaBreached).length;
  return { ticketsWithTargets: targeted.length, ticketsMet: met, attainment: percent(met, targeted.length) };
}

const ranked = (counts: Map<string, number>) =>
  [...counts].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

/**
 * Ticket figures: counts by priority (every priority, zeros included, so the chart's axis is
 * stable) and by tag; the top issues are the most frequent tags, or the most repeated subjects
 * when the tickets carry no tags; the longest open are unsolved tickets by age at `asOf`.
 */
export function ticketFigures(tickets: readonly TicketFact[], asOf: Date): ReviewData['tickets'] {
  const solved = tickets.filter((t) => t.status === 'solved' || t.status === 'closed');
  const byPriority = PRIORITIES.map((priority) => ({ priority, count: tickets.filter((t) => t.priority === priority).length }));
  const tagCounts = new Map<string, number>();
  for (const t of tickets) for (const tag of t.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  const byTag = ranked(tagCounts).map((r) => ({ tag: r.label, count: r.count }));
  let topIssues = ranked(tagCounts).slice(0, TOP);
  if (!topIssues.length) {
    const subjects = new Map<string, number>();
    for (const t of tickets) {
      const subject = t.subject.trim().replace(/\s+/g, ' ');
      subjects.set(subject, (subjects.get(subject) ?? 0) + 1);
    }
    topIssues = ranked(subjects).slice(0, TOP);
  }
  const longestOpen = tickets
    .filter((t) => t.status !== 'solved' && t.status !== 'closed')
    .map((t) => ({
      id: t.id,
      number: t.number,
      subject: t.subject,
      daysOpen: Math.max(0, Math.floor((asOf.getTime() - Date.parse(t.createdAt)) / DAY_MS)),
    }))
    .sort((a, b) => b.daysOpen - a.daysOpen || a.number - b.number)
    .slice(0, TOP);
  return { total: tickets.length, solved: solved.length, open: tickets.length - solved.length, byPriority, byTag, topIssues, longestOpen };
}

/** Days between two YYYY-MM-DD days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function engagementFigures(
  engagements: readonly {
    id: string;
    name: string;
    kind: string;
    status: string;
    startDate: string;
    targetGoLiveDate: string | null;
    actualGoLiveDate: string | null;
    tasks: number;
    tasksDone: number;
  }[],
): ReviewData['engagements'] {
  return engagements.map((e) => ({
    id: e.id,
    name: e.name,
    kind: e.kind,
    status: e.status,
    percentDone: e.tasks === 0 ? null : Math.round((e.tasksDone / e.tasks) * 100),
    startDate: e.startDate,
    targetGoLiveDate: e.targetGoLiveDate,
    actualGoLiveDate: e.actualGoLiveDate,
    daysToValue: e.actualGoLiveDate ? Math.max(0, daysBetween(e.startDate, e.actualGoLiveDate)) : null,
  }));
}

/** The period as instants: from the start day's midnight UTC to the midnight after the end day. */
export function periodInstants(start: string, end: string): { from: string; to: string } {
  return { from: `${start}T00:00:00.000Z`, to: new Date(Date.parse(`${end}T00:00:00Z`) + DAY_MS).toISOString() };
}
