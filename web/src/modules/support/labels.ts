/** Display names and colours for the support module's enums (the server's schemas.ts holds the values). */

export const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
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

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
export const PRIORITY_COLORS: Record<Priority, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };

export const TIERS = ['tier1', 'tier2', 'engineering'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = { tier1: 'Tier 1', tier2: 'Tier 2', engineering: 'Engineering' };
export const TIER_COLORS: Record<Tier, string> = { tier1: 'cyan', tier2: 'violet', engineering: 'grape' };

export const CHANNELS = ['email', 'portal', 'api', 'phone', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { email: 'E-mail', portal: 'Portal', api: 'API', phone: 'Phone', web: 'Web' };

export const SLA_METRIC_LABELS: Record<string, string> = {
  first_reply: 'First reply',
  next_reply: 'Next reply',
  resolution: 'Resolution',
};

/** The statuses an agent can submit a reply as (Zendesk's "Submit as"). */
export const SUBMIT_STATUSES = ['open', 'pending', 'on_hold', 'solved'] as const;

export const UNSOLVED: readonly Status[] = ['new', 'open', 'pending', 'on_hold'];

export { options } from '../accounts/labels';
