import type { TimeLinkPorts } from '../modules/team/time/time-link-ports.js';

/**
 * The records a time entry may link to (issue 17), from the modules that own them. Team-time area:
 * replace each placeholder with the owner's resolver, exported from its index.ts.
 */
const notWiredYet = async () => null;

export const timeLinkPorts: TimeLinkPorts = {
  ticket: notWiredYet,
  engagement: notWiredYet,
  task: notWiredYet,
  opportunity: notWiredYet,
  account: notWiredYet,
  interaction: notWiredYet,
};
