import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { escalateTicket, listMessages, ticketRefs } from '../../support/index.js';
import type { EngineeringEscalationInput, EngineeringIssue } from '../contract/engineering.js';
import { engineeringEscalationBody } from '../contract/engineering.js';
import { createEngineeringIssue } from './issue-service.js';
import { linkTicket } from './issue-links.js';
import { findIssueRow } from './issue-repository.js';
import { getEngineeringIssue } from './issue-view.js';
import { readTrackers } from './tracker-settings.js';

/**
 * Escalating a ticket to engineering: the ticket moves to the engineering tier (support writes the
 * escalation record) and an engineering issue is created for it or an existing one linked, in one
 * transaction. The escalation's engineering link (kept for old clients of the support API) is the
 * tracker page, or the issue's page in Outpost.
 */
export async function escalateToEngineering(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  raw: EngineeringEscalationInput,
): Promise<{ escalationId: string; issue: EngineeringIssue }> {
  const input = engineeringEscalationBody.parse(raw);
  const ticket = (await ticketRefs(db, [ticketId])).get(ticketId);
  if (!ticket) throw errors.ticketNotFound();
  // Checked before a tracker issue is created, so a refused escalation leaves nothing behind.
  if (ticket.status === 'closed') throw errors.ticketClosed();
  if (ticket.tier === 'engineering') throw errors.escalationSameTier();
  if (input.issueId && !(await findIssueRow(db, input.issueId))) throw errors.referenceMissing('engineering issue', 'issueId');
  const tracker = input.newIssue ? (input.newIssue.tracker ?? (await readTrackers(db)).defaultTracker) : null;
  // A GitHub or Jira issue is created before the transaction: a remote call must not hold it open
  // (createEngineeringIssue writes nothing when the tracker fails). An Outpost issue is created in it.
  const remote = input.newIssue && tracker !== 'outpost' ? await createEngineeringIssue(db, ctx, { ...input.newIssue, ticketId }) : null;
  return inTransaction(db, async (trx) => {
    const issue = remote
      ? remote
      : input.newIssue
        ? await createEngineeringIssue(trx, ctx, { ...input.newIssue, ticketId, tracker: 'outpost' })
        : await linkTicket(trx, ctx, input.issueId!, ticketId);
    const escalation = await escalateTicket(trx, ctx, ticketId, {
      toTier: 'engineering',
      reason: input.reason,
      summary: input.summary,
      engineeringLink: issue.trackerUrl ?? `/engineering-issues/${issue.id}`,
      ...(input.groupId !== undefined ? { groupId: input.groupId } : {}),
    });
    return { escalationId: escalation.id, issue: await getEngineeringIssue(trx, issue.id) };
  });
}

/** The escalation dialog's prefilled issue: subject, the customer's first message, the environment. */
export async function engineeringIssueDraft(db: Kysely<Database>, ticketId: string) {
  const ticket = (await ticketRefs(db, [ticketId])).get(ticketId);
  if (!ticket) throw errors.ticketNotFound();
  const messages = await listMessages(db, ticketId);
  const first = messages.find((m) => m.author.type === 'contact') ?? messages[0];
  return {
    title: ticket.subject,
    reproSteps: first ? first.body.slice(0, 20_000) : '',
    reproExpected: '',
    reproActual: '',
    environmentId: ticket.deploymentId,
  };
}
