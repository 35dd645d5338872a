import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists } from '../../accounts/index.js';
import type { createRoundBody, UatRound } from '../contract/uat.js';
import { addInvitees, checkInvitees, type InviteContext } from './invite-service.js';
import { findRequest, findRound } from './repository.js';
import { getRound } from './round-view.js';

/**
 * A UAT round's life: created on a request being built (with its cases and first invitees), tested
 * and signed off by the customer in the portal, closed by the team. Cases: case-service.ts;
 * invitations: invite-service.ts; the customer's side: portal-service.ts.
 */

/**
 * Starts a round on a feature request in progress. Only `in_progress` qualifies: before that there
 * is nothing to test, after it (shipped, declined) acceptance has no decision left to inform.
 */
export async function createRound(
  db: Kysely<Database>,
  ctx: ChangeContext,
  requestId: string,
  input: z.output<typeof createRoundBody>,
  invite: InviteContext,
): Promise<UatRound> {
  const request = await findRequest(db, requestId);
  if (!request) throw errors.featureRequestNotFound();
  if (request.merged_into_id) throw errors.featureRequestMerged({ mergedIntoId: request.merged_into_id });
  if (request.status !== 'in_progress') throw errors.uatRequestNotInProgress(request.status);
  if (!(await accountExists(db, input.accountId))) throw errors.referenceMissing('account', 'accountId');
  const contacts = await checkInvitees(db, input.contactIds, input.accountId);
  const id = newId();
  const at = (invite.now ?? new Date()).toISOString();
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('uat_rounds')
      .values({
        id,
        request_id: requestId,
        account_id: input.accountId,
        title: input.title,
        status: 'open',
        created_by: ctx.memberId,
        created_at: at,
        updated_at: at,
        signed_off_contact_id: null,
        signed_off_name: null,
        signed_off_at: null,
      })
      .execute();
    if (input.cases.length) {
      await trx
        .insertInto('uat_cases')
        .values(input.cases.map((c, i) => ({ id: newId(), round_id: id, position: i + 1, ...c })))
        .execute();
    }
    await recordAudit(trx, ctx, {
      action: 'uat_round.created',
      recordType: 'uat_round',
      recordId: id,
      changes: diff(null, { requestId, accountId: input.accountId, title: input.title, cases: input.cases.length }),
    });
    const round = (await findRound(trx, id))!;
    await addInvitees(trx, ctx, round, contacts, invite);
  });
  return getRound(db, id);
}

/**
 * Closes a round: an open one the team stops (no sign-off), or a signed-off one that is done.
 * Nothing about it changes afterwards; a new round tests again.
 */
export async function closeRound(db: Kysely<Database>, ctx: ChangeContext, id: string, now = new Date()): Promise<UatRound> {
  await inTransaction(db, async (trx) => {
    const round = await findRound(trx, id);
    if (!round) throw errors.uatRoundNotFound();
    if (round.status === 'closed') throw errors.uatRoundNotOpen(round.status);
    await trx.updateTable('uat_rounds').set({ status: 'closed', updated_at: now.toISOString() }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, {
      action: 'uat_round.closed',
      recordType: 'uat_round',
      recordId: id,
      changes: diff({ status: round.status }, { status: 'closed' }),
    });
  });
  return getRound(db, id);
}
