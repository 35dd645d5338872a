import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import { linkedOpportunity, setPocVerdict } from '../engagements/service.js';
import { suggestVerdict } from './poc-verdict.js';
import { engagementRef, type EngagementRef } from './references.js';
import type { CreateCriterionInput, Criterion, Poc, UpdateCriterionInput, VerdictInput } from '../contract/records.js';
import type { EngagementStatus, PocVerdict } from '../engagements/tables.js';

async function pocEngagement(db: Kysely<Database>, engagementId: string): Promise<EngagementRef> {
  const engagement = await engagementRef(db, engagementId);
  if (engagement.kind !== 'proof_of_concept') throw errors.notAProofOfConcept();
  return engagement;
}

async function criteriaOf(db: Kysely<Database>, engagementId: string, criterionId?: string): Promise<Criterion[]> {
  let query = db.selectFrom('poc_criteria').selectAll().where('engagement_id', '=', engagementId);
  if (criterionId) query = query.where('id', '=', criterionId);
  const found = await query.orderBy('position').orderBy('created_at').orderBy('id').execute();
  const ownersOf = (type: 'member' | 'contact') => found.filter((r) => r.owner_type === type).map((r) => r.owner_id);
  const [members, contacts] = await Promise.all([memberRefs(db, ownersOf('member')), contactRefs(db, ownersOf('contact'))]);
  return found.map((r) => {
    const ownerName =
      r.owner_id === null ? undefined : (r.owner_type === 'member' ? members.get(r.owner_id) : contacts.get(r.owner_id))?.name;
    return {
      id: r.id,
      engagementId: r.engagement_id,
      position: Number(r.position),
      statement: r.statement,
      owner: r.owner_type && r.owner_id && ownerName ? { type: r.owner_type, id: r.owner_id, name: ownerName } : null,
      status: r.status,
      evidence: r.evidence,
      evidenceUrl: r.evidence_url,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

/** A proof of concept's criteria, its verdict and the verdict the criteria suggest. */
export async function getPoc(db: Kysely<Database>, engagementId: string): Promise<Poc> {
  const engagement = await pocEngagement(db, engagementId);
  const [criteria, opportunity] = await Promise.all([criteriaOf(db, engagementId), linkedOpportunity(db, engagement.opportunityId)]);
  const counts = { pending: 0, pass: 0, fail: 0 };
  for (const c of criteria) counts[c.status]++;
  return {
    engagementId,
    opportunity: opportunity ? { id: opportunity.id, name: opportunity.name, technicalWin: opportunity.technicalWin } : null,
    criteria,
    counts,
    verdict: engagement.pocVerdict ?? 'pending',
    verdictNote: engagement.pocVerdictNote,
    suggestedVerdict: suggestVerdict(criteria.map((c) => c.status)),
  };
}

async function criterionRow(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('poc_criteria').select(['id', 'engagement_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.pocCriterionNotFound();
  return row;
}

export async function getCriterion(db: Kysely<Database>, id: string): Promise<Criterion> {
  const row = await criterionRow(db, id);
  return (await criteriaOf(db, row.engagement_id, id))[0]!;
}

/** A member of the team, or a contact of the engagement's account. */
async function assertOwner(
  db: Kysely<Database>,
  engagement: EngagementRef,
  owner: { type: 'member' | 'contact'; id: string } | null | undefined,
): Promise<void> {
  if (!owner) return;
  if (owner.type === 'member') {
    if (!(await memberRefs(db, [owner.id])).has(owner.id)) throw errors.referenceMissing('member', 'owner');
    return;
  }
  const contact = (await contactRefs(db, [owner.id])).get(owner.id);
  if (!contact) throw errors.referenceMissing('contact', 'owner');
  if (contact.accountId !== engagement.accountId) throw errors.pocOwnerNotOnEngagement({ field: 'owner' });
}

const view = (c: Criterion) => ({
  statement: c.statement,
  owner: c.owner ? { type: c.owner.type, id: c.owner.id } : null,
  status: c.status,
  evidence: c.evidence,
  evidenceUrl: c.evidenceUrl,
  position: c.position,
});

export async function addCriterion(
  db: Kysely<Database>,
  ctx: ChangeContext,
  engagementId: string,
  input: CreateCriterionInput,
): Promise<Criterion> {
  const engagement = await pocEngagement(db, engagementId);
  await assertOwner(db, engagement, input.owner);
  const id = newId();
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom('poc_criteria')
      .select((eb) => eb.fn.max<number>('position').as('max'))
      .where('engagement_id', '=', engagementId)
      .executeTakeFirst();
    const position = input.position ?? (last?.max == null ? 0 : Number(last.max) + 1);
    await trx
      .insertInto('poc_criteria')
      .values({
        id,
        engagement_id: engagementId,
        position,
        statement: input.statement,
        owner_type: input.owner?.type ?? null,
        owner_id: input.owner?.id ?? null,
        status: input.status ?? 'pending',
        evidence: input.evidence || null,
        evidence_url: input.evidenceUrl || null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'poc_criterion.created',
      recordType: 'poc_criterion',
      recordId: id,
      changes: diff(null, {
        engagementId,
        statement: input.statement,
        owner: input.owner ?? null,
        status: input.status ?? 'pending',
        evidence: input.evidence || null,
        evidenceUrl: input.evidenceUrl || null,
        position,
      }),
    });
  });
  return getCriterion(db, id);
}

export async function updateCriterion(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateCriterionInput,
): Promise<Criterion> {
  const before = await getCriterion(db, id);
  const engagement = await engagementRef(db, before.engagementId);
  if (input.owner !== undefined) await assertOwner(db, engagement, input.owner);
  const after = {
    statement: input.statement ?? before.statement,
    owner: input.owner !== undefined ? (input.owner ?? null) : before.owner ? { type: before.owner.type, id: before.owner.id } : null,
    status: input.status ?? before.status,
    evidence: input.evidence !== undefined ? input.evidence || null : before.evidence,
    evidenceUrl: input.evidenceUrl !== undefined ? input.evidenceUrl || null : before.evidenceUrl,
    position: input.position ?? before.position,
  };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('poc_criteria')
      .set({
        statement: after.statement,
        owner_type: after.owner?.type ?? null,
        owner_id: after.owner?.id ?? null,
        status: after.status,
        evidence: after.evidence,
        evidence_url: after.evidenceUrl,
        position: after.position,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'poc_criterion.updated',
      recordType: 'poc_criterion',
      recordId: id,
      changes: diff(view(before), after),
    });
  });
  return getCriterion(db, id);
}

export async function deleteCriterion(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await getCriterion(db, id);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('poc_criteria').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'poc_criterion.deleted',
      recordType: 'poc_criterion',
      recordId: id,
      changes: diff({ engagementId: before.engagementId, ...view(before) }, null),
    });
  });
}

/** The engineer's verdict on the proof of concept (the suggestion is only a suggestion). */
export async function setVerdict(db: Kysely<Database>, ctx: ChangeContext, engagementId: string, input: VerdictInput): Promise<Poc> {
  await pocEngagement(db, engagementId);
  await setPocVerdict(db, ctx, engagementId, input.verdict, input.note || null);
  return getPoc(db, engagementId);
}

/** A proof-of-concept engagement as a deal (presales) lists it: status, verdict and criteria progress. */
export interface OpportunityPocSummary {
  id: string;
  name: string;
  accountId: string;
  opportunityId: string;
  status: EngagementStatus;
  lead: { id: string; name: string } | null;
  startDate: string;
  targetGoLiveDate: string | null;
  actualGoLiveDate: string | null;
  verdict: PocVerdict;
  verdictNote: string | null;
  criteria: { pending: number; pass: number; fail: number; total: number };
  createdAt: string;
  updatedAt: string;
}

/**
 * The proof-of-concept engagements linked to some opportunities, oldest start first, with their
 * criteria counted: one read of engagements, one grouped count of criteria and one of lead names,
 * however many deals are asked about.
 */
export async function pocsOfOpportunities(db: Kysely<Database>, opportunityIds: readonly string[]): Promise<OpportunityPocSummary[]> {
  const ids = [...new Set(opportunityIds)];
  if (!ids.length) return [];
  const rows = await db
    .selectFrom('engagements')
    .select([
      'id',
      'name',
      'account_id',
      'opportunity_id',
      'status',
      'lead_id',
      'start_date',
      'target_go_live_date',
      'actual_go_live_date',
      'poc_verdict',
      'poc_verdict_note',
      'created_at',
      'updated_at',
    ])
    .where('kind', '=', 'proof_of_concept')
    .where('opportunity_id', 'in', ids)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  if (!rows.length) return [];
  const [counts, leads] = await Promise.all([
    db
      .selectFrom('poc_criteria')
      .select(['engagement_id', 'status'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'engagement_id',
        'in',
        rows.map((r) => r.id),
      )
      .groupBy(['engagement_id', 'status'])
      .execute(),
    memberRefs(
      db,
      rows.map((r) => r.lead_id),
    ),
  ]);
  const countsOf = new Map<string, { pending: number; pass: number; fail: number; total: number }>();
  for (const c of counts) {
    const entry = countsOf.get(c.engagement_id) ?? { pending: 0, pass: 0, fail: 0, total: 0 };
    entry[c.status] += Number(c.n);
    entry.total += Number(c.n);
    countsOf.set(c.engagement_id, entry);
  }
  return rows.map((r) => {
    const lead = r.lead_id ? leads.get(r.lead_id) : undefined;
    return {
      id: r.id,
      name: r.name,
      accountId: r.account_id,
      opportunityId: r.opportunity_id!,
      status: r.status,
      lead: lead ? { id: lead.id, name: lead.name } : null,
      startDate: r.start_date,
      targetGoLiveDate: r.target_go_live_date,
      actualGoLiveDate: r.actual_go_live_date,
      verdict: r.poc_verdict ?? 'pending',
      verdictNote: r.poc_verdict_note,
      criteria: countsOf.get(r.id) ?? { pending: 0, pass: 0, fail: 0, total: 0 },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}
