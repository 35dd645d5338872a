import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ChangeContext } from '../../kernel/actor.js';
import type { PocVerdict } from './contract/kinds.js';

/** A sales opportunity (presales) as delivery shows and checks it. */
export interface LinkedOpportunity {
  id: string;
  name: string;
  accountId: string;
  /** not_started | in_progress | won | lost (presales' technical-win statuses). */
  technicalWin: string;
}

/** A proof of concept's verdict was recorded on an engagement linked to an opportunity. */
export interface PocVerdictChange {
  engagementId: string;
  engagementName: string;
  opportunityId: string;
  verdict: PocVerdict;
  note: string | null;
}

/**
 * What the delivery module needs from modules above it, handed in by src/app/wire-modules.ts at
 * start-up (delivery may not import them: presales imports delivery).
 */
export interface DeliveryPorts {
  /** Opportunities by id (presales), for the link an engagement keeps to its deal; unknown ids are left out. */
  opportunityRefs(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, LinkedOpportunity>>;
  /**
   * Called inside the transaction that records a proof of concept's verdict (or links a decided PoC
   * to a deal), so the deal's technical win changes with it or not at all.
   */
  pocVerdictChanged(trx: Kysely<Database>, ctx: ChangeContext, change: PocVerdictChange): Promise<void>;
}

let wired: DeliveryPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureDelivery(ports: DeliveryPorts): void {
  wired = ports;
}

export function deliveryPorts(): DeliveryPorts {
  if (!wired) throw new Error('The delivery module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
