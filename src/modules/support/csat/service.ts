import { createHmac } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { addDays } from '../../../kernel/clock.js';
import { newId } from '../../../kernel/ids.js';
import { randomSecret, sha256 } from '../../../kernel/secrets.js';
import { initSetting, readSetting } from '../../../kernel/settings.js';
import type { TicketRow } from '../tickets/ticket-repository.js';
import { recordTicketEvent } from '../tickets/ticket-repository.js';
import { csatScore } from './csat-score.js';
import { enqueueEmail } from '../../platform/index.js';
import { ticketSubject } from '../email/reply-mail.js';
import { findContact } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import type { CsatSurvey, RateInput, SummaryQuery } from '../contract/csat.js';
import type { CsatSurveysTable } from './tables.js';

export const SURVEY_DAYS = 7;
const SECRET_KEY = 'csat.link_secret';

/**
 * The workspace's key for rating links, made on first use. Only the token's hash is stored with
 * the survey; the key lets the server show the link again (on the ticket, in a later e-mail)
 * without keeping the token itself. Inserted only if absent, so two first solves at once agree.
 */
async function linkSecret(db: Kysely<Database>): Promise<string> {
  const existing = await readSetting<string | null>(db, SECRET_KEY, null);
  if (existing) return existing;
  return initSetting(db, SECRET_KEY, randomSecret());
}

function tokenFor(secret: string, surveyId: string): string {
  return createHmac('sha256', secret).update(`csat:${surveyId}`).digest('base64url');
}

export function csatLink(token: string): string {
  return `/csat/${token}`;
}

/**
 * A survey for the solve that just happened (called from applyStatus, inside the solve's
 * transaction): one per solve, so a case solved again after a reopen asks again.
 */
export async function createSurveyOnSolve(db: Kysely<Database>, ticket: TicketRow, at: Date): Promise<void> {
  const id = newId();
  const token = tokenFor(await linkSecret(db), id);
  const iso = at.toISOString();
  await db
    .insertInto('csat_surveys')
    .values({
      id,
      ticket_id: ticket.id,
      contact_id: ticket.requester_id,
      token_hash: sha256(token),
      expires_at: addDays(iso, SURVEY_DAYS),
      rating: null,
      comment: null,
      rated_at: null,
      assignee_id: ticket.assignee_id,
      account_id: ticket.account_id,
      created_at: iso,
    })
    .execute();
  await enqueueSurveyEmail(db, ticket, token, at);
  await recordTicketEvent(
    db,
    ticket.id,
    { type: 'system', id: null },
    'csat.survey_created',
    { surveyId: id, expiresAt: addDays(iso, SURVEY_DAYS) },
    iso,
  );
}

/** Where the requester's browser reaches this workbench; mail links need it absolute. */
function publicBaseUrl(): string {
  return (process.env.OUTPOST_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

/** The one-click rating mail to the requester, queued in the solve's transaction. */
async function enqueueSurveyEmail(db: Kysely<Database>, ticket: TicketRow, token: string, at: Date): Promise<void> {
  const requester = await findContact(db, ticket.requester_id);
  if (!requester) return;
  const link = `${publicBaseUrl()}${csatLink(token)}`;
  const text = [
    `Hello ${requester.name},`,
    '',
    `your request "${ticket.subject}" has been solved. How did we do?`,
    '',
    `Good: ${link}?rating=good`,
    `Bad:  ${link}?rating=bad`,
    '',
    `You can change your answer for ${SURVEY_DAYS} days.`,
  ].join('\n');
  await enqueueEmail(
    db,
    {
      to: [requester.email],
      subject: `${ticketSubject(Number(ticket.number), ticket.subject)} How did we do?`,
      text,
      headers: { 'X-Outpost-Ticket': String(ticket.number) },
      ticketId: ticket.id,
    },
    at,
  );
}

type SurveyRow = Selectable<CsatSurveysTable>;

/** The survey a link's token opens, or null when unknown or expired (the caller answers 404 for both). */
async function surveyByToken(db: Kysely<Database>, token: string, now: Date): Promise<SurveyRow | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.selectFrom('csat_surveys').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return null;
  return row;
}

async function publicView(db: Kysely<Database>, row: SurveyRow) {
  const ticket = await db.selectFrom('tickets').select(['number', 'subject']).where('id', '=', row.ticket_id).executeTakeFirstOrThrow();
  return {
    ticket: { number: Number(ticket.number), subject: ticket.subject },
    rated: row.rating !== null,
    rating: row.rating,
    comment: row.comment,
    expiresAt: row.expires_at,
  };
}

export async function openSurvey(db: Kysely<Database>, token: string, now = new Date()) {
  const row = await surveyByToken(db, token, now);
  if (!row) throw errors.csatNotFound();
  return publicView(db, row);
}

/** The requester's rating; rating again before the link expires replaces it. */
export async function rateSurvey(db: Kysely<Database>, token: string, input: RateInput, ip: string | null, now = new Date()) {
  const row = await surveyByToken(db, token, now);
  if (!row) throw errors.csatNotFound();
  const at = now.toISOString();
  const ctx: ChangeContext = { actorType: 'contact', actorId: row.contact_id, memberId: null, ip };
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('csat_surveys')
      .set({ rating: input.rating, comment: input.comment || null, rated_at: at })
      .where('id', '=', row.id)
      .execute();
    await recordTicketEvent(
      trx,
      row.ticket_id,
      { type: 'contact', id: row.contact_id },
      'csat.rated',
      { surveyId: row.id, rating: input.rating, comment: input.comment ?? null },
      at,
    );
    await recordAudit(trx, ctx, {
      action: 'csat.rated',
      recordType: 'ticket',
      recordId: row.ticket_id,
      changes: { rating: [row.rating, input.rating] },
    });
  });
  return publicView(db, { ...row, rating: input.rating, comment: input.comment || null, rated_at: at });
}

/** A ticket's surveys, newest first, each with its link (mailed at solve; shown so an agent can resend it). */
export async function ticketSurveys(db: Kysely<Database>, ticketId: string, now = new Date()): Promise<CsatSurvey[]> {
  const rows = await db
    .selectFrom('csat_surveys')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (rows.length === 0) return [];
  const [secret, assignees] = await Promise.all([
    linkSecret(db),
    memberRefs(
      db,
      rows.map((r) => r.assignee_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    contactId: r.contact_id,
    assignee: r.assignee_id ? { id: r.assignee_id, name: assignees.get(r.assignee_id)?.name ?? '' } : null,
    rating: r.rating,
    comment: r.comment,
    ratedAt: r.rated_at,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    expired: Date.parse(r.expires_at) <= now.getTime(),
    link: csatLink(tokenFor(secret, r.id)),
  }));
}

/** Good and bad ratings and the score, for a member (as assignee at solve), an account, a period. */
export async function csatSummary(db: Kysely<Database>, filter: SummaryQuery) {
  let query = db.selectFrom('csat_surveys').where('rating', 'is not', null);
  if (filter.memberId) query = query.where('assignee_id', '=', filter.memberId);
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.from) query = query.where('rated_at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('rated_at', '<', new Date(filter.to).toISOString());
  const counts = await query
    .select(['rating'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('rating')
    .execute();
  const good = Number(counts.find((c) => c.rating === 'good')?.n ?? 0);
  const bad = Number(counts.find((c) => c.rating === 'bad')?.n ?? 0);
  return { good, bad, rated: good + bad, score: csatScore(good, bad) };
}
