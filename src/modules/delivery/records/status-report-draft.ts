import type { OverallStatus, ReportSection } from './tables.js';
import type { ReportFigures } from '../contract/records.js';

/**
 * Composes a status report from an engagement's data, with no I/O: the service loads the
 * engagement, its tasks and its hours, and stores what this returns as an editable draft.
 */

export interface DraftTask {
  id: string;
  title: string;
  status: 'todo' | 'in_progress' | 'done';
  startDate: string;
  dueDate: string;
  completedAt: string | null;
  milestone: boolean;
  owner: { type: 'member' | 'contact'; id: string; name: string } | null;
  dependsOn: string[];
}

export interface DraftInput {
  engagement: {
    name: string;
    status: string;
    budgetHours: number;
    targetGoLiveDate: string | null;
    projectedGoLiveDate: string | null;
    slipDays: number | null;
  };
  tasks: DraftTask[];
  loggedMinutesInPeriod: number;
  loggedMinutesToDate: number;
  periodStart: string;
  periodEnd: string;
  /** Today (YYYY-MM-DD): what is overdue is judged on the earlier of today and the period end. */
  today: string;
}

export interface Draft {
  title: string;
  overallStatus: OverallStatus;
  sections: Record<ReportSection, string>;
  figures: ReportFigures;
}

/** Working beyond this many points more of the budget than of the plan is a risk. */
const BURN_AHEAD_POINTS = 15;
/** A slip of more than two working weeks, or an overrun of the budget, is off track. */
const OFF_TRACK_SLIP_DAYS = 14;
/** How many lines a list section shows before it summarises the rest. */
const MAX_LINES = 12;

export const OVERALL_LABELS: Record<OverallStatus, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Hours with at most one decimal: 12, 12.5. */
export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

function list<T>(items: readonly T[], line: (item: T) => string, empty: string): string {
  if (items.length === 0) return `_${empty}_`;
  const shown = items.slice(0, MAX_LINES).map((i) => `- ${line(i)}`);
  if (items.length > MAX_LINES) shown.push(`- …and ${items.length - MAX_LINES} more`);
  return shown.join('\n');
}

const ownerText = (t: DraftTask) => (t.owner ? (t.owner.type === 'contact' ? ` — ${t.owner.name} (your side)` : ` — ${t.owner.name}`) : '');
const lineOf = (t: DraftTask) => ({ id: t.id, title: t.title, dueDate: t.dueDate, owner: t.owner?.name ?? null });
const byDue = (a: DraftTask, b: DraftTask) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title);

export function composeStatusReport(input: DraftInput): Draft {
  const { engagement, tasks, periodStart, periodEnd } = input;
  const asOf = input.today < periodEnd ? input.today : periodEnd;
  const dayDone = (t: DraftTask) => (t.status === 'done' && t.completedAt ? t.completedAt.slice(0, 10) : null);
  const inPeriod = (day: string | null) => !!day && day >= periodStart && day <= periodEnd;
  const isOpen = (t: DraftTask) => t.status !== 'done';
  const byId = new Map(tasks.map((t) => [t.id, t]));

  // Next covers the next period of the same length, and at least the next two weeks.
  const horizon = Math.max(14, daysBetween(periodStart, periodEnd) + 1);
  const nextUntil = addDays(periodEnd, horizon);

  const done = tasks.filter((t) => inPeriod(dayDone(t))).sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''));
  const next = tasks.filter((t) => isOpen(t) && t.dueDate >= asOf && t.dueDate <= nextUntil).sort(byDue);
  const overdue = tasks.filter((t) => isOpen(t) && t.dueDate < asOf).sort(byDue);
  const blockers = (t: DraftTask) => t.dependsOn.map((d) => byId.get(d)).filter((d): d is DraftTask => !!d && isOpen(d));
  // A task waiting on others only matters once it should have started.
  const blocked = tasks.filter((t) => isOpen(t) && t.startDate <= asOf && blockers(t).length > 0).sort(byDue);
  const waitingOn = new Set(tasks.filter(isOpen).flatMap((t) => t.dependsOn));
  const decisions = tasks
    .filter((t) => isOpen(t) && t.owner?.type === 'contact' && (waitingOn.has(t.id) || t.dueDate < asOf))
    .sort(byDue)
    .map((t) => ({ task: t, reason: waitingOn.has(t.id) ? ('blocks_others' as const) : ('overdue' as const) }));

  const doneByEnd = tasks.filter((t) => {
    const day = dayDone(t);
    return !!day && day <= periodEnd;
  }).length;
  const total = tasks.length;
  const progressPercent = total ? Math.round((doneByEnd / total) * 100) : null;
  const budgetHours = engagement.budgetHours;
  const loggedToDate = hours(input.loggedMinutesToDate);
  const loggedInPeriod = hours(input.loggedMinutesInPeriod);
  const remainingHours = Math.round((budgetHours - loggedToDate) * 10) / 10;
  const burnPercent = budgetHours > 0 ? Math.round((loggedToDate / budgetHours) * 100) : null;
  const overBudget = budgetHours > 0 && remainingHours < 0;
  const burnAhead = burnPercent !== null && progressPercent !== null && burnPercent - progressPercent > BURN_AHEAD_POINTS;
  const slip = engagement.slipDays ?? 0;

  const milestonesReached = tasks
    .filter((t) => t.milestone && inPeriod(dayDone(t)))
    .map((t) => ({ id: t.id, title: t.title, completedAt: t.completedAt! }))
    .sort((a, b) => a.completedAt.localeCompare(b.completedAt));
  const milestonesUpcoming = tasks
    .filter((t) => t.milestone && isOpen(t))
    .sort(byDue)
    .slice(0, 6)
    .map((t) => ({ id: t.id, title: t.title, dueDate: t.dueDate }));

  let overallStatus: OverallStatus = 'on_track';
  if (engagement.status !== 'done') {
    if (engagement.status === 'on_hold' || slip > OFF_TRACK_SLIP_DAYS || overBudget) overallStatus = 'off_track';
    else if (engagement.status === 'at_risk' || slip > 0 || burnAhead || overdue.length > 0) overallStatus = 'at_risk';
  }

  const risks: string[] = [];
  if (slip > 0)
    risks.push(
      `**Schedule:** go-live is projected for ${engagement.projectedGoLiveDate}, ${slip} day${slip === 1 ? '' : 's'} after the target of ${engagement.targetGoLiveDate}.`,
    );
  if (overBudget) risks.push(`**Budget:** ${loggedToDate} h logged against a budget of ${budgetHours} h — ${-remainingHours} h over.`);
  else if (burnAhead) risks.push(`**Budget:** ${burnPercent}% of the budget is used with ${progressPercent}% of the tasks done.`);
  for (const t of overdue.slice(0, MAX_LINES))
    risks.push(`**Overdue:** ${t.title} (due ${t.dueDate}${t.owner ? `, ${t.owner.name}` : ''})`);
  if (overdue.length > MAX_LINES) risks.push(`…and ${overdue.length - MAX_LINES} more overdue tasks`);
  for (const t of blocked.slice(0, MAX_LINES))
    risks.push(
      `**Blocked:** ${t.title} — waiting on ${blockers(t)
        .map((b) => b.title)
        .join(', ')}`,
    );

  const goLive = engagement.projectedGoLiveDate ?? engagement.targetGoLiveDate;
  const summary = [
    `**${OVERALL_LABELS[overallStatus]}.** ${doneByEnd} of ${total} tasks done${progressPercent !== null ? ` (${progressPercent}%)` : ''}; ${done.length} completed in this period.`,
    goLive
      ? `Go-live is ${engagement.projectedGoLiveDate ? 'projected' : 'planned'} for ${goLive}${slip > 0 ? ` (target ${engagement.targetGoLiveDate})` : ''}.`
      : null,
  ]
    .filter(Boolean)
    .join(' ');

  const budget = [
    `- Hours logged this period: ${loggedInPeriod} h`,
    budgetHours > 0
      ? `- Hours logged to date: ${loggedToDate} h of ${budgetHours} h budgeted (${burnPercent}%)`
      : `- Hours logged to date: ${loggedToDate} h (no budget set)`,
    budgetHours > 0 ? `- Remaining: ${remainingHours} h` : null,
    progressPercent !== null ? `- Tasks done: ${progressPercent}%` : null,
  ]
    .filter(Boolean)
    .join('\n');

  const milestones = [
    '**Reached this period**',
    list(milestonesReached, (m) => `${m.title} (${m.completedAt.slice(0, 10)})`, 'No milestone reached in this period.'),
    '',
    '**Coming up**',
    list(milestonesUpcoming, (m) => `${m.title} — ${m.dueDate}`, 'No open milestones.'),
  ].join('\n');

  return {
    title: `${engagement.name} — status ${periodStart} to ${periodEnd}`,
    overallStatus,
    sections: {
      summary,
      done: list(done, (t) => `${t.title} (${t.completedAt!.slice(0, 10)})`, 'Nothing was completed in this period.'),
      next: list(next, (t) => `${t.title} — due ${t.dueDate}${ownerText(t)}`, `Nothing is due before ${nextUntil}.`),
      risks: risks.length ? risks.map((r) => `- ${r}`).join('\n') : '_No risks identified._',
      decisions: list(
        decisions,
        ({ task, reason }) =>
          `${task.title} — ${task.owner!.name}, ${reason === 'blocks_others' ? 'other work waits on it' : `overdue since ${task.dueDate}`}`,
        'No decisions needed from your side.',
      ),
      budget,
      milestones,
    },
    figures: {
      asOf,
      engagementStatus: engagement.status,
      tasks: { done: doneByEnd, total, doneInPeriod: done.length, overdue: overdue.length, blocked: blocked.length },
      progressPercent,
      budget: { budgetHours, loggedHoursInPeriod: loggedInPeriod, loggedHoursToDate: loggedToDate, remainingHours, burnPercent },
      schedule: {
        targetGoLiveDate: engagement.targetGoLiveDate,
        projectedGoLiveDate: engagement.projectedGoLiveDate,
        slipDays: engagement.slipDays,
      },
      done: done.map((t) => ({ ...lineOf(t), completedAt: t.completedAt! })),
      next: next.map(lineOf),
      overdue: overdue.map(lineOf),
      blocked: blocked.map((t) => ({ ...lineOf(t), blockedBy: blockers(t).map((b) => b.id) })),
      decisions: decisions.map(({ task, reason }) => ({ ...lineOf(task), reason })),
      milestonesReached,
      milestonesUpcoming,
    },
  };
}
