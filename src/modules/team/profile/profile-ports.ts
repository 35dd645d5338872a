import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * What the role profile (issue 17) reads from the modules above team, handed in through ../ports.ts
 * (team may not import them: they import team). Team-profile area.
 */

/** An interaction the member attended, on a customer account. */
export interface AttendedInteraction {
  accountId: string;
  occurredAt: string;
}

export interface ProfileAccountFacts {
  id: string;
  name: string;
  relationship: 'engaged' | 'transactional';
  /** The company's own account (internal requesters): never a customer relationship. */
  internal: boolean;
}

/**
 * One signal of the mix of a member's work, for the nearest role: e.g. `{ kind: 'ticket_tier1',
 * count: 42 }`, `{ kind: 'engagement_implementation', count: 3 }`, `{ kind: 'opportunity_sales_engineer', count: 2 }`.
 */
export interface WorkMixSignal {
  kind: string;
  count: number;
}

export type WorkMixSource = (db: Kysely<Database>, memberId: string, from: string, to: string) => Promise<WorkMixSignal[]>;

export interface ProfileSourcePorts {
  interactionsAttended(db: Kysely<Database>, memberId: string, from: string, to: string): Promise<AttendedInteraction[]>;
  accountFacts(db: Kysely<Database>, accountIds: readonly string[]): Promise<Map<string, ProfileAccountFacts>>;
  workMix: readonly WorkMixSource[];
}
