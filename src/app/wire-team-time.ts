import { accountTimeLinks, interactionTimeLinks } from '../modules/accounts/index.js';
import { engagementTimeLinks, taskTimeLinks } from '../modules/delivery/index.js';
import { opportunityTimeLinks } from '../modules/presales/index.js';
import { ticketTimeLinks } from '../modules/support/index.js';
import type { TimeLinkPorts } from '../modules/team/time/time-link-ports.js';

/** The records a time entry may link to (issue 17), each looked up by the module that owns it. */
export const timeLinkPorts: TimeLinkPorts = {
  ticket: ticketTimeLinks,
  engagement: engagementTimeLinks,
  task: taskTimeLinks,
  opportunity: opportunityTimeLinks,
  account: accountTimeLinks,
  interaction: interactionTimeLinks,
};
