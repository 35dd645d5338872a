import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { contactRefs, correctInteraction, interactionRefs } from '../../accounts/index.js';
import { environmentAccountOf, getEnvironment } from '../../delivery/index.js';
import { memberRefs } from '../../team/index.js';
import {
  DEMO_OUTCOME_LABELS,
  createDemoBody,
  updateDemoBody,
  type CreateDemoInput,
  type Demo,
  type UpdateDemoInput,
} from '../contract/opportunities.js';
import { isOpenRequest } from './deal-support-rules.js';
import { logDealInteraction } from './interaction-links.js';
import { findOpportunity } from './opportunity-service.js';
import type { DemosTable } from './tables.js';

/**
 * Demos (issue 16): what was shown to whom on a deal, on which script or customer environment, how
 * it landed and what follows. Recording one logs a `demo` interaction on the account, linked to the
 * deal, so it counts on the account's timeline and relationship depth like any meeting.
 */

type DemoRow = Selectable<DemosTable>;
type FollowUp = { text: string; done: boolean };

const parse = <T>(json: string): T => JSON.parse(json) as T;

async function hydrate(db: Kysely<Database>, rows: DemoRow[]): Promise<Demo[]> {
  if (!rows.length) return [];
  const environmentIds = [...new Set(rows.map((r) => r.environment_id).filter((id): id is string => Boolean(id)))];
  const [contacts, members, environments] = await Promise.all([
    contactRefs(
      db,
      rows.flatMap((r) => parse<string[]>(r.contact_ids)),
    ),
    memberRefs(
      db,
      rows.flatMap((r) => [...parse<string[]>(r.presenter_ids), r.created_by]),
    ),
    // A deal has a handful of demos on one or two environments: one read per distinct environment.
    Promise.all(environmentIds.map((id) => getEnvironment(db, id).catch(() => null))),
  ]);
  const envById = new Map(environments.filter((e) => e !== null).map((e) => [e.id, e]));
  return rows.map((r) => {
    const env = r.environment_id ? envById.get(r.environment_id) : undefined;
    return {
      id: r.id,
      opportunityId: r.opportunity_id,
      title: r.title,
      occurredAt: r.occurred_at,
      durationMinutes: Number(r.duration_minutes),
      contacts: parse<string[]>(r.contact_ids).map((id) => {
        const c = contacts.get(id);
        return { id, name: c?.name ?? 'Former contact', title: c?.title ?? null };
      }),
      presenters: parse<string[]>(r.presenter_ids).map((id) => ({ id, name: members.get(id)?.name ?? 'Former member' })),
      otherAttendees: parse<string[]>(r.other_attendees),
      script: r.script,
      environment: r.environment_id
        ? { id: r.environment_id, name: env?.name ?? 'Removed environment', product: env?.product ?? null }
        : null,
      outcome: r.outcome,
      notes: r.notes,
      followUps: parse<FollowUp[]>(r.follow_ups),
      interactionId: r.interaction_id,
      dealSupportRequestId: r.deal_support_request_id,
      createdBy: r.created_by ? { id: r.created_by, name: members.get(r.created_by)?.name ?? 'Former member' } : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

async function findDemo(db: Kysely<Database>, id: string): Promise<DemoRow> {
  const row = await db.selectFrom('demos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.demoNotFound();
  return row;
}

export async function getDemo(db: Kysely<Database>, id: string): Promise<Demo> {
  return (await hydrate(db, [await findDemo(db, id)]))[0]!;
}

/** A deal's demos, latest first. */
export async function listDemos(db: Kysely<Database>, opportunityId: string): Promise<Demo[]> {
  await findOpportunity(db, opportunityId);
  const rows = await db
    .selectFrom('demos')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return hydrate(db, rows);
}

/** Attendees, presenters and the environment must belong to the deal's account (or be active members). */
async function checkAudience(
  db: Kysely<Database>,
  accountId: string,
  input: { contactIds?: string[] | undefined; presenterIds?: string[] | undefined; environmentId?: string | null | undefined },
): Promise<void> {
  if (input.contactIds?.length) {
    const found = await contactRefs(db, input.contactIds);
    const foreign = input.contactIds.find((id) => found.get(id)?.accountId !== accountId);
    if (foreign) throw errors.demoContactForeign({ field: 'contactIds', contactId: foreign });
  }
  if (input.presenterIds?.length) {
    const found = await memberRefs(db, input.presenterIds);
    const inactive = input.presenterIds.find((id) => found.get(id)?.status !== 'active');
    if (inactive) throw errors.demoPresenterInactive({ field: 'presenterIds', memberId: inactive });
  }
  if (input.environmentId && (await environmentAccountOf(db, input.environmentId)) !== accountId) {
    throw errors.demoEnvironmentForeign({ field: 'environmentId' });
  }
}

/** The interaction's notes: what the account timeline shows of the demo. */
function interactionNotes(input: { outcome: Demo['outcome']; notes: string | null; otherAttendees: string[] }): string | null {
  const lines = [
    input.outcome ? `Outcome: ${DEMO_OUTCOME_LABELS[input.outcome]}` : null,
    input.otherAttendees.length ? `Also attending: ${input.otherAttendees.join(', ')}` : null,
    input.notes,
  ].filter(Boolean);
  return lines.length ? lines.join('\n\n') : null;
}

function audited(r: DemoRow) {
  return {
    opportunityId: r.opportunity_id,
    title: r.title,
    occurredAt: r.occurred_at,
    durationMinutes: Number(r.duration_minutes),
    contactIds: parse<string[]>(r.contact_ids),
    presenterIds: parse<string[]>(r.presenter_ids),
    otherAttendees: parse<string[]>(r.other_attendees),
    script: r.script,
    environmentId: r.environment_id,
    outcome: r.outcome,
    notes: r.notes,
    followUps: parse<FollowUp[]>(r.follow_ups),
  };
}

/** The demo's fields its interaction shows (keys of `audited`). */
const INTERACTION_FIELDS = ['title', 'occurredAt', 'durationMinutes', 'contactIds', 'presenterIds', 'otherAttendees', 'outcome', 'notes'];

/** The interaction a demo logs: what the account timeline shows of it. */
function interactionOf(r: DemoRow) {
  return {
    occurredAt: r.occurred_at,
    durationMinutes: Number(r.duration_minutes),
    subject: `Demo: ${r.title}`,
    notes: interactionNotes({ outcome: r.outcome, notes: r.notes, otherAttendees: parse<string[]>(r.other_attendees) }),
    memberIds: parse<string[]>(r.presenter_ids),
    contactIds: parse<string[]>(r.contact_ids),
  };
}

/**
 * Records a demo and logs it as a `demo` interaction on the account, linked to the deal, in one
 * transaction. A demo that answers an open demo request of the deal, and has taken place, closes it.
 */
export async function recordDemo(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  raw: CreateDemoInput,
  at = new Date(),
): Promise<Demo> {
  const input = createDemoBody.parse(raw);
  const deal = await findOpportunity(db, opportunityId);
  const contactIds = [...new Set(input.contactIds)];
  const presenterIds = [...new Set(input.presenterIds)];
  await checkAudience(db, deal.account_id, { contactIds, presenterIds, environmentId: input.environmentId });
  const request = input.dealSupportRequestId
    ? await db.selectFrom('deal_support_requests').selectAll().where('id', '=', input.dealSupportRequestId).executeTakeFirst()
    : undefined;
  if (input.dealSupportRequestId && request?.opportunity_id !== opportunityId)
    throw errors.demoRequestForeign({ field: 'dealSupportRequestId' });
  const now = at.toISOString();
  const occurredAt = new Date(input.occurredAt).toISOString();
  const id = newId();
  await inTransaction(db, async (trx) => {
    const interaction = await logDealInteraction(trx, ctx, deal, {
      kind: 'demo',
      occurredAt,
      durationMinutes: input.durationMinutes,
      subject: `Demo: ${input.title}`,
      notes: interactionNotes(input),
      memberIds: presenterIds,
      contactIds,
    });
    const row: DemoRow = {
      id,
      opportunity_id: opportunityId,
      title: input.title,
      occurred_at: occurredAt,
      duration_minutes: input.durationMinutes,
      contact_ids: JSON.stringify(contactIds),
      presenter_ids: JSON.stringify(presenterIds),
      other_attendees: JSON.stringify(input.otherAttendees),
      script: input.script || null,
      environment_id: input.environmentId,
      outcome: input.outcome,
      notes: input.notes || null,
      follow_ups: JSON.stringify(input.followUps),
      interaction_id: interaction.id,
      deal_support_request_id: input.dealSupportRequestId,
      created_by: ctx.memberId,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('demos').values(row).execute();
    await recordAudit(trx, ctx, { action: 'demo.recorded', recordType: 'demo', recordId: id, changes: diff(null, audited(row)) });
    if (request && request.kind === 'demo' && isOpenRequest(request.status) && occurredAt <= now) {
      await trx
        .updateTable('deal_support_requests')
        .set({ status: 'done', status_changed_at: now, completed_at: now, updated_at: now })
        .where('id', '=', request.id)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'deal_support.updated',
        recordType: 'deal_support_request',
        recordId: request.id,
        changes: { status: [request.status, 'done'], demoId: [null, id] },
      });
    }
  });
  return getDemo(db, id);
}

/**
 * Changes a demo: outcome, notes, follow-ups ticked off, corrections. The `demo` interaction it
 * logged on the account follows (date, length, title, audience, outcome and notes), through the
 * accounts module, in the same transaction; one since deleted from the account is left gone.
 */
export async function updateDemo(db: Kysely<Database>, ctx: ChangeContext, id: string, raw: UpdateDemoInput): Promise<Demo> {
  const input = updateDemoBody.parse(raw);
  const before = await findDemo(db, id);
  const deal = await findOpportunity(db, before.opportunity_id);
  const contactIds = input.contactIds && [...new Set(input.contactIds)];
  const presenterIds = input.presenterIds && [...new Set(input.presenterIds)];
  await checkAudience(db, deal.account_id, { contactIds, presenterIds, environmentId: input.environmentId });
  const after: DemoRow = {
    ...before,
    title: input.title ?? before.title,
    occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : before.occurred_at,
    duration_minutes: input.durationMinutes ?? Number(before.duration_minutes),
    contact_ids: contactIds ? JSON.stringify(contactIds) : before.contact_ids,
    presenter_ids: presenterIds ? JSON.stringify(presenterIds) : before.presenter_ids,
    other_attendees: input.otherAttendees ? JSON.stringify(input.otherAttendees) : before.other_attendees,
    script: input.script !== undefined ? input.script || null : before.script,
    environment_id: input.environmentId !== undefined ? input.environmentId : before.environment_id,
    outcome: input.outcome !== undefined ? input.outcome : before.outcome,
    notes: input.notes !== undefined ? input.notes || null : before.notes,
    follow_ups: input.followUps ? JSON.stringify(input.followUps) : before.follow_ups,
  };
  const changes = diff(audited(before), audited(after));
  if (!Object.keys(changes).length) return getDemo(db, id);
  await inTransaction(db, async (trx) => {
    const { id: _id, opportunity_id: _o, interaction_id: _i, created_at: _c, created_by: _b, ...values } = after;
    await trx
      .updateTable('demos')
      .set({ ...values, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: 'demo.updated', recordType: 'demo', recordId: id, changes });
    if (before.interaction_id && INTERACTION_FIELDS.some((f) => f in changes)) {
      if ((await interactionRefs(trx, [before.interaction_id])).size) {
        await correctInteraction(trx, ctx, before.interaction_id, interactionOf(after));
      }
    }
  });
  return getDemo(db, id);
}
