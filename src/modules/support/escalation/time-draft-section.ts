import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { TIME_CATEGORIES, ticketTime, type TimeTotals } from '../../team/index.js';

export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The escalation summary's time line (DESIGN §3: "a summary of what was tried … time spent"). */
export function timeDraftLines(totals: TimeTotals, memberCount: number): string[] {
  if (totals.totalMinutes === 0) return ['No time logged on this ticket yet.', ''];
  const parts = TIME_CATEGORIES.filter((c) => totals.byCategory[c]).map((c) => `${c} ${formatMinutes(totals.byCategory[c]!)}`);
  return [
    `Time spent: ${formatMinutes(totals.totalMinutes)} (${parts.join(', ')}) by ${memberCount} ${memberCount === 1 ? 'member' : 'members'}.`,
    '',
  ];
}

/** The escalation draft's time line for one ticket. */
export async function timeDraftSection(db: Kysely<Database>, ticket: { id: string }): Promise<string[]> {
  const time = await ticketTime(db, ticket.id);
  return timeDraftLines(time, new Set(time.items.map((e) => e.member.id)).size);
}
