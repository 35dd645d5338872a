import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { getEnvironment } from '../../delivery/index.js';
import { addAgentMessage, ticketRefs } from '../../support/index.js';
import type { EngineeringIssue } from '../contract/engineering.js';
import { findIssueRow, findTicketLink, insertTicketLink } from './issue-repository.js';
import { getEngineeringIssue } from './issue-view.js';

/**
 * One bug, many tickets: linking and unlinking tickets and a feature request, and the fix-shipped
 * reply drafted on each ticket (send or discard).
 */

/** Links a ticket (again is a no-op). An issue without an environment takes the ticket's. */
export async function linkTicket(db: Kysely<Database>, ctx: ChangeContext, issueId: string, ticketId: string): Promise<EngineeringIssue> {
  await inTransaction(db, async (trx) => {
    const row = await findIssueRow(trx, issueId);
    if (!row) throw errors.engineeringIssueNotFound();
    const ticket = (await ticketRefs(trx, [ticketId])).get(ticketId);
    if (!ticket) throw errors.referenceMissing('ticket', 'ticketId');
    if (await findTicketLink(trx, issueId, ticketId)) return;
    const at = new Date().toISOString();
    await insertTicketLink(trx, issueId, ticketId, ctx.memberId, at);
    if (!row.environment_id && ticket.deploymentId) {
      const env = await getEnvironment(trx, ticket.deploymentId).catch(() => null);
      if (env) {
        await trx
          .updateTable('engineering_issues')
          .set({ environment_id: env.id, product_version: env.version, configuration: JSON.stringify(env.configuration), updated_at: at })
          .where('id', '=', issueId)
          .execute();
      }
    }
    await recordAudit(trx, ctx, {
      action: 'engineering_issue.ticket_linked',
      recordType: 'engineering_issue',
      recordId: issueId,
      changes: { ticketId: [null, ticketId] },
    });
  });
  return getEngineeringIssue(db, issueId);
}

export async function unlinkTicket(db: Kysely<Database>, ctx: ChangeContext, issueId: string, ticketId: string): Promise<EngineeringIssue> {
  await inTransaction(db, async (trx) => {
    if (!(await findIssueRow(trx, issueId))) throw errors.engineeringIssueNotFound();
    if (!(await findTicketLink(trx, issueId, ticketId))) throw errors.engineeringIssueNotLinked();
    await trx.deleteFrom('engineering_issue_tickets').where('issue_id', '=', issueId).where('ticket_id', '=', ticketId).execute();
    await recordAudit(trx, ctx, {
      action: 'engineering_issue.ticket_unlinked',
      recordType: 'engineering_issue',
      recordId: issueId,
      changes: { ticketId: [ticketId, null] },
    });
  });
  return getEngineeringIssue(db, issueId);
}

/** Links the feature request the bug belongs to (null unlinks it). */
export async function linkFeatureRequest(
  db: Kysely<Database>,
  ctx: ChangeContext,
  issueId: string,
  featureRequestId: string | null,
): Promise<EngineeringIssue> {
  await inTransaction(db, async (trx) => {
    const row = await findIssueRow(trx, issueId);
    if (!row) throw errors.engineeringIssueNotFound();
    if (featureRequestId) {
      const request = await trx.selectFrom('feature_requests').select('id').where('id', '=', featureRequestId).executeTakeFirst();
      if (!request) throw errors.referenceMissing('feature request', 'featureRequestId');
    }
    if (row.feature_request_id === featureRequestId) return;
    await trx
      .updateTable('engineering_issues')
      .set({ feature_request_id: featureRequestId, updated_at: new Date().toISOString() })
      .where('id', '=', issueId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'engineering_issue.updated',
      recordType: 'engineering_issue',
      recordId: issueId,
      changes: { feature_request_id: [row.feature_request_id, featureRequestId] },
    });
  });
  return getEngineeringIssue(db, issueId);
}

/** Sends the drafted fix reply (as edited, when a body is given) as the agent's public reply. */
export async function sendDraftedReply(
  db: Kysely<Database>,
  ctx: ChangeContext,
  issueId: string,
  ticketId: string,
  body?: string,
): Promise<EngineeringIssue> {
  await inTransaction(db, async (trx) => {
    const link = await findTicketLink(trx, issueId, ticketId);
    if (!link) throw errors.engineeringIssueNotLinked();
    if (!link.drafted_reply) throw errors.engineeringIssueNoDraft();
    await addAgentMessage(trx, ctx, ticketId, { visibility: 'public', body: body ?? link.drafted_reply });
    await trx
      .updateTable('engineering_issue_tickets')
      .set({ drafted_reply: null, reply_sent_at: new Date().toISOString() })
      .where('issue_id', '=', issueId)
      .where('ticket_id', '=', ticketId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'engineering_issue.reply_sent',
      recordType: 'engineering_issue',
      recordId: issueId,
      changes: { ticketId: [null, ticketId] },
    });
  });
  return getEngineeringIssue(db, issueId);
}

export async function discardDraftedReply(
  db: Kysely<Database>,
  ctx: ChangeContext,
  issueId: string,
  ticketId: string,
): Promise<EngineeringIssue> {
  await inTransaction(db, async (trx) => {
    const link = await findTicketLink(trx, issueId, ticketId);
    if (!link) throw errors.engineeringIssueNotLinked();
    if (!link.drafted_reply) throw errors.engineeringIssueNoDraft();
    await trx
      .updateTable('engineering_issue_tickets')
      .set({ drafted_reply: null })
      .where('issue_id', '=', issueId)
      .where('ticket_id', '=', ticketId)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'engineering_issue.reply_discarded',
      recordType: 'engineering_issue',
      recordId: issueId,
      changes: { ticketId: [ticketId, null] },
    });
  });
  return getEngineeringIssue(db, issueId);
}
