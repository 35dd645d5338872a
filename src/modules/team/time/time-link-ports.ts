import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * What a record a time entry links to tells the team module (issue 17): that it exists, the
 * account the time counts toward, and what the timesheet calls it. Owned by the modules above team
 * (support, delivery, presales, accounts), handed in through ../ports.ts. Team-time area.
 */
export interface TimeLinkTarget {
  accountId: string | null;
  /** For a task: its engagement, so the entry also counts on the engagement. */
  engagementId?: string | null;
  /** A short name for the timesheet's rows and the export ("#1042 SSO fails", "Acme rollout"). */
  label: string;
}

/**
 * Looks records up by id in one read (a week's rows or an export's links at once); ids that match
 * nothing are absent from the map.
 */
export type TimeLinkResolver = (db: Kysely<Database>, ids: readonly string[]) => Promise<Map<string, TimeLinkTarget>>;

export interface TimeLinkPorts {
  ticket: TimeLinkResolver;
  engagement: TimeLinkResolver;
  task: TimeLinkResolver;
  opportunity: TimeLinkResolver;
  account: TimeLinkResolver;
  interaction: TimeLinkResolver;
}
