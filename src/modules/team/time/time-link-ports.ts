import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * What a record a time entry links to tells the team module (issue 17): that it exists, and the
 * account the time counts toward. Owned by the modules above team (support, delivery, presales,
 * accounts), handed in through ../ports.ts. Team-time area.
 */
export interface TimeLinkTarget {
  accountId: string | null;
  /** For a task: its engagement, so the entry also counts on the engagement. */
  engagementId?: string | null;
}

/** Looks one record up by id; null when there is no such record. */
export type TimeLinkResolver = (db: Kysely<Database>, id: string) => Promise<TimeLinkTarget | null>;

export interface TimeLinkPorts {
  ticket: TimeLinkResolver;
  engagement: TimeLinkResolver;
  task: TimeLinkResolver;
  opportunity: TimeLinkResolver;
  account: TimeLinkResolver;
  interaction: TimeLinkResolver;
}
