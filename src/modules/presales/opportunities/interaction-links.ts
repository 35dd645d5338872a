import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { interactionRefs, logInteraction, type InteractionRef } from '../../accounts/index.js';
import type { Interaction } from '../../accounts/contract/accounts.js';
import type { LogOpportunityInteractionInput } from '../contract/opportunities.js';
import { logOpportunityInteractionBody } from '../contract/opportunities.js';
import { findOpportunity } from './opportunity-service.js';
import type { OpportunityRow } from './opportunity-repository.js';

/**
 * The deal's meetings, calls and demos: interactions belong to the accounts module (they count on
 * the account's timeline and relationship depth); the opportunity keeps which of them were about it.
 */

/** Logs an interaction on the deal's account through the accounts module and links it to the deal (one transaction). */
export async function logDealInteraction(
  db: Kysely<Database>,
  ctx: ChangeContext,
  deal: OpportunityRow,
  input: LogOpportunityInteractionInput,
): Promise<Interaction> {
  const parsed = logOpportunityInteractionBody.parse(input);
  return inTransaction(db, async (trx) => {
    const interaction = await logInteraction(trx, ctx, deal.account_id, parsed);
    await trx
      .insertInto('opportunity_interactions')
      .values({ opportunity_id: deal.id, interaction_id: interaction.id, linked_by: ctx.memberId, linked_at: nowIso() })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'opportunity.interaction_linked',
      recordType: 'opportunity',
      recordId: deal.id,
      changes: { interactionId: [null, interaction.id] },
    });
    return interaction;
  });
}

export async function logOpportunityInteraction(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  input: LogOpportunityInteractionInput,
): Promise<Interaction> {
  return logDealInteraction(db, ctx, await findOpportunity(db, opportunityId), input);
}

/** Takes an interaction off the deal; the interaction stays on the account. */
export async function unlinkOpportunityInteraction(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  interactionId: string,
): Promise<void> {
  await findOpportunity(db, opportunityId);
  await inTransaction(db, async (trx) => {
    const gone = await trx
      .deleteFrom('opportunity_interactions')
      .where('opportunity_id', '=', opportunityId)
      .where('interaction_id', '=', interactionId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw errors.opportunityInteractionNotLinked();
    await recordAudit(trx, ctx, {
      action: 'opportunity.interaction_unlinked',
      recordType: 'opportunity',
      recordId: opportunityId,
      changes: { interactionId: [interactionId, null] },
    });
  });
}

/** The deal's linked interactions that still exist, with who linked them (one batch read from accounts). */
export async function linkedInteractions(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<(InteractionRef & { linkedBy: string | null })[]> {
  const links = await db
    .selectFrom('opportunity_interactions')
    .select(['interaction_id', 'linked_by'])
    .where('opportunity_id', '=', opportunityId)
    .execute();
  const refs = await interactionRefs(
    db,
    links.map((l) => l.interaction_id),
  );
  return links.flatMap((l) => {
    const ref = refs.get(l.interaction_id);
    return ref ? [{ ...ref, linkedBy: l.linked_by }] : [];
  });
}
