import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the accounts module needs from modules above it, handed in by src/app/wire-modules.ts at
 * start-up (accounts may not import them: they import accounts).
 */
export interface AccountsPorts {
  /** Live engagements on an account (delivery): one counts toward an engaged relationship. */
  countLiveEngagements(db: Kysely<Database>, accountId: string): Promise<number>;
  /**
   * Called inside the transaction that changes an account's ARR, segment or lifecycle stage, so
   * figures kept elsewhere from them (feedback's request scores) change with it.
   */
  accountFiguresChanged(db: Kysely<Database>, accountId: string): Promise<void>;
}

let wired: AccountsPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureAccounts(ports: AccountsPorts): void {
  wired = ports;
}

export function accountsPorts(): AccountsPorts {
  if (!wired) throw new Error('The accounts module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
