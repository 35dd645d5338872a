import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/**
 * What the role profile (issue 17) reads from the modules above team, handed in through ../ports.ts
 * (team may not import them: they import team). Every read takes the whole batch of members, so a
 * team view of twenty people is a handful of queries, not twenty times as many. Team-profile area.
 */

/** An interaction a member attended, on an account. */
export interface AttendedInteraction {
  memberId: string;
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
 * count: 42 }`, `{ kind: 'engagement_implementation', count: 3 }`, `{ kind: 'opportunity_sales_engineer', count: 2 }`,
 * `{ kind: 'account_team_customer_success', count: 4 }`. `accountId`, when given, lets the profile
 * tell work for the company's own staff (an internal account) from work for customers.
 */
export interface WorkMixSignal {
  memberId: string;
  kind: string;
  count: number;
  accountId?: string | undefined;
}

export type WorkMixSource = (db: Kysely<Database>, memberIds: readonly string[], from: string, to: string) => Promise<WorkMixSignal[]>;

export interface ProfileSourcePorts {
  /** Interactions the members attended whose time falls in [from, to] (dates, inclusive). */
  interactionsAttended(db: Kysely<Database>, memberIds: readonly string[], from: string, to: string): Promise<AttendedInteraction[]>;
  accountFacts(db: Kysely<Database>, accountIds: readonly string[]): Promise<Map<string, ProfileAccountFacts>>;
  workMix: readonly WorkMixSource[];
}
