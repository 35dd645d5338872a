import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { contactContext, type PortalContact } from '../../identity/index.js';
import type { FeedbackInput, PortalTrainingSession } from '../contract/records.js';
import { getTrainingSession, recordTrainingFeedback } from './training-service.js';

/**
 * Training in the customer portal: a contact sees the sessions they attend (never anyone else's
 * feedback, nor internal notes) and rates a delivered one themselves.
 */
async function attendedIds(db: Kysely<Database>, contact: PortalContact, sessionId?: string): Promise<string[]> {
  let query = db
    .selectFrom('training_attendees')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendees.session_id')
    .select('training_sessions.id')
    .where('training_attendees.contact_id', '=', contact.contactId)
    .where('training_sessions.account_id', '=', contact.accountId)
    .where('training_sessions.status', '!=', 'cancelled');
  if (sessionId) query = query.where('training_sessions.id', '=', sessionId);
  return (await query.orderBy('training_sessions.scheduled_at', 'desc').orderBy('training_sessions.id', 'desc').limit(100).execute()).map(
    (r) => r.id,
  );
}

async function portalView(db: Kysely<Database>, contact: PortalContact, id: string): Promise<PortalTrainingSession> {
  const s = await getTrainingSession(db, id);
  const mine = s.attendees.find((a) => a.contact.id === contact.contactId);
  return {
    id: s.id,
    topic: s.topic,
    audience: s.audience,
    scheduledAt: s.scheduledAt,
    durationMinutes: s.durationMinutes,
    trainer: s.trainer ? { name: s.trainer.name } : null,
    materials: s.materials,
    status: s.status === 'delivered' ? 'delivered' : 'scheduled',
    yourFeedback: mine?.rating != null ? { rating: mine.rating, comment: mine.comment } : null,
  };
}

export async function listPortalTraining(db: Kysely<Database>, contact: PortalContact): Promise<PortalTrainingSession[]> {
  const ids = await attendedIds(db, contact);
  return Promise.all(ids.map((id) => portalView(db, contact, id)));
}

/** The attendee's own rating of a delivered session; a session they did not attend is 404. */
export async function givePortalFeedback(
  db: Kysely<Database>,
  contact: PortalContact,
  sessionId: string,
  input: FeedbackInput,
  ip: string | null,
): Promise<PortalTrainingSession> {
  if ((await attendedIds(db, contact, sessionId)).length === 0) throw errors.trainingSessionNotFound();
  await recordTrainingFeedback(db, contactContext(contact, ip), sessionId, contact.contactId, input);
  return portalView(db, contact, sessionId);
}
