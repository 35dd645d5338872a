import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import * as accounts from '../../accounts/index.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import { memberRefs, type MemberRef } from '../../team/index.js';
import { assertEngagementOfAccount, assertMember } from './references.js';
import type { CreateVisitInput, FieldVisit, UpdateVisitInput } from '../contract/records.js';
import type { FieldVisitsTable } from './tables.js';

type Row = Selectable<FieldVisitsTable> & { engagement_name: string | null };

function rows(db: Kysely<Database>) {
  return db
    .selectFrom('field_visits')
    .leftJoin('engagements', 'engagements.id', 'field_visits.engagement_id')
    .selectAll('field_visits')
    .select(['engagements.name as engagement_name']);
}

/** The visits, their engineers named through one read of members for the whole page. */
async function toVisits(db: Kysely<Database>, found: Row[]): Promise<FieldVisit[]> {
  const engineers = await memberRefs(
    db,
    found.map((r) => r.engineer_id),
  );
  return found.map((r) => toVisit(r, engineers));
}

function toVisit(r: Row, engineers: Map<string, MemberRef>): FieldVisit {
  const engineerName = r.engineer_id ? engineers.get(r.engineer_id)?.name : undefined;
  return {
    id: r.id,
    accountId: r.account_id,
    engagement: r.engagement_id && r.engagement_name ? { id: r.engagement_id, name: r.engagement_name } : null,
    visitDate: r.visit_date,
    siteAddress: r.site_address,
    purpose: r.purpose,
    engineer: r.engineer_id && engineerName ? { id: r.engineer_id, name: engineerName } : null,
    checklist: JSON.parse(r.checklist) as { label: string; done: boolean }[],
    report: r.report,
    status: r.status,
    completedAt: r.completed_at,
    interactionId: r.interaction_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function getFieldVisit(db: Kysely<Database>, id: string): Promise<FieldVisit> {
  const row = await rows(db).where('field_visits.id', '=', id).executeTakeFirst();
  if (!row) throw errors.fieldVisitNotFound();
  return (await toVisits(db, [row]))[0]!;
}

/** An account's visits, latest first, paged. */
export async function listFieldVisits(
  db: Kysely<Database>,
  accountId: string,
  q: { engagementId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<FieldVisit>> {
  if (!(await accounts.accountExists(db, accountId))) throw errors.accountNotFound();
  let query = rows(db).where('field_visits.account_id', '=', accountId);
  if (q.engagementId) query = query.where('field_visits.engagement_id', '=', q.engagementId);
  if (q.cursor) query = query.where(keysetAfter('field_visits.visit_date', 'field_visits.id', decodeCursor(q.cursor, 'date'), 'desc'));
  const found = await query
    .orderBy('field_visits.visit_date', 'desc')
    .orderBy('field_visits.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  return toPage(await toVisits(db, found), q.limit, (v) => encodeCursor(v.visitDate, v.id));
}

/** Visits across accounts, soonest first: an engineer's week when `engineerId` and dates are given. */
export async function listAllFieldVisits(
  db: Kysely<Database>,
  q: { engineerId?: string | undefined; from?: string | undefined; to?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<FieldVisit>> {
  let query = rows(db);
  if (q.engineerId) query = query.where('field_visits.engineer_id', '=', q.engineerId);
  if (q.from) query = query.where('field_visits.visit_date', '>=', q.from);
  if (q.to) query = query.where('field_visits.visit_date', '<=', q.to);
  if (q.cursor) query = query.where(keysetAfter('field_visits.visit_date', 'field_visits.id', decodeCursor(q.cursor, 'date'), 'asc'));
  const found = await query
    .orderBy('field_visits.visit_date', 'asc')
    .orderBy('field_visits.id', 'asc')
    .limit(q.limit + 1)
    .execute();
  return toPage(await toVisits(db, found), q.limit, (v) => encodeCursor(v.visitDate, v.id));
}

const auditView = (v: FieldVisit) => ({
  visitDate: v.visitDate,
  siteAddress: v.siteAddress,
  purpose: v.purpose,
  engineerId: v.engineer?.id ?? null,
  engagementId: v.engagement?.id ?? null,
  checklist: v.checklist,
  report: v.report,
  status: v.status,
});

export async function planFieldVisit(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreateVisitInput,
): Promise<FieldVisit> {
  if (!(await accounts.accountExists(db, accountId))) throw errors.accountNotFound();
  await assertEngagementOfAccount(db, input.engagementId, accountId);
  await assertMember(db, input.engineerId, 'engineerId');
  const id = newId();
  const at = nowIso();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('field_visits')
      .values({
        id,
        account_id: accountId,
        engagement_id: input.engagementId ?? null,
        visit_date: input.visitDate,
        site_address: input.siteAddress,
        purpose: input.purpose,
        engineer_id: input.engineerId ?? null,
        checklist: JSON.stringify(input.checklist),
        report: input.report || null,
        status: 'planned',
        completed_at: null,
        interaction_id: null,
        created_by: ctx.memberId,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'field_visit.planned',
      recordType: 'field_visit',
      recordId: id,
      changes: diff(null, {
        accountId,
        visitDate: input.visitDate,
        siteAddress: input.siteAddress,
        purpose: input.purpose,
        engineerId: input.engineerId ?? null,
        engagementId: input.engagementId ?? null,
        checklist: input.checklist,
      }),
    });
  });
  return getFieldVisit(db, id);
}

/** Midday UTC of the visit's date: the timeline orders by time, and a visit has a day, not an hour. */
function visitTime(date: string): string {
  return `${date}T12:00:00.000Z`;
}

/**
 * Edits a visit. Completing it writes a `site_visit` interaction on the account's timeline with the
 * engineer, in the same transaction; a completed visit stays completed.
 */
export async function updateFieldVisit(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateVisitInput,
  now = new Date(),
): Promise<FieldVisit> {
  const before = await getFieldVisit(db, id);
  if (before.status === 'completed' && input.status === 'planned') throw errors.fieldVisitCompleted();
  if (input.engagementId !== undefined) await assertEngagementOfAccount(db, input.engagementId, before.accountId);
  if (input.engineerId !== undefined) await assertMember(db, input.engineerId, 'engineerId');
  const after: FieldVisit = {
    ...before,
    visitDate: input.visitDate ?? before.visitDate,
    siteAddress: input.siteAddress ?? before.siteAddress,
    purpose: input.purpose ?? before.purpose,
    engineer: input.engineerId !== undefined ? (input.engineerId ? { id: input.engineerId, name: '' } : null) : before.engineer,
    engagement: input.engagementId !== undefined ? (input.engagementId ? { id: input.engagementId, name: '' } : null) : before.engagement,
    checklist: input.checklist ?? before.checklist,
    report: input.report !== undefined ? input.report || null : before.report,
    status: input.status ?? before.status,
  };
  const completing = after.status === 'completed' && before.status !== 'completed';
  await inTransaction(db, async (trx) => {
    let interactionId = before.interactionId;
    if (completing) {
      const done = after.checklist.filter((i) => i.done).length;
      const notes = [
        `Site: ${after.siteAddress}`,
        `Purpose: ${after.purpose}`,
        after.checklist.length ? `Checklist: ${done} of ${after.checklist.length} done` : null,
        after.report ? `\n${after.report}` : null,
      ]
        .filter((l) => l !== null)
        .join('\n');
      const interaction = await accounts.logInteraction(trx, ctx, before.accountId, {
        kind: 'site_visit',
        occurredAt: visitTime(after.visitDate),
        durationMinutes: 0,
        subject: `Site visit: ${after.purpose}`.slice(0, 300),
        notes: notes.slice(0, 20_000),
        memberIds: after.engineer ? [after.engineer.id] : [],
        contactIds: [],
      });
      interactionId = interaction.id;
    }
    await trx
      .updateTable('field_visits')
      .set({
        visit_date: after.visitDate,
        site_address: after.siteAddress,
        purpose: after.purpose,
        engineer_id: after.engineer?.id ?? null,
        engagement_id: after.engagement?.id ?? null,
        checklist: JSON.stringify(after.checklist),
        report: after.report,
        status: after.status,
        completed_at: completing ? now.toISOString() : before.completedAt,
        interaction_id: interactionId,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: completing ? 'field_visit.completed' : 'field_visit.updated',
      recordType: 'field_visit',
      recordId: id,
      changes: diff(auditView(before), auditView(after)),
    });
  });
  return getFieldVisit(db, id);
}

/** Deletes a visit planned by mistake; a completed visit is on the timeline and stays. */
export async function deleteFieldVisit(db: Kysely<Database>, ctx: ChangeContext, id: string): Promise<void> {
  const before = await getFieldVisit(db, id);
  if (before.status === 'completed') throw errors.fieldVisitCompleted();
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('field_visits').where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'field_visit.deleted',
      recordType: 'field_visit',
      recordId: id,
      changes: diff({ accountId: before.accountId, ...auditView(before) }, null),
    });
  });
}
