import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the support module needs from modules above it, handed in by src/app/wire-modules.ts at
 * start-up (support may not import them: they import support).
 */
export interface SupportPorts {
  /** The account owning a customer environment (delivery), or null when there is none. */
  environmentAccountOf(db: Kysely<Database>, deploymentId: string): Promise<string | null>;
}

let wired: SupportPorts | null = null;

/** Called once at start-up by src/app/wire-modules.ts. */
export function configureSupport(ports: SupportPorts): void {
  wired = ports;
}

export function supportPorts(): SupportPorts {
  if (!wired) throw new Error('The support module is not wired: call wireModules() (src/app/wire-modules.ts) at start-up.');
  return wired;
}
