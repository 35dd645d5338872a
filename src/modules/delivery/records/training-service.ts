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
import { memberRefs } from '../../team/index.js';
import { byText } from '../text-order.js';
import { assertEngagementOfAccount, assertMember, contactsOfAccount } from './references.js';
import type { CreateTrainingInput, FeedbackInput, TrainingSession, UpdateTrainingInput } from '../contract/records.js';
import type { TrainingSessionsTable } from './tables.js';

type Row = Selectable<TrainingSessionsTable> & { engagement_name: string | null };

function rows(db: Kysely<Database>) {
  return db
    .selectFrom('training_sessions')
    .leftJoin('engagements', 'engagements.id', 'training_sessions.engagement_id')
    .selectAll('training_sessions')
    .select(['engagements.name as engagement_name']);
}

/**
 * The sessions with their trainers and attendees (by name), named through one read of members and
 * one of contacts for the whole page. An attendee whose contact is gone is left out.
 */
async function withAttendees(db: Kysely<Database>, found: Row[]): Promise<TrainingSession[]> {
  if (found.length === 0) return [];
  const attending = await db
    .selectFrom('training_attendees')
    .selectAll()
    .where(
      'session_id',
      'in',
      found.map((r) => r.id),
    )
    .execute();
  const [contacts, members] = await Promise.all([
    accounts.contactRefs(
      db,
      attending.map((a) => a.contact_id),
    ),
    memberRefs(db, [...found.map((r) => r.trainer_id), ...attending.map((a) => a.feedback_by)]),
  ]);
  const attendees = attending
    .filter((a) => contacts.has(a.contact_id))
    .map((a) => ({
      ...a,
      contact_name: contacts.get(a.contact_id)!.name,
      feedback_by_name: a.feedback_by ? members.get(a.feedback_by)?.name : undefined,
    }))
    .sort((a, b) => byText(a.contact_name, b.contact_name));
  return found.map((r) => {
    const trainerName = r.trainer_id ? members.get(r.trainer_id)?.name : undefined;
    const mine = attendees.filter((a) => a.session_id === r.id);
    const rated = mine.filter((a) => a.rating != null).map((a) => Number(a.rating));
    return {
      id: r.id,
      accountId: r.account_id,
      engagement: r.engagement_id && r.engagement_name ? { id: r.engagement_id, name: r.engagement_name } : null,
      topic: r.topic,
      audience: r.audience,
      scheduledAt: r.scheduled_at,
      durationMinutes: Number(r.duration_minutes),
      trainer: r.trainer_id && trainerName ? { id: r.trainer_id, name: trainerName } : null,
      materials: JSON.parse(r.materials) as { title: string; url: string }[],
      notes: r.notes,
      status: r.status,
      deliveredAt: r.delivered_at,
      interactionId: r.interaction_id,
      attendees: mine.map((a) => ({
        contact: { id: a.contact_id, name: a.contact_name },
        rating: a.rating == null ? null : Number(a.rating),
        comment: a.comment,
        feedbackAt: a.feedback_at,
        feedbackBy: a.feedback_by && a.feedback_by_name ? { id: a.feedback_by, name: a.feedback_by_name } : null,
      })),
      feedback: {
        count: rated.length,
        averageRating: rated.length ? Math.round((rated.reduce((s, x) => s + x, 0) / rated.length) * 10) / 10 : null,
      },
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}

export async function getTrainingSession(db: Kysely<Database>, id: string): Promise<TrainingSession> {
  const row = await rows(db).where('training_sessions.id', '=', id).executeTakeFirst();
  if (!row) throw errors.trainingSessionNotFound();
  return (await withAttendees(db, [row]))[0]!;
}

/** An account's sessions, latest scheduled first, paged. */
export async function listTrainingSessions(
  db: Kysely<Database>,
  accountId: string,
  q: { engagementId?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<TrainingSession>> {
  if (!(await accounts.accountExists(db, accountId))) throw errors.accountNotFound();
  let query = rows(db).where('training_sessions.account_id', '=', accountId);
  if (q.engagementId) query = query.where('training_sessions.engagement_id', '=', q.engagementId);
  if (q.cursor)
    query = query.where(keysetAfter('training_sessions.scheduled_at', 'training_sessions.id', decodeCursor(q.cursor, 'timestamp'), 'desc'));
  const found = await query
    .orderBy('training_sessions.scheduled_at', 'desc')
    .orderBy('training_sessions.id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(found, q.limit, (r) => encodeCursor(r.scheduled_at, r.id));
  return { items: await withAttendees(db, page.items), nextCursor: page.nextCursor };
}

const auditView = (s: {
  topic: string;
  audience: string;
  scheduledAt: string;
  durationMinutes: number;
  trainerId: string | null;
  engagementId: string | null;
  status: string;
  contactIds: string[];
  materials: unknown;
}) => s;

export async function scheduleTrainingSession(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: CreateTrainingInput,
): Promise<TrainingSession> {
  if (!(await accounts.accountExists(db, accountId))) throw errors.accountNotFound();
  await assertEngagementOfAccount(db, input.engagementId, accountId);
  await assertMember(db, input.trainerId, 'trainerId');
  const attendees = await contactsOfAccount(db, input.contactIds, accountId, 'contactIds', errors.trainingAttendeeNotOnAccount);
  const id = newId();
  const at = nowIso();
  const row = {
    id,
    account_id: accountId,
    engagement_id: input.engagementId ?? null,
    topic: input.topic,
    audience: input.audience,
    scheduled_at: new Date(input.scheduledAt).toISOString(),
    duration_minutes: input.durationMinutes,
    trainer_id: input.trainerId ?? null,
    materials: JSON.stringify(input.materials),
    notes: input.notes || null,
    status: 'scheduled' as const,
    delivered_at: null,
    interaction_id: null,
    created_by: ctx.memberId,
    created_at: at,
    updated_at: at,
  };
  await inTransaction(db, async (trx) => {
    await trx.insertInto('training_sessions').values(row).execute();
    if (attendees.length)
      await trx
        .insertInto('training_attendees')
        .values(attendees.map((c) => ({ session_id: id, contact_id: c.id })))
        .execute();
    await recordAudit(trx, ctx, {
      action: 'training_session.scheduled',
      recordType: 'training_session',
      recordId: id,
      changes: diff(null, {
        accountId,
        ...auditView({
          topic: row.topic,
          audience: row.audience,
          scheduledAt: row.scheduled_at,
          durationMinutes: row.duration_minutes,
          trainerId: row.trainer_id,
          engagementId: row.engagement_id,
          status: row.status,
          contactIds: attendees.map((c) => c.id),
          materials: input.materials,
        }),
      }),
    });
  });
  return getTrainingSession(db, id);
}

/**
 * Edits a session. Marking it delivered writes a `training` interaction on the account's
 * timeline with the trainer and the attendees, in the same transaction; delivered is final.
 */
export async function updateTrainingSession(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  input: UpdateTrainingInput,
  now = new Date(),
): Promise<TrainingSession> {
  const before = await getTrainingSession(db, id);
  if (before.status === 'delivered' && input.status && input.status !== 'delivered') throw errors.trainingDelivered();
  if (input.engagementId !== undefined) await assertEngagementOfAccount(db, input.engagementId, before.accountId);
  if (input.trainerId !== undefined) await assertMember(db, input.trainerId, 'trainerId');
  const attendees = input.contactIds
    ? await contactsOfAccount(db, input.contactIds, before.accountId, 'contactIds', errors.trainingAttendeeNotOnAccount)
    : null;

  const after = {
    topic: input.topic ?? before.topic,
    audience: input.audience ?? before.audience,
    scheduledAt: input.scheduledAt ? new Date(input.scheduledAt).toISOString() : before.scheduledAt,
    durationMinutes: input.durationMinutes ?? before.durationMinutes,
    trainerId: input.trainerId !== undefined ? (input.trainerId ?? null) : (before.trainer?.id ?? null),
    engagementId: input.engagementId !== undefined ? (input.engagementId ?? null) : (before.engagement?.id ?? null),
    status: input.status ?? before.status,
    contactIds: attendees ? attendees.map((c) => c.id) : before.attendees.map((a) => a.contact.id),
    materials: input.materials ?? before.materials,
  };
  const delivering = after.status === 'delivered' && before.status !== 'delivered';
  const notes = input.notes !== undefined ? input.notes || null : before.notes;

  await inTransaction(db, async (trx) => {
    let interactionId = before.interactionId;
    if (delivering) {
      const interaction = await accounts.logInteraction(trx, ctx, before.accountId, {
        kind: 'training',
        occurredAt: after.scheduledAt,
        durationMinutes: after.durationMinutes,
        subject: `Training: ${after.topic} (${after.audience === 'it_admins' ? 'IT administrators' : 'end users'})`,
        notes,
        memberIds: after.trainerId ? [after.trainerId] : [],
        contactIds: after.contactIds,
      });
      interactionId = interaction.id;
    }
    await trx
      .updateTable('training_sessions')
      .set({
        topic: after.topic,
        audience: after.audience,
        scheduled_at: after.scheduledAt,
        duration_minutes: after.durationMinutes,
        trainer_id: after.trainerId,
        engagement_id: after.engagementId,
        materials: JSON.stringify(after.materials),
        notes,
        status: after.status,
        delivered_at: delivering ? now.toISOString() : before.deliveredAt,
        interaction_id: interactionId,
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    if (attendees) {
      // Keep the feedback of attendees who stay; drop those removed.
      const keep = new Set(attendees.map((c) => c.id));
      const removed = before.attendees.map((a) => a.contact.id).filter((c) => !keep.has(c));
      if (removed.length)
        await trx.deleteFrom('training_attendees').where('session_id', '=', id).where('contact_id', 'in', removed).execute();
      const existing = new Set(before.attendees.map((a) => a.contact.id));
      const added = attendees.filter((c) => !existing.has(c.id));
      if (added.length)
        await trx
          .insertInto('training_attendees')
          .values(added.map((c) => ({ session_id: id, contact_id: c.id })))
          .execute();
    }
    const beforeView = auditView({
      topic: before.topic,
      audience: before.audience,
      scheduledAt: before.scheduledAt,
      durationMinutes: before.durationMinutes,
      trainerId: before.trainer?.id ?? null,
      engagementId: before.engagement?.id ?? null,
      status: before.status,
      contactIds: before.attendees.map((a) => a.contact.id),
      materials: before.materials,
    });
    await recordAudit(trx, ctx, {
      action: delivering ? 'training_session.delivered' : 'training_session.updated',
      recordType: 'training_session',
      recordId: id,
      changes: diff({ ...beforeView, notes: before.notes }, { ...auditView(after), notes }),
    });
  });
  return getTrainingSession(db, id);
}

/** Records an attendee's rating and comment on a delivered session (by a member, or by the attendee in the portal). */
export async function recordTrainingFeedback(
  db: Kysely<Database>,
  ctx: ChangeContext,
  sessionId: string,
  contactId: string,
  input: FeedbackInput,
  now = new Date(),
): Promise<TrainingSession> {
  const session = await getTrainingSession(db, sessionId);
  if (session.status !== 'delivered') throw errors.trainingNotDelivered();
  const attendee = session.attendees.find((a) => a.contact.id === contactId);
  if (!attendee) throw errors.trainingNotAnAttendee({ field: 'contactId' });
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('training_attendees')
      .set({
        rating: input.rating,
        comment: input.comment || null,
        feedback_at: now.toISOString(),
        feedback_by: ctx.actorType === 'contact' ? null : ctx.memberId,
      })
      .where('session_id', '=', sessionId)
      .where('contact_id', '=', contactId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'training_session.feedback_recorded',
      recordType: 'training_session',
      recordId: sessionId,
      changes: diff(
        { contactId, rating: attendee.rating, comment: attendee.comment },
        { contactId, rating: input.rating, comment: input.comment || null },
      ),
    });
  });
  return getTrainingSession(db, sessionId);
}
