import type { Actor } from '../../../kernel/actor.js';
import type { LiveEvent } from './event-feed.js';

/** The outbox events the agent workspace reacts to: a ticket's changes, replies, escalations, breaches. */
export const LIVE_TICKET_EVENTS: ReadonlySet<string> = new Set([
  'ticket.created',
  'ticket.updated',
  'ticket.replied',
  'ticket.customer_replied',
  'ticket.escalated',
  'sla.breached',
]);

/**
 * A member sees an event on the live stream when it is about a ticket and they may read tickets.
 * Everything an event carries (ticket number, subject, changed fields, tiers) is on the ticket page
 * that `tickets.read` opens anyway; other events (webhook pings, future modules) never go out.
 */
export function canSeeLiveEvent(actor: Actor, event: LiveEvent): boolean {
  return actor.permissions.has('tickets.read') && event.record.type === 'ticket' && LIVE_TICKET_EVENTS.has(event.type);
}
