import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { contactAccounts, importAccounts, importContacts } from '../../accounts/index.js';
import { importTickets, type ImportedTicket } from '../../support/index.js';
import { memberRefs } from '../../team/index.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { count, emptyOutcome, idsOf, runStep, skip, type BatchOutcome, type ImportContext } from './import-context.js';
import { recordSkips, saveProgress, skippedIds } from './import-run-repository.js';
import { knownExternalIds } from './external-id-repository.js';
import { NO_ORGANIZATION_ACCOUNT } from './import-people.js';
import { mapTicket, ratingOf, type LoadedComment, type MappedPerson } from './map-ticket.js';
import { idKey, type ZendeskComment, type ZendeskSatisfactionRating, type ZendeskTicket } from './zendesk-records.js';

/**
 * Satisfaction ratings by ticket, read whole on every start (ratings are a fraction of tickets and
 * small), so a resumed run still attaches them. Unanswered surveys are skipped with the reason,
 * once per run.
 */
export async function importSatisfactionRatings(ctx: ImportContext): Promise<Map<string, ZendeskSatisfactionRating>> {
  const ratings = new Map<string, ZendeskSatisfactionRating>();
  for await (const item of ctx.source.records<ZendeskSatisfactionRating>('satisfaction_ratings', 0)) {
    if ('error' in item) continue;
    const ticket = idKey(item.record.ticket_id);
    if (ticket && ratingOf(item.record.score)) ratings.set(ticket, item.record);
  }
  await runStep<ZendeskSatisfactionRating>(ctx, 'satisfaction_ratings', async (_db, batch, outcome) => {
    for (const item of batch) {
      if ('error' in item) skip(outcome, 'satisfaction_rating', null, item.error);
      else if (!idKey(item.record.ticket_id)) skip(outcome, 'satisfaction_rating', idKey(item.record.id), 'a rating without a ticket');
      else if (!ratingOf(item.record.score))
        skip(outcome, 'satisfaction_rating', idKey(item.record.id), `score "${item.record.score ?? ''}": the survey was not answered`);
    }
  });
  return ratings;
}

function personOf(value: string | undefined): MappedPerson | undefined {
  if (!value) return undefined;
  const [type, id] = value.split(':') as ['member' | 'contact', string];
  return { type, id };
}

export async function importTicketRecords(
  ctx: ImportContext,
  ratings: Map<string, ZendeskSatisfactionRating>,
  seen: Set<string> = new Set(),
): Promise<void> {
  const people = idsOf(ctx, 'user');
  const agentContacts = idsOf(ctx, 'user_contact');
  const groups = idsOf(ctx, 'group');
  const fields = idsOf(ctx, 'ticket_field');
  await runStep<ZendeskTicket>(ctx, 'tickets', async (db, batch, outcome) => {
    const records: ZendeskTicket[] = [];
    for (const item of batch) {
      if ('error' in item) skip(outcome, 'ticket', null, item.error);
      else if (!idKey(item.record.id)) skip(outcome, 'ticket', null, 'a ticket without an id');
      else {
        records.push(item.record);
        seen.add(idKey(item.record.id)!);
      }
    }
    const known = await knownExternalIds(
      db,
      ctx.source.name,
      'ticket',
      records.map((t) => idKey(t.id)!),
    );
    // An incremental export lists a ticket again each time it changed: the last copy is the newest.
    const last = new Map(records.map((t) => [idKey(t.id)!, t]));
    const fresh = records.filter((t) => {
      if (!known.has(idKey(t.id)!) && last.get(idKey(t.id)!) === t) return true;
      count(outcome, 'ticket', 'unchanged');
      return false;
    });
    const requesters = await requesterContacts(db, fresh, people, agentContacts, outcome);
    const accounts = await contactAccounts(db, [...requesters.values()]);
    await ctx.source.prefetchComments?.(fresh.filter((t) => t.status !== 'deleted'));
    const mapped: { zendesk: ZendeskTicket; ticket: ImportedTicket; commentIds: (string | null)[] }[] = [];
    for (const zendesk of fresh) {
      const key = idKey(zendesk.id)!;
      const comments = await ctx.source.commentsOf(zendesk);
      const loaded = await loadAttachments(ctx, key, comments, outcome);
      const rating = ratings.get(key) ?? (ratingOf(zendesk.satisfaction_rating?.score) ? zendesk.satisfaction_rating! : null);
      const result = mapTicket(zendesk, loaded, rating, {
        person: (id) => personOf(people.get(id)),
        requesterContact: (id) => requesters.get(id),
        accountOfContact: (id) => accounts.get(id),
        group: (id) => groups.get(id),
        field: (id) => fields.get(id),
      });
      if ('skip' in result) {
        skip(outcome, 'ticket', key, result.skip);
        if (rating) skip(outcome, 'satisfaction_rating', idKey(rating.id), `its ticket ${key} was not imported`);
        continue;
      }
      if (rating && !result.ticket.satisfaction)
        skip(outcome, 'satisfaction_rating', idKey(rating.id), `ticket ${key} is not solved, so it takes no rating`);
      mapped.push({ zendesk, ticket: result.ticket, commentIds: comments.length ? comments.map((c) => idKey(c.id)) : [null] });
    }
    const written = await importTickets(
      db,
      mapped.map((m) => m.ticket),
    );
    written.forEach((w, i) => {
      const { zendesk, ticket, commentIds } = mapped[i]!;
      count(outcome, 'ticket', 'imported');
      count(outcome, 'comment', 'imported', ticket.messages.length);
      count(
        outcome,
        'attachment',
        'imported',
        ticket.messages.reduce((n, m) => n + m.attachments.length, 0),
      );
      if (ticket.satisfaction) count(outcome, 'satisfaction_rating', 'imported');
      if (w.number !== Number(zendesk.id)) count(outcome, 'renumbered', 'imported');
      outcome.externalIds.push({ kind: 'ticket', externalId: idKey(zendesk.id)!, outpostId: w.id });
      w.messageIds.forEach((messageId, j) => {
        const commentId = commentIds[j];
        if (commentId) outcome.claims.push({ kind: 'comment', numericId: Number(commentId), outpostId: messageId });
      });
    });
  });
}

/**
 * Each requester's contact. An agent may open a ticket in Zendesk; in Outpost a requester is a
 * customer contact, so the agent gets one (same name and e-mail) on the no-organization account.
 */
async function requesterContacts(
  db: Kysely<Database>,
  tickets: ZendeskTicket[],
  people: Map<string, string>,
  agentContacts: Map<string, string>,
  outcome: BatchOutcome,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const agents = new Map<string, string>();
  for (const t of tickets) {
    const key = idKey(t.requester_id);
    const person = key ? personOf(people.get(key)) : undefined;
    if (!key || !person) continue;
    if (person.type === 'contact') out.set(key, person.id);
    else if (agentContacts.has(key)) out.set(key, agentContacts.get(key)!);
    else agents.set(key, person.id);
  }
  if (!agents.size) return out;
  const refs = await memberRefs(db, agents.values());
  const [home] = await importAccounts(db, [
    { name: NO_ORGANIZATION_ACCOUNT, domains: [], tags: ['zendesk-import'], notes: null, createdAt: new Date().toISOString() },
  ]);
  const entries = [...agents].filter(([, memberId]) => refs.has(memberId));
  const contacts = await importContacts(
    db,
    entries.map(([, memberId]) => ({
      accountId: home!.id,
      name: refs.get(memberId)!.name,
      email: refs.get(memberId)!.email,
      phone: null,
      createdAt: new Date().toISOString(),
    })),
  );
  contacts.forEach((c, i) => {
    const key = entries[i]![0];
    out.set(key, c.id);
    outcome.externalIds.push({ kind: 'user_contact', externalId: key, outpostId: c.id });
  });
  return out;
}

/** Reads each comment's attachments from the export; a file the export lacks is reported and the comment kept. */
async function loadAttachments(
  ctx: ImportContext,
  ticketKey: string,
  comments: ZendeskComment[],
  outcome: BatchOutcome,
): Promise<LoadedComment[]> {
  const loaded: LoadedComment[] = [];
  for (const comment of comments) {
    const attachments: LoadedComment['attachments'] = [];
    for (const a of comment.attachments ?? []) {
      const bytes = await ctx.source.attachment(a);
      if (!bytes) {
        skip(outcome, 'attachment', idKey(a.id), `${a.file_name ?? 'a file'} on ticket ${ticketKey}: not in the export`);
        continue;
      }
      attachments.push({
        filename: a.file_name ?? `attachment-${idKey(a.id) ?? 'file'}`,
        contentType: a.content_type ?? 'application/octet-stream',
        bytes,
      });
    }
    loaded.push({ comment, attachments });
  }
  return loaded;
}

/**
 * Ratings of tickets the export does not hold (exported on another day, or deleted for good):
 * reported once the tickets are through. Tickets read before a resume are not in `seen`, so the
 * imported and already reported ones are looked up instead of being reported twice.
 */
export async function reportRatingsWithoutTicket(
  ctx: ImportContext,
  ratings: Map<string, ZendeskSatisfactionRating>,
  seen: Set<string>,
): Promise<void> {
  const step = 'satisfaction_ratings_without_ticket';
  if (ctx.run.checkpoint[step]?.done) return;
  const candidates = [...ratings.keys()].filter((ticket) => !seen.has(ticket));
  const imported = await knownExternalIds(ctx.db, ctx.source.name, 'ticket', candidates);
  const reported = await skippedIds(ctx.db, ctx.run.id, 'ticket', candidates);
  const outcome = emptyOutcome();
  for (const ticket of candidates)
    if (!imported.has(ticket) && !reported.has(ticket))
      skip(outcome, 'satisfaction_rating', idKey(ratings.get(ticket)!.id), `ticket ${ticket} is not in the export`);
  await inTransaction(ctx.db, async (trx) => {
    await recordSkips(trx, ctx.run.id, outcome.skips);
    const counts = ctx.run.counts;
    const c = (counts.satisfaction_rating ??= { imported: 0, unchanged: 0, skipped: 0 });
    c.skipped += outcome.skips.length;
    ctx.run.checkpoint[step] = { position: candidates.length, done: true };
    await saveProgress(trx, ctx.run);
  });
}
