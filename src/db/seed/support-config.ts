import type { SlaTargetsByPriority } from '../../modules/support/index.js';

/** Monday to Friday, one interval a day: the weekly hours of a seeded business calendar. */
export function weekdayHours(start: string, end: string) {
  return Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, [{ start, end }]]));
}

const target = (first: number, next: number, resolution: number) => ({
  firstReplyMinutes: first,
  nextReplyMinutes: next,
  resolutionMinutes: resolution,
});

/** Minutes to first reply, next reply and resolution for key accounts (demo and bench alike). */
export const KEY_ACCOUNT_TARGETS: SlaTargetsByPriority = {
  urgent: target(30, 60, 240),
  high: target(60, 120, 480),
  normal: target(240, 480, 1440),
  low: target(480, 960, 2880),
};

/** The same for everyone else, on business hours. */
export const STANDARD_TARGETS: SlaTargetsByPriority = {
  urgent: target(60, 120, 480),
  high: target(120, 240, 960),
  normal: target(480, 960, 2400),
  low: target(960, 1440, 4800),
};
