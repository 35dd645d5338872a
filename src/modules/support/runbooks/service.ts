import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { memberRefs } from '../../team/index.js';
import * as tickets from '../tickets/ticket-repository.js';
import { getTicket } from '../tickets/ticket-service.js';
import * as repo from './repository.js';
import type { Runbook, RunbookInput, RunbookStep } from '../contract/runbooks.js';
import { rankRunbooks } from './suggestions.js';

export async function getRunbook(db: Kysely<Database>, id: string): Promise<Runbook> {
  const runbook = await repo.findRunbook(db, id);
  if (!runbook) throw errors.runbookNotFound();
  return runbook;
}

export { listRunbooks } from './repository.js';

async function assertOwner(db: Kysely<Database>, id: string): Promise<void> {
  const row = (await memberRefs(db, [id])).get(id);
  if (!row || row.status === 'disabled') throw errors.referenceMissing('active member', 'ownerId');
}

function columnsOf(input: RunbookInput) {
  const steps: RunbookStep[] = input.steps.map((s, index) => ({
    index,
    instruction: s.instruction,
    expectedResult: s.expectedResult || null,
    inputLabel: s.inputLabel || null,
  }));
  return {
    title: input.title,
    description: input.description,
    tags: JSON.stringify([...new Set(input.tags)]),
    keywords: JSON.stringify([...new Set(input.keywords)]),
    steps: JSON.stringify(steps),
    status: input.status,
  };
}

/** Creates a runbook (`id` null) or replaces one; the owner defaults to whoever writes it. */
export async function saveRunbook(db: Kysely<Database>, ctx: ChangeContext, id: string | null, input: RunbookInput): Promise<Runbook> {
  const before = id ? await getRunbook(db, id) : null;
  const ownerId = input.ownerId ?? before?.owner.id ?? ctx.memberId;
  if (!ownerId) throw errors.referenceMissing('active member', 'ownerId');
  if (input.ownerId) await assertOwner(db, input.ownerId);
  const runbookId = id ?? newId();
  const at = new Date().toISOString();
  const columns = { ...columnsOf(input), owner_id: ownerId, updated_at: at };
  await inTransaction(db, async (trx) => {
    if (before) await trx.updateTable('runbooks').set(columns).where('id', '=', runbookId).execute();
    else
      await trx
        .insertInto('runbooks')
        .values({ id: runbookId, ...columns, created_at: at })
        .execute();
    const after = {
      title: input.title,
      status: input.status,
      ownerId,
      tags: input.tags,
      keywords: input.keywords,
      steps: input.steps.length,
    };
    await recordAudit(trx, ctx, {
      action: before ? 'runbook.updated' : 'runbook.created',
      recordType: 'runbook',
      recordId: runbookId,
      changes: diff(
        before
          ? {
              title: before.title,
              status: before.status,
              ownerId: before.owner.id,
              tags: before.tags,
              keywords: before.keywords,
              steps: before.steps.length,
            }
          : null,
        after,
      ),
    });
  });
  return getRunbook(db, runbookId);
}

/** The ticket's text a suggestion looks at: its tags, subject and the requester's first message. */
export async function ticketText(db: Kysely<Database>, ticketId: string) {
  const ticket = await getTicket(db, ticketId);
  const first = await db
    .selectFrom('ticket_messages')
    .select('body')
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return { tags: ticket.tags, subject: ticket.subject, firstMessage: first?.body ?? '' };
}

/** Active runbooks ranked for the ticket (DESIGN §1: Tier 1 works routine cases by script). */
export async function suggestRunbooks(db: Kysely<Database>, ticketId: string, limit = 5) {
  if (!(await tickets.findTicketRow(db, ticketId))) throw errors.ticketNotFound();
  const [text, active] = await Promise.all([ticketText(db, ticketId), repo.listRunbooks(db, { status: 'active' })]);
  return rankRunbooks(active, text, limit);
}
