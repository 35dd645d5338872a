import type { QueryKey } from '@tanstack/react-query';
import type { LiveEvent } from '../../../../src/modules/platform/contract/events';
import { useLiveEvents, type LiveStatus } from '../../lib/live-events';
import { ticketKeys } from './api';

/** Queries a ticket event makes stale: every queue and count, and the ticket's own page. */
function staleTicketKeys(event: LiveEvent): QueryKey[] {
  const keys: QueryKey[] = [['tickets', 'list'], ticketKeys.views];
  if (event.record.type === 'ticket') {
    keys.push(ticketKeys.detail(event.record.id), ticketKeys.events(event.record.id), ticketKeys.escalations(event.record.id));
  }
  return keys;
}

/** Keeps the support screens current while they are open, from the live event stream. */
export function useLiveTicketUpdates(): LiveStatus {
  return useLiveEvents(staleTicketKeys);
}
