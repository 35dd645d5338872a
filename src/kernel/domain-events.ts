import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { EVENT_TYPES, type EventType } from './contract/event-types.js';

export { EVENT_TYPES, type EventType };

/**
 * Appends a domain event to the outbox. Call it inside the transaction of the change it reports,
 * so an event exists exactly when its change committed; webhooks (and later real-time updates)
 * read the outbox afterwards.
 */
export async function emitEvent(
  db: Kysely<Database>,
  event: { type: EventType; recordType: string; recordId: string; accountId: string | null; payload: Record<string, unknown>; at?: string },
): Promise<void> {
  await db
    .insertInto('events')
    .values({
      type: event.type,
      occurred_at: event.at ?? new Date().toISOString(),
      record_type: event.recordType,
      record_id: event.recordId,
      account_id: event.accountId,
      payload: JSON.stringify(event.payload),
    })
    .execute();
}
