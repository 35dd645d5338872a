/**
 * The engagement plan's arithmetic, free of the database: a Monday-to-Friday working-day calendar,
 * laying out a template's tasks from a start date, dependency cycles, the projected go-live and
 * its slip, the budget burn-down and time-to-value. Dates are `YYYY-MM-DD` strings (UTC days).
 */

const DAY_MS = 86_400_000;

function toTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromTime(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The calendar day of a timestamp (UTC). */
export function dayOf(timestamp: string | Date): string {
  return (typeof timestamp === 'string' ? new Date(timestamp) : timestamp).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromTime(toTime(date) + days * DAY_MS);
}

/** b − a in calendar days. */
export function calendarDaysBetween(a: string, b: string): number {
  return Math.round((toTime(b) - toTime(a)) / DAY_MS);
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(toTime(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The date itself on a working day, else the Monday after. */
export function rollToWorkingDay(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * Moves `days` working days from `date` (negative: backwards). A weekend start first rolls forward to
 * Monday, so `addWorkingDays(saturday, 0)` is the Monday after and `addWorkingDays(friday, 1)` the Monday.
 */
export function addWorkingDays(date: string, days: number): string {
  let d = rollToWorkingDay(date);
  const step = days < 0 ? -1 : 1;
  for (let left = Math.abs(days); left > 0;) {
    d = addCalendarDays(d, step);
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/**
 * Working days from `a` to `b`, counting neither a's own day nor weekend days: the n with
 * addWorkingDays(a, n) = b when both are working days; negative when b is before a.
 */
export function workingDaysBetween(a: string, b: string): number {
  if (b < a) return -workingDaysBetween(b, a);
  let count = 0;
  for (let d = a; d < b;) {
    d = addCalendarDays(d, 1);
    if (isWorkingDay(d)) count++;
  }
  return count;
}

export function maxDate(dates: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

export function minDate(dates: readonly (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d < best)) best = d;
  return best;
}

// ---------------------------------------------------------------- dependency graphs

/**
 * A cycle in a dependency graph (node → what it depends on), as the path that closes it
 * (`['a', 'b', 'c', 'a']`: a depends on b, b on c, c on a), or null when there is none.
 * Dependencies on nodes outside the graph are ignored.
 */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'visiting');
    stack.push(node);
    for (const dep of graph.get(node) ?? []) {
      if (!graph.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'visiting') return [...stack.slice(stack.indexOf(dep)), dep];
      if (s === undefined) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

/** The nodes in an order where every node comes after what it depends on (the graph must be acyclic). */
export function topologicalOrder(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (node: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const dep of graph.get(node) ?? []) if (graph.has(dep)) visit(dep);
    order.push(node);
  };
  for (const node of graph.keys()) visit(node);
  return order;
}

// ---------------------------------------------------------------- laying out a template

export interface PlanTask {
  key: string;
  startOffsetDays: number;
  durationDays: number;
  dependsOn: readonly string[];
}

export interface DatedTask {
  key: string;
  startDate: string;
  dueDate: string;
}

/**
 * Dates a template's tasks from the engagement's start (working days, Mon–Fri): a task without
 * dependencies starts `startOffsetDays` working days after the start; a task with dependencies
 * starts the working day after the last of them is due (or at its offset, if that is later); it is due
 * `durationDays − 1` working days after it starts. Throws when the dependencies form a cycle.
 */
export function layoutPlan(tasks: readonly PlanTask[], startDate: string): Map<string, DatedTask> {
  const byKey = new Map(tasks.map((t) => [t.key, t]));
  const graph = new Map(tasks.map((t) => [t.key, t.dependsOn.filter((d) => byKey.has(d))]));
  const cycle = findCycle(graph);
  if (cycle) throw new Error(`Dependency cycle: ${cycle.join(' → ')}`);
  const dated = new Map<string, DatedTask>();
  for (const key of topologicalOrder(graph)) {
    const task = byKey.get(key)!;
    const deps = graph.get(key)!;
    const atOffset = addWorkingDays(startDate, task.startOffsetDays);
    const afterDeps = deps.length ? addWorkingDays(maxDate(deps.map((d) => dated.get(d)!.dueDate))!, 1) : null;
    const start = afterDeps && afterDeps > atOffset ? afterDeps : atOffset;
    dated.set(key, { key, startDate: start, dueDate: addWorkingDays(start, Math.max(1, task.durationDays) - 1) });
  }
  return dated;
}

/** Working days a template's plan spans, from its first start to its last due date, both included. */
export function planDurationDays(tasks: readonly PlanTask[]): number {
  if (!tasks.length) return 0;
  const start = '2024-01-01'; // a Monday
  const dated = [...layoutPlan(tasks, start).values()];
  return workingDaysBetween(minDate(dated.map((d) => d.startDate))!, maxDate(dated.map((d) => d.dueDate))!) + 1;
}

// ---------------------------------------------------------------- projected go-live and slip

export interface ScheduleTask {
  id: string;
  startDate: string;
  dueDate: string;
  status: 'todo' | 'in_progress' | 'done';
  completedAt: string | null;
  dependsOn: readonly string[];
}

export interface Schedule {
  projectedGoLiveDate: string | null;
  slipDays: number | null;
  /** Each unfinished task's projected dates, where they differ from the plan. */
  projected: Map<string, { startDate: string; dueDate: string }>;
}

/**
 * Projects when the engagement will go live and how far that is behind the target.
 *
 * - An actual go-live date is the answer: projected = actual.
 * - Otherwise the plan is walked in dependency order. A done task stays where it finished (its
 *   completion day). An unfinished task keeps its planned dates, except that
 *     · it cannot start before the working day after every dependency's projected due date
 *       (the task moves, keeping its length in working days), and
 *     · if it is overdue (projected due before today), it is re-planned from today: a task not yet
 *       started starts today (the next working day) with its full length; a task in progress is
 *       projected to finish today (the next working day).
 *   Moves push through to the dependants.
 * - Projected go-live = the projected due date of the go-live task when the plan has one
 *   (`goLiveTaskId`: work after it, such as hypercare, does not move the go-live), else the latest
 *   projected due date of the whole plan (done tasks by completion day). While that work is not
 *   finished it is at least the target (an early plan does not promise an earlier go-live). With no
 *   tasks it is the target.
 * - slipDays = projected − target in calendar days, never below 0; null without a target or projection.
 */
export function projectSchedule(
  tasks: readonly ScheduleTask[],
  targetGoLiveDate: string | null,
  actualGoLiveDate: string | null,
  today: string,
  goLiveTaskId: string | null = null,
): Schedule {
  const projected = new Map<string, { startDate: string; dueDate: string }>();
  const slip = (p: string | null) => (p && targetGoLiveDate ? Math.max(0, calendarDaysBetween(targetGoLiveDate, p)) : null);
  const ends = new Map<string, string>();
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const graph = new Map(tasks.map((t) => [t.id, t.dependsOn.filter((d) => byId.has(d))]));
  const order = findCycle(graph) ? tasks.map((t) => t.id) : topologicalOrder(graph);
  const workingToday = rollToWorkingDay(today);
  let remaining = false;
  for (const id of order) {
    const task = byId.get(id)!;
    if (task.status === 'done') {
      ends.set(id, task.completedAt ? dayOf(task.completedAt) : task.dueDate);
      continue;
    }
    remaining = true;
    const length = Math.max(0, workingDaysBetween(rollToWorkingDay(task.startDate), task.dueDate));
    let start = task.startDate;
    let due = task.dueDate;
    const depEnd = maxDate((graph.get(id) ?? []).map((d) => ends.get(d)));
    if (depEnd && depEnd >= start) {
      start = addWorkingDays(depEnd, 1);
      due = addWorkingDays(start, length);
    }
    if (due < today) {
      if (task.status === 'in_progress') due = workingToday;
      else {
        start = workingToday;
        due = addWorkingDays(start, length);
      }
    }
    ends.set(id, due);
    if (start !== task.startDate || due !== task.dueDate) projected.set(id, { startDate: start, dueDate: due });
  }
  if (actualGoLiveDate) return { projectedGoLiveDate: actualGoLiveDate, slipDays: slip(actualGoLiveDate), projected };
  const goLive = goLiveTaskId ? byId.get(goLiveTaskId) : undefined;
  if (goLive) remaining = goLive.status !== 'done';
  let projectedGoLive = goLive ? ends.get(goLive.id)! : maxDate([...ends.values()]);
  if (projectedGoLive === null) projectedGoLive = targetGoLiveDate;
  else if (remaining && targetGoLiveDate && projectedGoLive < targetGoLiveDate) projectedGoLive = targetGoLiveDate;
  return { projectedGoLiveDate: projectedGoLive, slipDays: slip(projectedGoLive), projected };
}

// ---------------------------------------------------------------- budget burn-down

export interface BurnPoint {
  date: string;
  remainingHours: number;
  idealRemainingHours: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The budget burn-down: one point per calendar day from the start to `endDate` (usually today).
 * remainingHours = budget − hours logged up to and including that day (time logged before the start
 * counts on the first day; may go negative when over budget). idealRemainingHours falls in a
 * straight line from the budget on the start day to zero on the target go-live, and stays at zero
 * after it; without a target (or a target on or before the start) it is the budget throughout.
 * An end before the start gives the start day alone. At most `maxPoints` points (the latest kept).
 */
export function burnDown(
  budgetHours: number,
  startDate: string,
  targetDate: string | null,
  endDate: string,
  entries: readonly { day: string; minutes: number }[],
  maxPoints = 730,
): BurnPoint[] {
  const end = endDate < startDate ? startDate : endDate;
  const perDay = new Map<string, number>();
  let before = 0;
  for (const e of entries) {
    if (e.day <= startDate) before += e.minutes;
    else perDay.set(e.day, (perDay.get(e.day) ?? 0) + e.minutes);
  }
  const span = targetDate ? calendarDaysBetween(startDate, targetDate) : 0;
  const points: BurnPoint[] = [];
  let logged = before;
  for (let d = startDate; d <= end; d = addCalendarDays(d, 1)) {
    if (d !== startDate) logged += perDay.get(d) ?? 0;
    const elapsed = calendarDaysBetween(startDate, d);
    const ideal = span > 0 ? Math.max(0, budgetHours * (1 - elapsed / span)) : budgetHours;
    points.push({ date: d, remainingHours: round2(budgetHours - logged / 60), idealRemainingHours: round2(ideal) });
  }
  return points.length > maxPoints ? points.slice(points.length - maxPoints) : points;
}

// ---------------------------------------------------------------- time to value

/** Contract start → go-live in calendar days; null unless both are known (never negative). */
export function timeToValueDays(contractStartDate: string | null, goLiveDate: string | null): number | null {
  if (!contractStartDate || !goLiveDate) return null;
  return Math.max(0, calendarDaysBetween(contractStartDate, goLiveDate));
}

/** The mean of the known values, to one decimal; null when there are none. */
export function averageDays(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  if (!known.length) return null;
  return Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10) / 10;
}
