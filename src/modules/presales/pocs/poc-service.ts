import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { addCriterion, createEngagement, pocsOfOpportunities, type OpportunityPocSummary } from '../../delivery/index.js';
import { startPocBody, type OpportunityPoc, type OpportunityPocs, type StartPocInput } from '../contract/pocs.js';
import { getOpportunity } from '../opportunities/opportunity-service.js';

/**
 * A deal's proofs of concept: the delivery engagements linked to it, read through delivery's batch
 * read, and starting a new one on the deal's account through delivery's `createEngagement`.
 */

function toPoc(p: OpportunityPocSummary): OpportunityPoc {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    lead: p.lead,
    startDate: p.startDate,
    targetGoLiveDate: p.targetGoLiveDate,
    actualGoLiveDate: p.actualGoLiveDate,
    verdict: p.verdict,
    verdictNote: p.verdictNote,
    criteria: p.criteria,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The deal (with its technical win) and its proofs of concept, oldest start first. */
export async function listOpportunityPocs(db: Kysely<Database>, opportunityId: string): Promise<OpportunityPocs> {
  const opportunity = await getOpportunity(db, opportunityId);
  const pocs = await pocsOfOpportunities(db, [opportunityId]);
  return {
    opportunity: {
      id: opportunity.id,
      name: opportunity.name,
      account: { id: opportunity.account.id, name: opportunity.account.name },
      stage: opportunity.stage,
      open: opportunity.open,
      technicalWin: opportunity.technicalWin,
      technicalWinReason: opportunity.technicalWinReason,
    },
    items: pocs.map(toPoc),
  };
}

/**
 * Starts a proof of concept on an open deal: a `proof_of_concept` engagement on the deal's account,
 * linked to it, laid out from a template when one is named, with its first success criteria. One
 * transaction: the engagement and its criteria exist together or not at all. A PoC that starts
 * today or earlier is active; a later one is planned.
 */
export async function startPoc(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: StartPocInput,
  now = new Date(),
): Promise<OpportunityPoc> {
  const input = startPocBody.parse(raw);
  const opportunity = await getOpportunity(db, opportunityId);
  if (!opportunity.open) throw errors.pocOpportunityClosed({ stage: opportunity.stage });
  const engagementId = await inTransaction(db, async (trx) => {
    const engagement = await createEngagement(
      trx,
      ctx,
      {
        accountId: opportunity.account.id,
        kind: 'proof_of_concept',
        name: input.name,
        description: input.description ?? null,
        status: input.startDate <= now.toISOString().slice(0, 10) ? 'active' : 'planned',
        leadId: input.leadId ?? null,
        memberIds: input.memberIds ?? [],
        templateId: input.templateId ?? null,
        startDate: input.startDate,
        targetGoLiveDate: input.targetGoLiveDate ?? null,
        budgetHours: input.budgetHours,
        opportunityId,
      },
      now,
    );
    for (const statement of input.criteria) await addCriterion(trx, ctx, engagement.id, { statement });
    return engagement.id;
  });
  const created = (await pocsOfOpportunities(db, [opportunityId])).find((p) => p.id === engagementId);
  return toPoc(created!);
}
