import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  BusinessCalendarError,
  businessMinutesBetween,
  CALENDAR_HOURS,
  calendarSchema,
  isWithinBusinessHours,
  SEARCH_HORIZON_DAYS,
  type BusinessCalendar,
  type IsoWeekday,
} from './business-calendar.js';

// ---------------------------------------------------------------------------------------------
// Helpers: calendars, local times, a seeded PRNG and a minute-by-minute wall-clock oracle.
// ---------------------------------------------------------------------------------------------

const MON_FRI: IsoWeekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const WEEKEND: IsoWeekday[] = [6, 7];

function calendar(timeZone: string, days: IsoWeekday[], intervals: [string, string][], holidays: string[] = []): BusinessCalendar {
  const weeklyHours: BusinessCalendar['weeklyHours'] = {};
  for (const day of days) weeklyHours[day] = intervals.map(([start, end]) => ({ start, end }));
  return { timeZone, weeklyHours, holidays };
}

/** A local wall-clock time ('2026-03-27T16:00', or with an offset where the hour repeats) as a Date. */
const localTime = (zone: string) => (text: string) => {
  const dt = DateTime.fromISO(text, { zone, setZone: false });
  if (!dt.isValid) throw new Error(`bad test time ${text}`);
  return dt.toJSDate();
};
/** How an instant reads on the zone's wall clock, with the offset: '2026-03-30T12:00+02:00'. */
const wallClock = (zone: string) => (date: Date) =>
  DateTime.fromJSDate(date, { zone })
    .toFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZZ")
    .replace(/:00\.000(?=[+-])/, '');

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const berlin = localTime(BERLIN);
const newYork = localTime(NEW_YORK);
const kolkata = localTime(KOLKATA);
const inBerlin = wallClock(BERLIN);
const inNewYork = wallClock(NEW_YORK);
const inKolkata = wallClock(KOLKATA);

const officeBerlin = calendar(BERLIN, MON_FRI, [['09:00', '17:00']]);
const lunchBerlin = calendar(BERLIN, MON_FRI, [
  ['09:00', '12:00'],
  ['13:00', '17:00'],
]);
const dailyBerlin = calendar(BERLIN, EVERY_DAY, [['09:00', '17:00']]);
const weekendAroundTheClockBerlin = calendar(BERLIN, WEEKEND, [['00:00', '24:00']]);
const officeNewYork = calendar(NEW_YORK, MON_FRI, [['09:00', '17:00']]);
const sundayAroundTheClockNewYork = calendar(NEW_YORK, [7], [['00:00', '24:00']]);
const officeKolkata = calendar(KOLKATA, MON_FRI, [['09:30', '18:30']]);
/** 24×7 written as two intervals a day, so it goes through the day-by-day walk, not the shortcut. */
const splitDayBerlin = calendar(BERLIN, EVERY_DAY, [
  ['00:00', '12:00'],
  ['12:00', '24:00'],
]);

const easterBerlin = calendar(BERLIN, MON_FRI, [['09:00', '17:00']], ['2026-04-03', '2026-04-06']);

/** mulberry32: a tiny seeded PRNG, so the property tests are the same on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;
const msOf = (minutes: number) => Math.round(minutes * MINUTE);

/**
 * An independent oracle: the start of every whole business minute in [from, to), found by reading
 * luxon's wall clock minute by minute. Valid for calendars whose interval ends are not inside a
 * skipped or repeated hour (there the two readings of "local time" part ways by design).
 */
function businessMinuteStartsByWallClock(cal: BusinessCalendar, from: Date, to: Date): number[] {
  const starts: number[] = [];
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) {
    const local = DateTime.fromMillis(t, { zone: cal.timeZone });
    if (cal.holidays.includes(local.toISODate()!)) continue;
    const minute = local.hour * 60 + local.minute;
    const intervals = cal.weeklyHours[local.weekday as IsoWeekday] ?? [];
    const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    if (intervals.some((i) => toMinutes(i.start) <= minute && minute < toMinutes(i.end))) starts.push(t);
  }
  return starts;
}

// ---------------------------------------------------------------------------------------------

describe('calendar schema', () => {
  const valid = {
    timeZone: BERLIN,
    weeklyHours: {
      1: [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ],
      5: [{ start: '09:00', end: '15:00' }],
    },
    holidays: ['2026-12-24', '2026-12-25'],
  };

  it('accepts weekday hours with a lunch break and a list of holidays', () => {
    const parsed: BusinessCalendar = calendarSchema.parse(valid);
    expect(parsed).toEqual(valid);
  });

  it('accepts JSON with the weekdays as string keys, as a stored calendar comes back', () => {
    expect(calendarSchema.safeParse(JSON.parse(JSON.stringify(valid))).success).toBe(true);
  });

  it('accepts 24:00 as the end of a day', () => {
    expect(calendarSchema.safeParse(calendar(BERLIN, [6], [['00:00', '24:00']])).success).toBe(true);
  });

  it('accepts the calendar-hours calendar', () => {
    expect(calendarSchema.safeParse(CALENDAR_HOURS).success).toBe(true);
  });

  it.each(['9:00', '09:0', '25:00', '12:60', '24:01', '0900', '09:00:00', ''])('rejects the local time %j', (time) => {
    expect(calendarSchema.safeParse(calendar(BERLIN, [1], [[time, '17:00']])).success).toBe(false);
    expect(calendarSchema.safeParse(calendar(BERLIN, [1], [['08:00', time]])).success).toBe(false);
  });

  it('rejects an interval that ends before or when it starts, and 24:00 as a start', () => {
    for (const [start, end] of [
      ['17:00', '09:00'],
      ['09:00', '09:00'],
      ['24:00', '24:00'],
    ] as [string, string][]) {
      const result = calendarSchema.safeParse(calendar(BERLIN, [1], [[start, end]]));
      expect(result.success, `${start}–${end}`).toBe(false);
    }
    expect(JSON.stringify(calendarSchema.safeParse(calendar(BERLIN, [1], [['17:00', '09:00']])).error?.issues)).toContain(
      'end after it starts',
    );
  });

  it('rejects overlapping intervals on one day, in any order, but accepts touching ones', () => {
    const overlapping = calendarSchema.safeParse(
      calendar(
        BERLIN,
        [2],
        [
          ['13:00', '17:00'],
          ['09:00', '13:30'],
        ],
      ),
    );
    expect(overlapping.success).toBe(false);
    expect(overlapping.error?.issues[0]?.message).toBe('Intervals 09:00–13:30 and 13:00–17:00 overlap');
    expect(
      calendarSchema.safeParse(
        calendar(
          BERLIN,
          [2],
          [
            ['09:00', '17:00'],
            ['10:00', '11:00'],
          ],
        ),
      ).success,
    ).toBe(false);
    expect(
      calendarSchema.safeParse(
        calendar(
          BERLIN,
          [2],
          [
            ['13:00', '17:00'],
            ['09:00', '13:00'],
          ],
        ),
      ).success,
    ).toBe(true);
  });

  it('rejects an unknown time zone', () => {
    const result = calendarSchema.safeParse({ ...valid, timeZone: 'Europe/Atlantis' });
    expect(result.error?.issues[0]?.message).toBe('Use an IANA time zone such as Europe/Berlin');
  });

  it.each(['2026-02-29', '2026-02-30', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01T00:00'])('rejects the holiday %j', (date) => {
    expect(calendarSchema.safeParse({ ...valid, holidays: [date] }).success).toBe(false);
  });

  it('accepts 29 February in a leap year', () => {
    expect(calendarSchema.safeParse({ ...valid, holidays: ['2028-02-29'] }).success).toBe(true);
  });

  it('rejects unknown weekdays and unknown properties', () => {
    expect(calendarSchema.safeParse({ ...valid, weeklyHours: { 8: [{ start: '09:00', end: '17:00' }] } }).success).toBe(false);
    expect(calendarSchema.safeParse({ ...valid, name: 'Berlin' }).success).toBe(false);
    expect(calendarSchema.safeParse({ ...valid, weeklyHours: { 1: [{ start: '09:00', end: '17:00', note: 'x' }] } }).success).toBe(false);
  });

  it('rejects a week without any business hours', () => {
    for (const weeklyHours of [{}, { 1: [], 6: [] }]) {
      const result = calendarSchema.safeParse({ ...valid, weeklyHours });
      expect(result.error?.issues[0]?.message).toBe('The calendar has no business hours: give at least one weekday an interval');
    }
  });
});

describe('adding business minutes in ordinary weeks (Berlin, Monday–Friday 09:00–17:00)', () => {
  const add = (start: string, minutes: number, cal = officeBerlin) => inBerlin(addBusinessMinutes(berlin(start), minutes, cal));

  it('counts from the start when it is inside hours', () => {
    expect(add('2026-06-09T10:00', 60)).toBe('2026-06-09T11:00+02:00');
  });

  it('starts the clock at opening when the ticket arrives before opening', () => {
    expect(add('2026-06-09T07:00', 60)).toBe('2026-06-09T10:00+02:00');
  });

  it('starts the clock at the next morning when the ticket arrives after closing', () => {
    expect(add('2026-06-09T20:00', 60)).toBe('2026-06-10T10:00+02:00');
  });

  it('returns the start itself for zero minutes inside hours, to the millisecond', () => {
    const start = new Date('2026-06-09T08:15:30.250Z');
    expect(addBusinessMinutes(start, 0, officeBerlin)).toEqual(start);
  });

  it('returns the next opening for zero minutes outside hours', () => {
    expect(add('2026-06-13T11:00', 0)).toBe('2026-06-15T09:00+02:00');
    expect(add('2026-06-09T17:00', 0)).toBe('2026-06-10T09:00+02:00');
    expect(add('2026-06-09T09:00', 0)).toBe('2026-06-09T09:00+02:00');
  });

  it('makes a target that ends exactly at closing time due at closing, not the next morning', () => {
    expect(add('2026-06-09T09:00', 480)).toBe('2026-06-09T17:00+02:00');
    expect(add('2026-06-08T09:00', 5 * 480)).toBe('2026-06-12T17:00+02:00');
  });

  it('a 4-hour target opened Friday 16:00 in Berlin is due Monday 12:00', () => {
    expect(add('2026-06-12T16:00', 240)).toBe('2026-06-15T12:00+02:00');
  });

  it('a target opened on Saturday starts Monday at opening', () => {
    expect(add('2026-06-13T14:00', 90)).toBe('2026-06-15T10:30+02:00');
    expect(add('2026-06-14T23:59', 1)).toBe('2026-06-15T09:01+02:00');
  });

  it('one minute more than a working week rolls over the weekend', () => {
    expect(add('2026-06-08T09:00', 5 * 480 + 1)).toBe('2026-06-15T09:01+02:00');
  });

  it('skips the lunch break', () => {
    expect(add('2026-06-09T11:00', 120, lunchBerlin)).toBe('2026-06-09T14:00+02:00');
    expect(add('2026-06-09T11:59', 1, lunchBerlin)).toBe('2026-06-09T12:00+02:00');
    expect(add('2026-06-09T11:59', 2, lunchBerlin)).toBe('2026-06-09T13:01+02:00');
    expect(add('2026-06-09T09:00', 420, lunchBerlin)).toBe('2026-06-09T17:00+02:00');
  });

  it('a ticket arriving during lunch starts the clock at 13:00', () => {
    expect(add('2026-06-09T12:30', 0, lunchBerlin)).toBe('2026-06-09T13:00+02:00');
    expect(add('2026-06-09T12:00', 30, lunchBerlin)).toBe('2026-06-09T13:30+02:00');
  });

  it('handles fractional minutes to the millisecond', () => {
    expect(add('2026-06-09T10:00', 1.5)).toBe('2026-06-09T10:01:30.000+02:00');
    expect(add('2026-06-09T10:00', 0.0001)).toBe('2026-06-09T10:00:00.006+02:00');
    expect(addBusinessMinutes(new Date('2026-06-09T08:00:00.123Z'), 0.5, officeBerlin).toISOString()).toBe('2026-06-09T08:00:30.123Z');
    // Half a minute before closing, 1¼ minutes: 30 s today, 45 s tomorrow.
    expect(add('2026-06-09T16:59:30', 1.25)).toBe('2026-06-10T09:00:45.000+02:00');
  });

  it('refuses negative, infinite or missing minutes and invalid dates', () => {
    const start = berlin('2026-06-09T10:00');
    for (const minutes of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessMinutes(start, minutes, officeBerlin)).toThrow(RangeError);
    }
    expect(() => addBusinessMinutes(new Date('nope'), 10, officeBerlin)).toThrow(/start is not a valid date/);
    expect(() => businessMinutesBetween(start, new Date('nope'), officeBerlin)).toThrow(RangeError);
    expect(() => isWithinBusinessHours(new Date(Number.NaN), officeBerlin)).toThrow(RangeError);
  });
});

describe('holidays', () => {
  const add = (start: string, minutes: number, cal: BusinessCalendar) => inBerlin(addBusinessMinutes(berlin(start), minutes, cal));

  it('a holiday on a Monday pushes a Friday afternoon target to Tuesday', () => {
    const whitMonday = calendar(BERLIN, MON_FRI, [['09:00', '17:00']], ['2026-05-25']);
    expect(add('2026-05-22T16:00', 240, whitMonday)).toBe('2026-05-26T12:00+02:00');
    expect(add('2026-05-22T16:00', 240, officeBerlin)).toBe('2026-05-25T12:00+02:00');
  });

  it('a 4-hour target opened Thursday 16:00 before Easter is due Tuesday 12:00', () => {
    expect(add('2026-04-02T16:00', 240, easterBerlin)).toBe('2026-04-07T12:00+02:00');
  });

  it('a year-end shutdown of several days carries the target into January', () => {
    const shutdown = calendar(
      BERLIN,
      MON_FRI,
      [['09:00', '17:00']],
      ['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01'],
    );
    expect(add('2026-12-23T15:00', 240, shutdown)).toBe('2027-01-04T11:00+01:00');
    expect(businessMinutesBetween(berlin('2026-12-23T09:00'), berlin('2027-01-04T17:00'), shutdown)).toBe(960);
    expect(isWithinBusinessHours(berlin('2026-12-29T11:00'), shutdown)).toBe(false);
  });

  it('a holiday on a weekend changes nothing', () => {
    const saturdayHoliday = calendar(BERLIN, MON_FRI, [['09:00', '17:00']], ['2026-06-13']);
    expect(add('2026-06-12T16:00', 240, saturdayHoliday)).toBe('2026-06-15T12:00+02:00');
  });

  it('a holiday is closed all day and the next working day is open again', () => {
    expect(isWithinBusinessHours(berlin('2026-04-03T11:00'), easterBerlin)).toBe(false);
    expect(isWithinBusinessHours(berlin('2026-04-06T11:00'), easterBerlin)).toBe(false);
    expect(isWithinBusinessHours(berlin('2026-04-07T11:00'), easterBerlin)).toBe(true);
    expect(businessMinutesBetween(berlin('2026-04-02T00:00'), berlin('2026-04-08T00:00'), easterBerlin)).toBe(2 * 480);
  });

  it('counts the holiday by its local date, not its UTC date', () => {
    // 23:30 UTC on 2 April is already Good Friday in Berlin; 22:30 UTC is still Thursday evening.
    const goodFriday = calendar(
      BERLIN,
      EVERY_DAY,
      [
        ['00:00', '12:00'],
        ['12:00', '24:00'],
      ],
      ['2026-04-03'],
    );
    expect(isWithinBusinessHours(new Date('2026-04-02T22:30:00Z'), goodFriday)).toBe(false);
    expect(isWithinBusinessHours(new Date('2026-04-02T21:30:00Z'), goodFriday)).toBe(true);
  });
});

describe('daylight saving time in Europe/Berlin', () => {
  it('a 4-hour target opened Friday 16:00 before the spring change is due Monday 12:00 summer time', () => {
    const due = addBusinessMinutes(berlin('2026-03-27T16:00'), 240, officeBerlin);
    expect(inBerlin(due)).toBe('2026-03-30T12:00+02:00');
    expect(due.toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(businessMinutesBetween(berlin('2026-03-27T16:00'), due, officeBerlin)).toBe(240);
  });

  it('a 4-hour target opened Friday 16:00 before the autumn change is due Monday 12:00 winter time', () => {
    const due = addBusinessMinutes(berlin('2026-10-23T16:00'), 240, officeBerlin);
    expect(inBerlin(due)).toBe('2026-10-26T12:00+01:00');
    expect(due.toISOString()).toBe('2026-10-26T11:00:00.000Z');
  });

  it('09:00–17:00 is still 480 minutes on the days the clocks change', () => {
    expect(businessMinutesBetween(berlin('2026-03-29T00:00'), berlin('2026-03-30T00:00'), dailyBerlin)).toBe(480);
    expect(businessMinutesBetween(berlin('2026-10-25T00:00'), berlin('2026-10-26T00:00'), dailyBerlin)).toBe(480);
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-29T09:00'), 480, dailyBerlin))).toBe('2026-03-29T17:00+02:00');
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-28T16:00'), 120, dailyBerlin))).toBe('2026-03-29T10:00+02:00');
    expect(inBerlin(addBusinessMinutes(berlin('2026-10-24T16:00'), 120, dailyBerlin))).toBe('2026-10-25T10:00+01:00');
  });

  it('a 24-hour Sunday lasts 23 hours when the clocks spring forward', () => {
    const cal = weekendAroundTheClockBerlin;
    expect(businessMinutesBetween(berlin('2026-03-29T00:00'), berlin('2026-03-30T00:00'), cal)).toBe(23 * 60);
    expect(businessMinutesBetween(berlin('2026-03-28T00:00'), berlin('2026-03-30T00:00'), cal)).toBe(47 * 60);
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-29T00:00'), 23 * 60, cal))).toBe('2026-03-30T00:00+02:00');
    // 36 hours from Saturday noon: 12 on Saturday, 23 on Sunday, the last hour next Saturday.
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-28T12:00'), 36 * 60, cal))).toBe('2026-04-04T01:00+02:00');
    // Real time runs across the jump: 01:30 winter time plus one hour is 03:30 summer time.
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-29T01:30'), 60, cal))).toBe('2026-03-29T03:30+02:00');
  });

  it('a 24-hour Sunday lasts 25 hours when the clocks fall back, and both passes of 02:30 count', () => {
    const cal = weekendAroundTheClockBerlin;
    expect(businessMinutesBetween(berlin('2026-10-25T00:00'), berlin('2026-10-26T00:00'), cal)).toBe(25 * 60);
    expect(addBusinessMinutes(berlin('2026-10-25T00:00'), 25 * 60, cal).toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(inBerlin(addBusinessMinutes(berlin('2026-10-25T02:30+02:00'), 60, cal))).toBe('2026-10-25T02:30+01:00');
    expect(isWithinBusinessHours(berlin('2026-10-25T02:30+02:00'), cal)).toBe(true);
    expect(isWithinBusinessHours(berlin('2026-10-25T02:30+01:00'), cal)).toBe(true);
    expect(isWithinBusinessHours(berlin('2026-10-25T23:59'), cal)).toBe(true);
    expect(isWithinBusinessHours(berlin('2026-10-26T00:00'), cal)).toBe(false);
  });

  it('night hours 01:00–04:00 last two real hours in spring and four in autumn', () => {
    const nights = calendar(BERLIN, EVERY_DAY, [['01:00', '04:00']]);
    expect(businessMinutesBetween(berlin('2026-03-28T00:00'), berlin('2026-03-28T12:00'), nights)).toBe(180);
    expect(businessMinutesBetween(berlin('2026-03-29T00:00'), berlin('2026-03-29T12:00'), nights)).toBe(120);
    expect(businessMinutesBetween(berlin('2026-10-25T00:00'), berlin('2026-10-25T12:00'), nights)).toBe(240);
    expect(inBerlin(addBusinessMinutes(berlin('2026-10-25T01:00'), 150, nights))).toBe('2026-10-25T02:30+01:00');
  });

  it('an interval starting inside the skipped hour starts when the clock jumps', () => {
    const cal = calendar(BERLIN, EVERY_DAY, [['02:30', '03:30']]);
    expect(businessMinutesBetween(berlin('2026-03-29T00:00'), berlin('2026-03-29T12:00'), cal)).toBe(30);
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-29T00:00'), 0, cal))).toBe('2026-03-29T03:00+02:00');
    expect(isWithinBusinessHours(berlin('2026-03-29T03:10'), cal)).toBe(true);
  });

  it('an interval wholly inside the skipped hour has no time that day', () => {
    const cal = calendar(BERLIN, EVERY_DAY, [['02:15', '02:45']]);
    expect(businessMinutesBetween(berlin('2026-03-29T00:00'), berlin('2026-03-30T00:00'), cal)).toBe(0);
    expect(businessMinutesBetween(berlin('2026-03-28T00:00'), berlin('2026-03-29T00:00'), cal)).toBe(30);
    expect(isWithinBusinessHours(new Date('2026-03-29T01:00:00Z'), cal)).toBe(false);
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-28T03:00'), 1, cal))).toBe('2026-03-30T02:16+02:00');
  });

  it('an interval ending inside the repeated hour ends at its first pass', () => {
    const cal = calendar(BERLIN, EVERY_DAY, [['00:00', '02:30']]);
    expect(businessMinutesBetween(berlin('2026-10-25T00:00'), berlin('2026-10-25T12:00'), cal)).toBe(150);
    expect(isWithinBusinessHours(berlin('2026-10-25T02:15+02:00'), cal)).toBe(true);
    expect(isWithinBusinessHours(berlin('2026-10-25T02:15+01:00'), cal)).toBe(false);
  });

  it('24×7 hours in Berlin are plain elapsed time across both changes', () => {
    const random = seededRandom(29_03_2026);
    for (let i = 0; i < 200; i++) {
      const around = i % 2 === 0 ? Date.parse('2026-03-29T01:00:00Z') : Date.parse('2026-10-25T01:00:00Z');
      const start = new Date(around - Math.floor(random() * 3 * 86_400_000));
      const ms = Math.floor(random() * 5 * 86_400_000);
      expect(addBusinessMinutes(start, ms / MINUTE, splitDayBerlin).getTime()).toBe(start.getTime() + ms);
      expect(msOf(businessMinutesBetween(start, new Date(start.getTime() + ms), splitDayBerlin))).toBe(ms);
    }
  });
});

describe('daylight saving time in America/New_York', () => {
  it('a 4-hour target opened Friday 15:00 before the March change is due Monday 11:00 daylight time', () => {
    const due = addBusinessMinutes(newYork('2026-03-06T15:00'), 240, officeNewYork);
    expect(inNewYork(due)).toBe('2026-03-09T11:00-04:00');
    expect(due.toISOString()).toBe('2026-03-09T15:00:00.000Z');
  });

  it('a 4-hour target opened Friday 15:00 before the November change is due Monday 11:00 standard time', () => {
    const due = addBusinessMinutes(newYork('2026-10-30T15:00'), 240, officeNewYork);
    expect(inNewYork(due)).toBe('2026-11-02T11:00-05:00');
    expect(due.toISOString()).toBe('2026-11-02T16:00:00.000Z');
  });

  it('a 24-hour Sunday lasts 23 hours on 8 March and 25 hours on 1 November', () => {
    const cal = sundayAroundTheClockNewYork;
    expect(businessMinutesBetween(newYork('2026-03-07T00:00'), newYork('2026-03-10T00:00'), cal)).toBe(23 * 60);
    expect(businessMinutesBetween(newYork('2026-10-31T00:00'), newYork('2026-11-03T00:00'), cal)).toBe(25 * 60);
    expect(inNewYork(addBusinessMinutes(newYork('2026-03-08T01:30'), 60, cal))).toBe('2026-03-08T03:30-04:00');
    expect(inNewYork(addBusinessMinutes(newYork('2026-11-01T00:30'), 60, cal))).toBe('2026-11-01T01:30-04:00');
    expect(inNewYork(addBusinessMinutes(newYork('2026-11-01T00:30'), 120, cal))).toBe('2026-11-01T01:30-05:00');
  });

  it('two working weeks around the change hold ten 8-hour days', () => {
    expect(businessMinutesBetween(newYork('2026-03-02T00:00'), newYork('2026-03-16T00:00'), officeNewYork)).toBe(4800);
    expect(businessMinutesBetween(newYork('2026-10-26T00:00'), newYork('2026-11-09T00:00'), officeNewYork)).toBe(4800);
  });
});

describe('Asia/Kolkata (UTC+05:30, no daylight saving)', () => {
  it('a 2-hour target opened Friday 17:30 is due Monday 10:30 India time', () => {
    const due = addBusinessMinutes(kolkata('2026-03-06T17:30'), 120, officeKolkata);
    expect(inKolkata(due)).toBe('2026-03-09T10:30+05:30');
    expect(due.toISOString()).toBe('2026-03-09T05:00:00.000Z');
  });

  it('opens at 09:30 India time, which is 04:00 UTC', () => {
    expect(isWithinBusinessHours(new Date('2026-03-09T04:00:00.000Z'), officeKolkata)).toBe(true);
    expect(isWithinBusinessHours(new Date('2026-03-09T03:59:59.999Z'), officeKolkata)).toBe(false);
    expect(isWithinBusinessHours(new Date('2026-03-09T12:59:59.999Z'), officeKolkata)).toBe(true);
    expect(isWithinBusinessHours(new Date('2026-03-09T13:00:00.000Z'), officeKolkata)).toBe(false);
  });

  it('counts 261 nine-hour weekdays in 2026 (52 weeks and a Thursday)', () => {
    expect(businessMinutesBetween(kolkata('2026-01-01T00:00'), kolkata('2027-01-01T00:00'), officeKolkata)).toBe(261 * 540);
  });
});

describe('long targets', () => {
  it('three weeks of business hours from Monday 09:00 end on Friday 17:00 two weeks later', () => {
    expect(inBerlin(addBusinessMinutes(berlin('2026-06-08T09:00'), 15 * 480, officeBerlin))).toBe('2026-06-26T17:00+02:00');
  });

  it('six weeks of business hours across the spring change and Easter end on the thirtieth working day', () => {
    const due = addBusinessMinutes(berlin('2026-03-16T09:00'), 30 * 480, easterBerlin);
    expect(inBerlin(due)).toBe('2026-04-28T17:00+02:00');
    expect(businessMinutesBetween(berlin('2026-03-16T09:00'), due, easterBerlin)).toBe(30 * 480);
  });

  it('10,000 business minutes are twenty 8-hour days and 6 h 40 min', () => {
    expect(inBerlin(addBusinessMinutes(berlin('2026-06-08T09:00'), 10_000, officeBerlin))).toBe('2026-07-06T15:40+02:00');
  });

  it('a year of business hours lands a year later', () => {
    // 2026-06-08 to 2027-06-08 (a Tuesday) holds exactly 261 weekdays.
    expect(inBerlin(addBusinessMinutes(berlin('2026-06-08T09:00'), 261 * 480, officeBerlin))).toBe('2027-06-07T17:00+02:00');
  });
});

describe('calendar hours (24×7)', () => {
  it('adds plain elapsed time', () => {
    const random = seededRandom(24_7);
    for (let i = 0; i < 300; i++) {
      const start = new Date(Date.parse('2026-01-01T00:00:00Z') + Math.floor(random() * 365 * 86_400_000));
      const ms = Math.floor(random() * 60 * 86_400_000);
      expect(addBusinessMinutes(start, ms / MINUTE, CALENDAR_HOURS).getTime()).toBe(start.getTime() + ms);
      expect(businessMinutesBetween(start, new Date(start.getTime() + ms), CALENDAR_HOURS)).toBe(ms / MINUTE);
      expect(isWithinBusinessHours(start, CALENDAR_HOURS)).toBe(true);
    }
  });

  it('a 4-hour target opened Friday 16:00 in Berlin is due Friday 20:00', () => {
    expect(inBerlin(addBusinessMinutes(berlin('2026-03-27T16:00'), 240, CALENDAR_HOURS))).toBe('2026-03-27T20:00+01:00');
  });

  it('is frozen so no caller can change it for everyone', () => {
    expect(Object.isFrozen(CALENDAR_HOURS)).toBe(true);
    expect(Object.isFrozen(CALENDAR_HOURS.weeklyHours[1])).toBe(true);
    expect(Object.isFrozen(CALENDAR_HOURS.holidays)).toBe(true);
  });
});

describe('counting business minutes between two instants', () => {
  it('is 0 when the end is not after the start', () => {
    const t = berlin('2026-06-09T10:00');
    expect(businessMinutesBetween(t, t, officeBerlin)).toBe(0);
    expect(businessMinutesBetween(t, berlin('2026-06-09T09:30'), officeBerlin)).toBe(0);
  });

  it('counts only the time inside opening hours', () => {
    expect(businessMinutesBetween(berlin('2026-06-12T16:00'), berlin('2026-06-15T12:00'), officeBerlin)).toBe(240);
    expect(businessMinutesBetween(berlin('2026-06-13T08:00'), berlin('2026-06-14T20:00'), officeBerlin)).toBe(0);
    expect(businessMinutesBetween(berlin('2026-06-09T08:00'), berlin('2026-06-09T18:00'), lunchBerlin)).toBe(420);
    expect(businessMinutesBetween(berlin('2026-06-09T11:30'), berlin('2026-06-09T13:30'), lunchBerlin)).toBe(60);
  });

  it('returns fractional minutes to the millisecond', () => {
    const start = berlin('2026-06-09T10:00');
    expect(businessMinutesBetween(start, new Date(start.getTime() + 6), officeBerlin)).toBe(0.0001);
    expect(businessMinutesBetween(start, new Date(start.getTime() + 90_000), officeBerlin)).toBe(1.5);
  });
});

describe('whether an instant is inside business hours', () => {
  it('includes the opening instant and excludes the closing instant', () => {
    expect(isWithinBusinessHours(berlin('2026-06-09T09:00'), officeBerlin)).toBe(true);
    expect(isWithinBusinessHours(new Date(berlin('2026-06-09T09:00').getTime() - 1), officeBerlin)).toBe(false);
    expect(isWithinBusinessHours(new Date(berlin('2026-06-09T17:00').getTime() - 1), officeBerlin)).toBe(true);
    expect(isWithinBusinessHours(berlin('2026-06-09T17:00'), officeBerlin)).toBe(false);
  });

  it('is closed at lunch, at night and on weekends', () => {
    expect(isWithinBusinessHours(berlin('2026-06-09T12:30'), lunchBerlin)).toBe(false);
    expect(isWithinBusinessHours(berlin('2026-06-09T13:00'), lunchBerlin)).toBe(true);
    expect(isWithinBusinessHours(berlin('2026-06-09T03:00'), officeBerlin)).toBe(false);
    expect(isWithinBusinessHours(berlin('2026-06-13T11:00'), officeBerlin)).toBe(false);
  });

  it('reads the local weekday, not the UTC one', () => {
    // Monday 00:30 in Kolkata is still Sunday 19:00 UTC.
    const midnightShift = calendar(KOLKATA, [1], [['00:00', '01:00']]);
    expect(isWithinBusinessHours(new Date('2026-06-07T19:00:00Z'), midnightShift)).toBe(true);
    expect(isWithinBusinessHours(new Date('2026-06-08T00:30:00Z'), midnightShift)).toBe(false);
  });
});

describe('adding and counting are inverses (seeded random starts and durations)', () => {
  const calendars: [string, BusinessCalendar][] = [
    ['Berlin with lunch and Easter', { ...lunchBerlin, holidays: ['2026-04-03', '2026-04-06', '2026-12-24', '2026-12-25'] }],
    ['New York office', officeNewYork],
    ['Kolkata office', officeKolkata],
    ['Berlin weekends around the clock', weekendAroundTheClockBerlin],
  ];
  const year = { from: Date.parse('2026-01-01T00:00:00Z'), span: 365 * 86_400_000 };
  const dstWeeks = [
    Date.parse('2026-03-08T07:00:00Z'),
    Date.parse('2026-03-29T01:00:00Z'),
    Date.parse('2026-10-25T01:00:00Z'),
    Date.parse('2026-11-01T06:00:00Z'),
  ];

  it.each(calendars)('%s: counting the minutes up to the due time gives the target back', (_name, cal) => {
    const random = seededRandom(1234);
    for (let i = 0; i < 250; i++) {
      // Half the starts fall in the week before a clock change, so targets cross it.
      const start = new Date(
        i % 2 === 0 ? year.from + Math.floor(random() * year.span) : dstWeeks[i % 4]! - Math.floor(random() * 7 * 86_400_000),
      );
      const minutes = Math.floor(random() * 20_000 * MINUTE) / MINUTE;
      const due = addBusinessMinutes(start, minutes, cal);
      expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
      expect(msOf(businessMinutesBetween(start, due, cal))).toBe(msOf(minutes));
      if (msOf(minutes) > 0) expect(isWithinBusinessHours(new Date(due.getTime() - 1), cal)).toBe(true);
      expect(isWithinBusinessHours(addBusinessMinutes(start, 0, cal), cal)).toBe(true);
    }
  });

  it.each(calendars)('%s: the due time for the minutes counted up to any instant is the earliest with that count', (_name, cal) => {
    const random = seededRandom(5678);
    for (let i = 0; i < 250; i++) {
      const a = new Date(year.from + Math.floor(random() * year.span));
      const b = new Date(a.getTime() + Math.floor(random() ** 2 * 40 * 86_400_000));
      const counted = businessMinutesBetween(a, b, cal);
      const due = addBusinessMinutes(a, counted, cal);
      if (counted === 0) {
        // Nothing counted: the due time is the next opening, which may lie after b.
        expect(businessMinutesBetween(a, due, cal)).toBe(0);
        continue;
      }
      expect(due.getTime()).toBeLessThanOrEqual(b.getTime());
      expect(businessMinutesBetween(due, b, cal)).toBe(0);
      expect(isWithinBusinessHours(new Date(due.getTime() - 1), cal)).toBe(true);
    }
  });

  it.each(calendars)('%s: counts add up over consecutive spans and due times never move backwards', (_name, cal) => {
    const random = seededRandom(9012);
    for (let i = 0; i < 250; i++) {
      const [a, b, c] = [0, 1, 2]
        .map(() => year.from + Math.floor(random() * year.span))
        .sort((x, y) => x - y)
        .map((t) => new Date(t)) as [Date, Date, Date];
      const sum = msOf(businessMinutesBetween(a, b, cal)) + msOf(businessMinutesBetween(b, c, cal));
      expect(sum).toBe(msOf(businessMinutesBetween(a, c, cal)));
      const shorter = random() * 5_000;
      const longer = shorter + random() * 5_000;
      expect(addBusinessMinutes(a, shorter, cal).getTime()).toBeLessThanOrEqual(addBusinessMinutes(a, longer, cal).getTime());
    }
  });
});

describe('agreement with a minute-by-minute reading of the wall clock', () => {
  const windows: [string, BusinessCalendar, string, string][] = [
    ['Berlin lunch hours over Easter and the spring change', easterBerlin, '2026-03-26T00:00:00Z', '2026-04-09T00:00:00Z'],
    ['Berlin lunch hours over the autumn change', lunchBerlin, '2026-10-22T00:00:00Z', '2026-10-28T00:00:00Z'],
    ['Berlin weekends around the clock, spring', weekendAroundTheClockBerlin, '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z'],
    ['Berlin weekends around the clock, autumn', weekendAroundTheClockBerlin, '2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z'],
    ['New York office, March', officeNewYork, '2026-03-05T00:00:00Z', '2026-03-11T00:00:00Z'],
    ['New York office, November', officeNewYork, '2026-10-29T00:00:00Z', '2026-11-04T00:00:00Z'],
    ['Kolkata office', officeKolkata, '2026-03-05T00:00:00Z', '2026-03-11T00:00:00Z'],
  ];

  it.each(windows)('%s', (_name, cal, from, to) => {
    const starts = businessMinuteStartsByWallClock(cal, new Date(from), new Date(to));
    expect(businessMinutesBetween(new Date(from), new Date(to), cal)).toBe(starts.length);
    // The due time of n minutes is the end of the n-th business minute.
    const random = seededRandom(starts.length);
    for (let i = 0; i < 50; i++) {
      const n = 1 + Math.floor(random() * (starts.length - 1));
      expect(addBusinessMinutes(new Date(from), n, cal).getTime()).toBe(starts[n - 1]! + MINUTE);
    }
    for (let i = 0; i < 50; i++) {
      const t = Date.parse(from) + Math.floor((random() * (Date.parse(to) - Date.parse(from))) / MINUTE) * MINUTE;
      expect(isWithinBusinessHours(new Date(t), cal)).toBe(starts.includes(t));
    }
  });
});

describe('calendars without business hours', () => {
  it('throws a clear error instead of searching forever when the week has no hours', () => {
    const closed = { timeZone: BERLIN, weeklyHours: {}, holidays: [] };
    const start = berlin('2026-06-09T10:00');
    expect(() => addBusinessMinutes(start, 60, closed)).toThrow(BusinessCalendarError);
    expect(() => addBusinessMinutes(start, 60, closed)).toThrow(/no business hours/);
    expect(() => businessMinutesBetween(start, berlin('2026-06-19T10:00'), closed)).toThrow(/no business hours/);
    expect(() => isWithinBusinessHours(start, closed)).toThrow(/no business hours/);
  });

  it('throws when every open day within three years is a holiday', () => {
    const mondays: string[] = [];
    for (let d = DateTime.fromISO('2026-06-08'); d.year < 2030; d = d.plus({ weeks: 1 })) mondays.push(d.toISODate()!);
    const mondaysOnly = calendar(BERLIN, [1], [['09:00', '17:00']], mondays);
    expect(() => addBusinessMinutes(berlin('2026-06-08T10:00'), 0, mondaysOnly)).toThrow(
      new RegExp(`has no business hours in the ${SEARCH_HORIZON_DAYS} days after 2026-06-08T08:00:00.000Z`),
    );
    // Counting is bounded by its two instants, so it simply finds nothing.
    expect(businessMinutesBetween(berlin('2026-06-08T00:00'), berlin('2027-06-08T00:00'), mondaysOnly)).toBe(0);
  });

  it('throws when a target reaches beyond the search horizon', () => {
    expect(() => addBusinessMinutes(berlin('2026-06-08T09:00'), 2_000_000, officeBerlin)).toThrow(/beyond the \d+-day search horizon/);
  });

  it('rejects an invalid calendar passed straight to the functions', () => {
    const atlantis = { ...officeBerlin, timeZone: 'Europe/Atlantis' };
    expect(() => addBusinessMinutes(berlin('2026-06-09T10:00'), 10, atlantis)).toThrow(/Invalid business calendar.*IANA time zone/s);
    const overlapping = calendar(
      BERLIN,
      [1],
      [
        ['09:00', '13:00'],
        ['12:00', '17:00'],
      ],
    );
    expect(() => businessMinutesBetween(berlin('2026-06-08T00:00'), berlin('2026-06-09T00:00'), overlapping)).toThrow(/overlap/);
  });

  it('gives the same answers for an equal calendar rebuilt from its stored JSON', () => {
    const rebuilt = JSON.parse(JSON.stringify(easterBerlin)) as BusinessCalendar;
    const start = berlin('2026-04-02T16:00');
    expect(addBusinessMinutes(start, 240, rebuilt)).toEqual(addBusinessMinutes(start, 240, easterBerlin));
  });
});
