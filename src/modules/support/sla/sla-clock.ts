import { addBusinessMinutes, businessMinutesBetween, CALENDAR_HOURS, type BusinessCalendar } from './business-calendar.js';

/**
 * The SLA clock of one ticket (DESIGN §3 "SLA policies"), as pure functions over the state the
 * ticket row stores. Time always comes in as an argument.
 *
 * - First reply runs from creation until the first public agent reply.
 * - Next reply runs from the oldest customer message not yet answered, but only once the first
 *   reply has been given (before that the first-reply target covers it).
 * - Resolution runs while the ticket is new or open, pauses while it is pending or on hold,
 *   stops when it is solved or closed and resumes on reopening, keeping the time already used.
 * - A target is breached when its due time has passed (a reply exactly at the due time is on
 *   time). Each kind of breach is recorded once per ticket. Events that end a target (a reply, a
 *   pause, solving) record a breach they reveal, so a late reply between two sweeps is not lost;
 *   use `breachesAdded` to turn those into breach events.
 */

export type TicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type SlaMetric = 'first_reply' | 'next_reply' | 'resolution';

export interface SlaTargets {
  firstReplyMinutes: number | null;
  nextReplyMinutes: number | null;
  resolutionMinutes: number | null;
  /** true: minutes count in the calendar's business hours; false: in calendar hours (24×7). */
  businessHours: boolean;
}

export interface SlaState {
  /** ISO due times; null when not active (met, paused or no target). */
  firstReplyDueAt: string | null;
  nextReplyDueAt: string | null;
  resolutionDueAt: string | null;
  /** Business (or calendar) minutes the resolution clock used before it last stopped. */
  resolutionElapsedMinutes: number;
  /** ISO: when the resolution clock last started running; null while paused or stopped. */
  resolutionRunningSince: string | null;
  firstReplyAt: string | null;
  /** Each kind at most once, in the order they happened. */
  breaches: SlaMetric[];
}

type ClockPhase = 'running' | 'paused' | 'stopped';

const PHASE_OF: Record<TicketStatus, ClockPhase> = {
  new: 'running',
  open: 'running',
  pending: 'paused',
  on_hold: 'paused',
  solved: 'stopped',
  closed: 'stopped',
};

const DUE_FIELD = {
  first_reply: 'firstReplyDueAt',
  next_reply: 'nextReplyDueAt',
  resolution: 'resolutionDueAt',
} as const satisfies Record<SlaMetric, keyof SlaState>;

const ALL_METRICS: readonly SlaMetric[] = ['first_reply', 'next_reply', 'resolution'];

function clockCalendar(targets: SlaTargets, cal: BusinessCalendar): BusinessCalendar {
  return targets.businessHours ? cal : CALENDAR_HOURS;
}

function dueAfter(from: Date, minutes: number | null, clock: BusinessCalendar): string | null {
  return minutes === null ? null : addBusinessMinutes(from, minutes, clock).toISOString();
}

/** The state with a breach recorded for each of `metrics` whose due time is before `at`. */
function recordOverdue(state: SlaState, at: Date, metrics: readonly SlaMetric[]): SlaState {
  const overdue = metrics.filter((metric) => {
    const due = state[DUE_FIELD[metric]];
    return due !== null && Date.parse(due) < at.getTime() && !state.breaches.includes(metric);
  });
  return overdue.length === 0 ? state : { ...state, breaches: [...state.breaches, ...overdue] };
}

/** The state with the resolution clock no longer running and its used time banked. */
function haltResolution(state: SlaState, at: Date, clock: BusinessCalendar): SlaState {
  const since = state.resolutionRunningSince;
  if (since === null) return state;
  const checked = recordOverdue(state, at, ['resolution']);
  return {
    ...checked,
    resolutionElapsedMinutes: checked.resolutionElapsedMinutes + businessMinutesBetween(new Date(since), at, clock),
    resolutionRunningSince: null,
    resolutionDueAt: null,
  };
}

function resumeResolution(state: SlaState, at: Date, targets: SlaTargets, clock: BusinessCalendar): SlaState {
  if (state.resolutionRunningSince !== null) return state;
  let resolutionDueAt: string | null = null;
  if (targets.resolutionMinutes !== null) {
    const remaining = targets.resolutionMinutes - state.resolutionElapsedMinutes;
    // Already overdue (the breach was recorded when the clock stopped): due now, so it sorts first.
    resolutionDueAt = remaining < 0 ? at.toISOString() : addBusinessMinutes(at, remaining, clock).toISOString();
  }
  return { ...state, resolutionRunningSince: at.toISOString(), resolutionDueAt };
}

/**
 * The clock of a ticket created at `createdAt` (status new): first-reply and resolution targets
 * start running.
 *
 * @example startSla(created, { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480, businessHours: true }, berlin)
 */
export function startSla(createdAt: Date, targets: SlaTargets, cal: BusinessCalendar): SlaState {
  const clock = clockCalendar(targets, cal);
  return {
    firstReplyDueAt: dueAfter(createdAt, targets.firstReplyMinutes, clock),
    nextReplyDueAt: null,
    resolutionDueAt: dueAfter(createdAt, targets.resolutionMinutes, clock),
    resolutionElapsedMinutes: 0,
    resolutionRunningSince: createdAt.toISOString(),
    firstReplyAt: null,
    breaches: [],
  };
}

/** A public agent reply: meets the first-reply target (if still open) and any next-reply target. */
export function onAgentPublicReply(state: SlaState, at: Date, _targets: SlaTargets, _cal: BusinessCalendar): SlaState {
  const checked = recordOverdue(state, at, ['first_reply', 'next_reply']);
  return {
    ...checked,
    firstReplyAt: checked.firstReplyAt ?? at.toISOString(),
    firstReplyDueAt: null,
    nextReplyDueAt: null,
  };
}

/**
 * A customer message: starts a next-reply target if the first reply was already given and no
 * earlier message is still waiting (the clock runs from the oldest unanswered message). When the
 * message reopens the ticket, apply `onStatusChange` first.
 */
export function onCustomerMessage(state: SlaState, at: Date, targets: SlaTargets, cal: BusinessCalendar): SlaState {
  if (state.firstReplyAt === null || state.nextReplyDueAt !== null || targets.nextReplyMinutes === null) return state;
  return { ...state, nextReplyDueAt: dueAfter(at, targets.nextReplyMinutes, clockCalendar(targets, cal)) };
}

/**
 * A status change. Pending and on hold pause the resolution clock (its used time is kept and its
 * due time cleared); new and open run it again with the remaining time (also when reopening a
 * solved ticket); solved and closed stop it and clear every due time.
 */
export function onStatusChange(
  state: SlaState,
  from: TicketStatus,
  to: TicketStatus,
  at: Date,
  targets: SlaTargets,
  cal: BusinessCalendar,
): SlaState {
  const phase = PHASE_OF[to];
  if (PHASE_OF[from] === phase) return state;
  const clock = clockCalendar(targets, cal);
  if (phase === 'running') return resumeResolution(state, at, targets, clock);
  const halted = haltResolution(state, at, clock);
  if (phase === 'paused') return halted;
  return { ...recordOverdue(halted, at, ['first_reply', 'next_reply']), firstReplyDueAt: null, nextReplyDueAt: null };
}

/** The earliest active due time — what queues sort by — or null when nothing is due. */
export function nextDueAt(state: SlaState): string | null {
  let earliest: string | null = null;
  for (const due of [state.firstReplyDueAt, state.nextReplyDueAt, state.resolutionDueAt]) {
    if (due !== null && (earliest === null || Date.parse(due) < Date.parse(earliest))) earliest = due;
  }
  return earliest;
}

/** Records the targets whose due time has passed by `now`; each breach only the first time. */
export function detectBreaches(state: SlaState, now: Date): { state: SlaState; newBreaches: SlaMetric[] } {
  const next = recordOverdue(state, now, ALL_METRICS);
  return { state: next, newBreaches: breachesAdded(state, next) };
}

/** The breaches recorded in `after` but not in `before`: the breach events a change produced. */
export function breachesAdded(before: SlaState, after: SlaState): SlaMetric[] {
  return after.breaches.filter((metric) => !before.breaches.includes(metric));
}
