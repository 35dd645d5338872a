/** Event types integrations can subscribe to; shared with the web app's webhook form. */
export const EVENT_TYPES = [
  'ticket.created',
  'ticket.updated',
  'ticket.replied',
  'ticket.customer_replied',
  'ticket.escalated',
  'sla.breached',
  'webhook.ping',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
