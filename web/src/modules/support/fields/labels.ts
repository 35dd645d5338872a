import type { Ticket } from '../api';

export type TicketType = NonNullable<Ticket['type']>;

/** Zendesk's ticket types, as agents read them. */
export const TICKET_TYPE_LABELS: Record<TicketType, string> = {
  question: 'Question',
  incident: 'Incident',
  problem: 'Problem',
  task: 'Task',
};
export const TICKET_TYPES = Object.keys(TICKET_TYPE_LABELS) as TicketType[];
