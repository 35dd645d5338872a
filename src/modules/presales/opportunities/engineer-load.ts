import type { DealSupportStatus } from '../contract/kinds.js';
import { isOpenRequest } from './deal-support-rules.js';

export interface LoadInput {
  assigneeId: string | null;
  status: DealSupportStatus;
  dueDate: string | null;
  estimatedHours: number | null;
}

export interface LoadFigures {
  openRequests: number;
  estimatedHoursOpen: number;
  /** Open requests without an estimate: their hours are unknown, not zero. */
  unestimated: number;
  dueThisWeek: number;
  overdue: number;
}

/** The Sunday (YYYY-MM-DD) ending the Monday-to-Sunday week that holds `today`. */
export function weekEndOf(today: string): string {
  const d = new Date(`${today}T00:00:00Z`);
  const daysToSunday = (7 - d.getUTCDay()) % 7;
  return new Date(d.getTime() + daysToSunday * 86_400_000).toISOString().slice(0, 10);
}

const empty = (): LoadFigures => ({ openRequests: 0, estimatedHoursOpen: 0, unestimated: 0, dueThisWeek: 0, overdue: 0 });

/**
 * Each engineer's open deal-support work: open requests, their estimated hours, how many are due
 * by the end of this week (today included, overdue ones not) and how many are overdue. Engineers
 * in `bench` appear even with nothing open; requests nobody holds are summed apart.
 *
 * @example engineerLoad(requests, '2026-05-06', ['m1']) // Map { 'm1' => { openRequests: 2, … } }
 */
export function engineerLoad(
  requests: readonly LoadInput[],
  today: string,
  bench: readonly string[] = [],
): { byEngineer: Map<string, LoadFigures>; unassigned: LoadFigures; weekEnds: string } {
  const weekEnds = weekEndOf(today);
  const byEngineer = new Map<string, LoadFigures>(bench.map((id) => [id, empty()]));
  const unassigned = empty();
  for (const r of requests) {
    if (!isOpenRequest(r.status)) continue;
    let figures = unassigned;
    if (r.assigneeId) {
      figures = byEngineer.get(r.assigneeId) ?? empty();
      byEngineer.set(r.assigneeId, figures);
    }
    figures.openRequests += 1;
    if (r.estimatedHours === null) figures.unestimated += 1;
    else figures.estimatedHoursOpen += r.estimatedHours;
    if (r.dueDate !== null && r.dueDate < today) figures.overdue += 1;
    else if (r.dueDate !== null && r.dueDate <= weekEnds) figures.dueThisWeek += 1;
  }
  return { byEngineer, unassigned, weekEnds };
}
