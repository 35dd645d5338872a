import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { findRound, type RoundRow } from './repository.js';

/**
 * The round a change applies to, read in the change's transaction: 404 when there is none, 409
 * once it is signed off or closed — what the customer accepted stays as they accepted it.
 */
export async function openRound(trx: Kysely<Database>, id: string): Promise<RoundRow> {
  const round = await findRound(trx, id);
  if (!round) throw errors.uatRoundNotFound();
  if (round.status !== 'open') throw errors.uatRoundNotOpen(round.status);
  return round;
}
