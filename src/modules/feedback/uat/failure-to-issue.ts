import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import type { issueFromResultBody, UatRound } from '../contract/uat.js';
import { createEngineeringIssue } from '../engineering/issue-service.js';
import { findResult, findRound, touchRound } from './repository.js';
import { getRound } from './round-view.js';

/**
 * "Failure → engineering issue" in one click: the case's steps and expected result become the
 * reproduction, the contact's comment the actual result, and the issue is linked to the round's
 * feature request. One issue per failure: the link is set only where none is, in the same
 * transaction as the issue, so a second click (or a concurrent one) creates nothing.
 *
 * The issue is written inside this transaction (the engineering service joins it) so that the
 * issue and the link exist together or not at all; with a GitHub or Jira tracker configured, the
 * tracker call happens inside it too, which we accept for a one-click action taken rarely.
 */
export async function failureToIssue(
  db: Kysely<Database>,
  ctx: ChangeContext,
  resultId: string,
  input: z.output<typeof issueFromResultBody>,
): Promise<{ issue: { id: string; key: string; status: string; title: string }; round: UatRound }> {
  const result = await findResult(db, resultId);
  if (!result) throw errors.uatResultNotFound();
  if (result.engineering_issue_id) throw errors.uatIssueExists(result.engineering_issue_id);
  if (result.outcome !== 'fail') throw errors.uatResultNotAFailure();
  const round = (await findRound(db, result.round_id))!;
  const [account, contact] = await Promise.all([
    accountRefs(db, [round.account_id]).then((m) => m.get(round.account_id)),
    contactRefs(db, [result.contact_id]).then((m) => m.get(result.contact_id)),
  ]);
  const title = (input.title ?? `UAT: “${result.case_title}” fails for ${account?.name ?? 'the customer'}`).slice(0, 300);
  const actual = [
    result.comment ?? '',
    '',
    `Reported by ${contact?.name ?? 'a customer contact'} in the acceptance test “${round.title}” on ${result.recorded_at.slice(0, 10)}.`,
  ].join('\n');

  const issue = await inTransaction(db, async (trx) => {
    const created = await createEngineeringIssue(trx, ctx, {
      title,
      severity: input.severity,
      reproSteps: result.steps,
      reproExpected: result.expected,
      reproActual: actual,
      featureRequestId: round.request_id,
    });
    const linked = await trx
      .updateTable('uat_results')
      .set({ engineering_issue_id: created.id })
      .where('id', '=', resultId)
      .where('engineering_issue_id', 'is', null)
      .where('outcome', '=', 'fail')
      .executeTakeFirst();
    // Someone linked (or re-tested) it meanwhile: roll the new issue back rather than keep a second one.
    if (Number(linked.numUpdatedRows) !== 1) {
      const now = await findResult(trx, resultId);
      if (now?.engineering_issue_id) throw errors.uatIssueExists(now.engineering_issue_id);
      throw errors.uatResultNotAFailure();
    }
    await touchRound(trx, round.id, new Date().toISOString());
    await recordAudit(trx, ctx, {
      action: 'uat_result.engineering_issue_created',
      recordType: 'uat_result',
      recordId: resultId,
      changes: { engineeringIssueId: [null, created.id] },
    });
    return created;
  });
  return { issue: { id: issue.id, key: issue.key, status: issue.status, title: issue.title }, round: await getRound(db, round.id) };
}
