import dayjs from 'dayjs';

/** A day axis for the plan timeline: whole weeks from the Monday before the first date to the Sunday after the last. */
export interface TimelineScale {
  start: string;
  days: number;
  /** Left edge of a date's day column, as a percentage of the axis. */
  offset: (date: string) => number;
  /** Width of an inclusive span of days, as a percentage of the axis. */
  span: (from: string, to: string) => number;
  /** Mondays on the axis with their offsets, for the week ticks. */
  weeks: { date: string; offset: number }[];
  contains: (date: string) => boolean;
}

const mondayOf = (date: dayjs.Dayjs) => date.subtract((date.day() + 6) % 7, 'day');

export function timelineScale(dates: (string | null | undefined)[]): TimelineScale {
  const known = dates.filter((d): d is string => Boolean(d)).map((d) => dayjs(d));
  const first = known.length ? known.reduce((a, b) => (b.isBefore(a) ? b : a)) : dayjs();
  const last = known.length ? known.reduce((a, b) => (b.isAfter(a) ? b : a)) : dayjs().add(4, 'week');
  const start = mondayOf(first.startOf('day'));
  const end = mondayOf(last.startOf('day')).add(6, 'day');
  const days = end.diff(start, 'day') + 1;
  const index = (date: string) => dayjs(date).startOf('day').diff(start, 'day');
  const weeks: { date: string; offset: number }[] = [];
  for (let monday = start; !monday.isAfter(end); monday = monday.add(7, 'day')) {
    weeks.push({ date: monday.format('YYYY-MM-DD'), offset: (index(monday.format('YYYY-MM-DD')) / days) * 100 });
  }
  return {
    start: start.format('YYYY-MM-DD'),
    days,
    offset: (date) => (index(date) / days) * 100,
    span: (from, to) => (Math.max(1, index(to) - index(from) + 1) / days) * 100,
    weeks,
    contains: (date) => index(date) >= 0 && index(date) < days,
  };
}
