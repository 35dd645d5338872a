import type { Channel, Tier, TicketPriority as Priority, TicketStatus as Status } from '../../../../src/modules/support/contract/kinds';

/** Display names and colours for the support module's enums (the server's contract/kinds.ts holds the values). */

export {
  CHANNELS,
  SUBMIT_STATUSES,
  TICKET_PRIORITIES as PRIORITIES,
  TICKET_STATUSES as STATUSES,
  TIERS,
  UNSOLVED,
  type Channel,
  type Tier,
  type TicketPriority as Priority,
  type TicketStatus as Status,
} from '../../../../src/modules/support/contract/kinds';

export const STATUS_LABELS: Record<Status, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
};
// Zendesk's colours, which agents already read without thinking.
export const STATUS_COLORS: Record<Status, string> = {
  new: 'yellow',
  open: 'red',
  pending: 'blue',
  on_hold: 'dark',
  solved: 'gray',
  closed: 'gray',
};

export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const PRIORITY_COLORS: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export const TIER_LABELS: Record<Tier, string> = { tier1: 'Tier 1', tier2: 'Tier 2', engineering: 'Engineering' };
export const TIER_COLORS: Record<Tier, string> = { tier1: 'cyan', tier2: 'violet', engineering: 'grape' };

export const CHANNEL_LABELS: Record<Channel, string> = { email: 'E-mail', portal: 'Portal', api: 'API', phone: 'Phone', web: 'Web' };

export const SLA_METRIC_LABELS: Record<string, string> = {
  first_reply: 'First reply',
  next_reply: 'Next reply',
  resolution: 'Resolution',
};

export { options } from '../accounts/labels';
