import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** A record above feedback that an item was captured from, as the item links back to it. */
export interface FeedbackSourceRef {
  /** The account the record belongs to (it decides the item's account); null when it names none. */
  accountId: string | null;
  label: string;
  url: string;
}

/**
 * What the feedback module needs from modules above it, handed in by src/app/wire-modules.ts at
 * start-up (feedback may not import them: they import feedback).
 */
export interface FeedbackPorts {
  /** Pre-sales records an item can be captured from; null when no record has the id. */
  presalesSources: {
    opportunity(db: Kysely<Database>, id: string): Promise<FeedbackSourceRef | null>;
    questionnaireQuestion(db: Kysely<Database>, id: string): Promise<FeedbackSourceRef | null>;
  };
  /**
   * The ARR of each given opportunity that is still open (DESIGN §3, feedback ranking: "plus the
   * ARR of open opportunities that list it as a blocker"); closed or unknown ones are absent.
   * Read whenever figures are computed, so a gap always carries its deal's current ARR.
   */
  openOpportunityArr(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>>;
}

let wired: FeedbackPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureFeedback(ports: FeedbackPorts): void {
  wired = ports;
}

export function feedbackPorts(): FeedbackPorts {
  if (!wired) throw new Error('The feedback module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
