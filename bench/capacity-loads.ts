/**
 * The requests bench/capacity.ts measures: the same endpoints, paths and bodies as bench/run.ts's
 * loads (queue view, ticket page, search, accounts list, portal list, views with counts,
 * feature-request ranking, create ticket, add reply), built from ids sampled from the dataset.
 */
import { sql } from 'kysely';
import type { Db } from '../src/db/connect.js';
import { SEARCH_TERMS } from '../src/db/seed/bench/vocabulary.js';
import type { CallerHeaders } from './harness.js';

export interface CapacityLoad {
  method: 'GET' | 'POST';
  path: () => string;
  body?: () => string;
  headers: CallerHeaders;
}

export interface DatasetSample {
  ticketIds: string[];
  openTicketIds: string[];
  contactIds: string[];
}

/** Up to 2,000 tickets spread over the dataset, 2,000 open tickets and 2,000 contacts to rotate through. */
export async function sampleDataset(db: Db, scale: number): Promise<DatasetSample> {
  const step = Math.max(1, Math.floor(scale / 2000));
  const ticketIds = (
    await sql<{ id: string }>`select id from tickets where number % ${step} = 0 order by number limit 2000`.execute(db.kysely)
  ).rows.map((r) => r.id);
  const openTicketIds = (
    await db.kysely
      .selectFrom('tickets')
      .select('id')
      .where('status', 'in', ['open', 'pending'])
      .orderBy('sla_due_at')
      .limit(2000)
      .execute()
  ).map((r) => r.id);
  const contactIds = (await sql<{ id: string }>`select id from contacts order by id limit 2000`.execute(db.kysely)).rows.map((r) => r.id);
  return { ticketIds, openTicketIds, contactIds };
}

function rotate<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

/** Whether an endpoint writes: its database work must stay on the primary when there are replicas. */
export const WRITE_ENDPOINTS: ReadonlySet<string> = new Set(['create_ticket', 'add_reply']);

export type CapacityLoadName =
  | 'queue_view'
  | 'ticket_page'
  | 'search'
  | 'accounts_list'
  | 'portal_tickets'
  | 'views_with_counts'
  | 'feedback_ranking'
  | 'create_ticket'
  | 'add_reply';

export function capacityLoads(sample: DatasetSample, member: CallerHeaders, portal: CallerHeaders): Record<CapacityLoadName, CapacityLoad> {
  const nextTicket = rotate(sample.ticketIds);
  const nextOpen = rotate(sample.openTicketIds);
  const nextContact = rotate(sample.contactIds);
  const nextTerm = rotate(SEARCH_TERMS);
  const priorities = rotate(['normal', 'high', 'low', 'urgent', 'normal'] as const);
  let created = 0;
  const get = (path: () => string, headers = member): CapacityLoad => ({ method: 'GET', path, headers });
  return {
    queue_view: get(() => '/api/tickets?view=view-unsolved&limit=50'),
    ticket_page: get(() => `/api/tickets/${nextTicket()}`),
    search: get(() => `/api/search?q=${encodeURIComponent(nextTerm())}`),
    accounts_list: get(() => '/api/accounts?limit=50'),
    portal_tickets: get(() => '/api/portal/tickets', portal),
    views_with_counts: get(() => '/api/views'),
    feedback_ranking: get(() => '/api/feature-requests?sort=score&limit=50'),
    create_ticket: {
      method: 'POST',
      path: () => '/api/tickets',
      body: () =>
        JSON.stringify({
          subject: `Bench ticket ${++created}: export job times out`,
          description: 'The nightly export fails with a timeout after 30 minutes; error code E4242.',
          requesterId: nextContact(),
          priority: priorities(),
          channel: 'web',
          tags: ['export', 'bench'],
        }),
      headers: member,
    },
    add_reply: {
      method: 'POST',
      path: () => `/api/tickets/${nextOpen()}/messages`,
      body: () => JSON.stringify({ body: 'Thanks — we are looking into it and will update you within the hour.', visibility: 'public' }),
      headers: member,
    },
  };
}
