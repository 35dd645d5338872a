import type { CriterionStatus } from './tables.js';

/**
 * The verdict the criteria suggest: any failed criterion fails the proof of concept, all passed
 * pass it, anything else (or no criteria at all) is still pending. The engineer decides.
 */
export function suggestVerdict(statuses: readonly CriterionStatus[]): 'pending' | 'pass' | 'fail' {
  if (statuses.includes('fail')) return 'fail';
  if (statuses.length > 0 && statuses.every((s) => s === 'pass')) return 'pass';
  return 'pending';
}
