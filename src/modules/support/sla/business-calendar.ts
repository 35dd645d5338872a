import { IANAZone } from 'luxon';
import { z } from 'zod';
import { calendarSchema } from '../contract/settings.js';

/**
 * Business time for SLA targets (DESIGN §3 "SLA policies"): a calendar is a time zone, weekly
 * opening hours and holidays, and these pure functions measure time against it.
 *
 * What the code cannot show on its own:
 * - Business minutes are real elapsed minutes inside the local opening intervals. On the day the
 *   clocks spring forward a 00:00–24:00 day lasts 23 hours and on the day they fall back 25 hours,
 *   while 09:00–17:00 stays 480 minutes.
 * - An interval runs from the first moment the local clock shows its start to the first moment it
 *   shows its end. So an interval that starts inside a skipped hour starts when the clock jumps, and
 *   an end inside a repeated hour means its first pass. Ordinary opening hours never hit either case.
 * - Opening times become instants one day at a time, not one minute at a time. A target of weeks
 *   costs a few dozen steps. Weekends and holidays cost no time-zone work at all, and a zone's
 *   offsets are cached per day: luxon reads an offset through Intl at ~9 µs a call (measured).
 * - Calendars are treated as immutable values: the parsed form is cached per object and by content.
 */

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A local opening interval, [start, end), "HH:MM"; "24:00" is allowed as an end. */
export interface BusinessInterval {
  start: string;
  end: string;
}

export interface BusinessCalendar {
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** Opening intervals per ISO weekday (1 = Monday … 7 = Sunday); a missing day is closed. */
  weeklyHours: Partial<Record<IsoWeekday, BusinessInterval[]>>;
  /** Local dates, 'YYYY-MM-DD', with no business hours at all. */
  holidays: string[];
}

/** Thrown when a calendar is invalid or yields no business time to count. */
export class BusinessCalendarError extends Error {
  override name = 'BusinessCalendarError';
}

/** How far `addBusinessMinutes` searches before it gives up (about three years). */
export const SEARCH_HORIZON_DAYS = 3 * 366;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function minuteOfDay(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

// The calendar schema is part of the HTTP contract (shared with the web app); parsing below uses it.
export { calendarSchema };

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const roundTheClock = (): BusinessInterval[] => [{ start: '00:00', end: '24:00' }];

/** 24×7 in UTC with no holidays: the calendar for targets measured in calendar hours (frozen). */
export const CALENDAR_HOURS: BusinessCalendar = deepFreeze({
  timeZone: 'UTC',
  weeklyHours: {
    1: roundTheClock(),
    2: roundTheClock(),
    3: roundTheClock(),
    4: roundTheClock(),
    5: roundTheClock(),
    6: roundTheClock(),
    7: roundTheClock(),
  },
  holidays: [],
});

/** The calendar in the form the arithmetic needs. */
interface CompiledCalendar {
  zone: IANAZone;
  /** Shared by every calendar in the zone. */
  zoneCache: ZoneCache;
  /** Index 1–7: sorted [startMinute, endMinute] pairs of local time. */
  openings: (readonly (readonly [number, number])[])[];
  /** Days since 1970-01-01 of the local dates that are holidays. */
  holidays: ReadonlySet<number>;
  /** Every day 00:00–24:00 and no holidays: business time is plain elapsed time. */
  alwaysOpen: boolean;
}

const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();
// Services rebuild the calendar object from its row on each call; validating it again every time
// cost ~100 µs (measured), so equal calendars share one compiled form by their JSON text.
const compiledByText = new Map<string, CompiledCalendar>();
const MAX_CACHED_CALENDAR_TEXTS = 1_000;

interface ZoneCache {
  /** UTC offset (ms) at 10:00 UTC of each day number. */
  dailyOffsets: Map<number, number>;
  /** Instants of wall-clock times on days near an offset change, which cost several Intl calls each. */
  instantsNearChanges: Map<number, number>;
}
const zoneCaches = new Map<string, ZoneCache>();
// A sweep over years of tickets touches a few thousand days per zone; this only bounds a runaway.
const MAX_CACHED_ENTRIES = 200_000;

function remember(cache: Map<number, number>, key: number, value: number): number {
  if (cache.size >= MAX_CACHED_ENTRIES) cache.clear();
  cache.set(key, value);
  return value;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  const cached = compiledCalendars.get(cal);
  if (cached) return cached;
  const text = JSON.stringify(cal);
  const sameText = compiledByText.get(text);
  if (sameText) {
    compiledCalendars.set(cal, sameText);
    return sameText;
  }
  const parsed = calendarSchema.safeParse(cal);
  if (!parsed.success) throw new BusinessCalendarError(`Invalid business calendar: ${z.prettifyError(parsed.error)}`);

  const openings: (readonly (readonly [number, number])[])[] = [[]];
  for (const day of WEEKDAYS) {
    const intervals = (parsed.data.weeklyHours[day] ?? []).map((i) => [minuteOfDay(i.start), minuteOfDay(i.end)] as const);
    openings.push(intervals.sort((a, b) => a[0] - b[0]));
  }
  const holidays = new Set(parsed.data.holidays.map((date) => Date.parse(`${date}T00:00:00Z`) / DAY));
  let zoneCache = zoneCaches.get(cal.timeZone);
  if (!zoneCache) zoneCaches.set(cal.timeZone, (zoneCache = { dailyOffsets: new Map(), instantsNearChanges: new Map() }));

  const compiledCalendar: CompiledCalendar = {
    zone: IANAZone.create(cal.timeZone),
    zoneCache,
    openings,
    holidays,
    alwaysOpen: holidays.size === 0 && openings.slice(1).every((day) => day.length === 1 && day[0]![0] === 0 && day[0]![1] === 24 * 60),
  };
  compiledCalendars.set(cal, compiledCalendar);
  if (compiledByText.size >= MAX_CACHED_CALENDAR_TEXTS) compiledByText.clear();
  compiledByText.set(text, compiledCalendar);
  return compiledCalendar;
}

/** The zone's UTC offset (ms) at 10:00 UTC on `day`; one Intl call per zone and day, then cached. */
function sampledOffset(c: CompiledCalendar, day: number): number {
  const offsets = c.zoneCache.dailyOffsets;
  return offsets.get(day) ?? remember(offsets, day, c.zone.offset(day * DAY + 10 * HOUR) * MINUTE);
}

/**
 * The offset that holds for every local time of `day` (00:00–24:00), or null near a transition.
 * A local time t maps to an instant in [t − 14 h, t + 12 h] (the range of real offsets), so the
 * samples from the day before to two days after cover the whole day. A zone that changes its offset
 * twice within 24 hours could fool the samples; no zone has done so in living memory.
 */
function steadyOffsetOn(c: CompiledCalendar, day: number): number | null {
  const offset = sampledOffset(c, day - 1);
  for (let d = day; d <= day + 2; d++) if (sampledOffset(c, d) !== offset) return null;
  return offset;
}

/** The first instant at which the zone's clock shows `wallClock` (local time written as if UTC) or later. */
function firstInstantShowing(zone: IANAZone, wallClock: number): number {
  const offsetAt = (instant: number) => zone.offset(instant) * MINUTE;
  const early = offsetAt(wallClock - 14 * HOUR);
  const late = offsetAt(wallClock + 14 * HOUR);
  let first = Infinity;
  for (const offset of [early, late]) {
    const instant = wallClock - offset;
    if (offsetAt(instant) === offset) first = Math.min(first, instant);
  }
  if (first !== Infinity) return first;
  // The clock skips this time: the answer is the transition itself, found by bisection.
  let before = wallClock - Math.max(early, late);
  let after = wallClock - Math.min(early, late);
  const offsetBefore = offsetAt(before);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (offsetAt(mid) === offsetBefore) before = mid;
    else after = mid;
  }
  return after;
}

/** Days since 1970-01-01 of the local date at `instant`. */
function localDayOf(c: CompiledCalendar, instant: number): number {
  const utcDay = Math.floor(instant / DAY);
  const offset = sampledOffset(c, utcDay - 1);
  const steady = sampledOffset(c, utcDay) === offset && sampledOffset(c, utcDay + 1) === offset;
  return Math.floor((instant + (steady ? offset : c.zone.offset(instant) * MINUTE)) / DAY);
}

function isoWeekday(day: number): IsoWeekday {
  // 1970-01-01 was a Thursday.
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

const CLOSED: readonly (readonly [number, number])[] = [];

/** The business intervals of a local date as [open, close) instants in epoch ms. */
function intervalsOn(c: CompiledCalendar, day: number): readonly (readonly [number, number])[] {
  if (c.holidays.has(day)) return CLOSED;
  const openings = c.openings[isoWeekday(day)]!;
  if (openings.length === 0) return CLOSED;
  const offset = steadyOffsetOn(c, day);
  const midnight = day * DAY;
  const nearChanges = c.zoneCache.instantsNearChanges;
  const toInstant = (minute: number) => {
    const wallClock = midnight + minute * MINUTE;
    if (offset !== null) return wallClock - offset;
    return nearChanges.get(wallClock) ?? remember(nearChanges, wallClock, firstInstantShowing(c.zone, wallClock));
  };
  const intervals: [number, number][] = [];
  for (const [start, end] of openings) {
    const open = toInstant(start);
    const close = toInstant(end);
    // An interval wholly inside a skipped hour has no time at all.
    if (close > open) intervals.push([open, close]);
  }
  return intervals;
}

function epochMs(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

/**
 * The instant that is `minutes` business minutes after `start` (start may be outside hours: the
 * clock starts at the next opening). `minutes` may be fractional; the result is exact to the ms.
 * A target that ends exactly at closing time is due at closing time.
 *
 * @example addBusinessMinutes(new Date('2026-03-27T15:00:00Z'), 240, berlinNineToFive)
 *   // Friday 16:00 in Berlin + 4 h → Monday 12:00 (2026-03-30T10:00:00Z, after the clocks changed)
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  const from = epochMs(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a finite number of at least 0, got ${minutes}`);
  }
  const target = Math.round(minutes * MINUTE);
  const c = compile(cal);
  if (c.alwaysOpen) return new Date(from + target);

  let remaining = target;
  const firstDay = localDayOf(c, from);
  for (let day = firstDay; day < firstDay + SEARCH_HORIZON_DAYS; day++) {
    for (const [open, close] of intervalsOn(c, day)) {
      if (close <= from) continue;
      const begin = Math.max(open, from);
      if (remaining <= close - begin) return new Date(begin + remaining);
      remaining -= close - begin;
    }
  }
  throw new BusinessCalendarError(
    remaining === target
      ? `The calendar (${cal.timeZone}) has no business hours in the ${SEARCH_HORIZON_DAYS} days after ${start.toISOString()}: check its weekly hours and holidays`
      : `${minutes} business minutes after ${start.toISOString()} lie beyond the ${SEARCH_HORIZON_DAYS}-day search horizon`,
  );
}

/**
 * Business minutes elapsed between a and b (0 if b <= a), fractional to the ms.
 *
 * @example businessMinutesBetween(fridayAt16, mondayAt12, berlinNineToFive) // 240
 */
export function businessMinutesBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  const from = epochMs(a, 'a');
  const to = epochMs(b, 'b');
  const c = compile(cal);
  if (to <= from) return 0;
  if (c.alwaysOpen) return (to - from) / MINUTE;

  let elapsed = 0;
  // One day beyond b's local date: where midnight repeats, that day's first interval starts before b.
  const lastDay = localDayOf(c, to) + 1;
  for (let day = localDayOf(c, from); day <= lastDay; day++) {
    for (const [open, close] of intervalsOn(c, day)) {
      const overlap = Math.min(close, to) - Math.max(open, from);
      if (overlap > 0) elapsed += overlap;
    }
  }
  return elapsed / MINUTE;
}

/** Whether `at` is inside business hours (an interval includes its opening instant, not its closing one). */
export function isWithinBusinessHours(at: Date, cal: BusinessCalendar): boolean {
  const instant = epochMs(at, 'at');
  const c = compile(cal);
  if (c.alwaysOpen) return true;
  const day = localDayOf(c, instant);
  for (const d of [day, day + 1]) {
    for (const [open, close] of intervalsOn(c, d)) if (open <= instant && instant < close) return true;
  }
  return false;
}
