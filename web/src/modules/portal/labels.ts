import type { PortalTicketStatus } from './api';

/** Statuses in the customer's words: what they are waiting for, not our internal workflow. */
export const PORTAL_STATUS_LABELS: Record<PortalTicketStatus, string> = {
  open: 'Open',
  awaiting_your_reply: 'Awaiting your reply',
  solved: 'Solved',
  closed: 'Closed',
};

export const PORTAL_STATUS_HINTS: Record<PortalTicketStatus, string> = {
  open: 'Our team is working on it.',
  awaiting_your_reply: 'We asked you something: reply to keep it moving.',
  solved: 'We believe this is fixed. Reply within a few days to reopen it.',
  closed: 'This request is closed. Open a new one if you need more help.',
};

export const PORTAL_STATUS_COLORS: Record<PortalTicketStatus, string> = {
  open: 'blue',
  awaiting_your_reply: 'orange',
  solved: 'green',
  closed: 'gray',
};

export const PRIORITY_OPTIONS = [
  { value: 'low', label: 'Low — a question or minor issue' },
  { value: 'normal', label: 'Normal — something is not working as expected' },
  { value: 'high', label: 'High — important work is blocked' },
  { value: 'urgent', label: 'Urgent — production is down' },
];
