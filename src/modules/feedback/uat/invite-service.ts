import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountRefs, contactRefs, type ContactRef } from '../../accounts/index.js';
import { portalAccessDisabled } from '../../identity/index.js';
import { enqueueEmail } from '../../platform/index.js';
import { memberRefs } from '../../team/index.js';
import type { UatRound } from '../contract/uat.js';
import { composeInvitationMail } from './invitation-mail.js';
import { casesOf, findRound, inviteesOf, touchRound, type RoundRow } from './repository.js';
import { getRound } from './round-view.js';

/**
 * Inviting customer contacts to test a round. An invitee is told twice: the round appears on their
 * portal's "Acceptance testing" page (the invitee row is the invitation), and an e-mail through the
 * platform's mail outbox links to it.
 */

/**
 * The contacts named, checked: each exists (422), belongs to the round's account (422) and can sign
 * in to the portal (422) — an invitation they cannot open helps nobody. De-duplicated, in order.
 */
export async function checkInvitees(db: Kysely<Database>, contactIds: readonly string[], accountId: string): Promise<ContactRef[]> {
  const ids = [...new Set(contactIds)];
  if (ids.length === 0) return [];
  const found = await contactRefs(db, ids);
  if (ids.some((id) => !found.has(id))) throw errors.referenceMissing('contact', 'contactIds');
  const foreign = ids.filter((id) => found.get(id)!.accountId !== accountId);
  if (foreign.length) throw errors.uatContactNotOnAccount({ field: 'contactIds', contactIds: foreign });
  const disabled = await portalAccessDisabled(db, ids);
  if (disabled.size) throw errors.uatContactNoPortal({ field: 'contactIds', contactIds: [...disabled] });
  return ids.map((id) => found.get(id)!);
}

export interface InviteContext {
  /** Where the portal lives, for the link in the e-mail (OUTPOST_PUBLIC_URL or the request's host). */
  publicUrl: string;
  now?: Date;
}

/**
 * Adds the contacts not yet invited and e-mails each of them, in the caller's transaction. Returns
 * the contacts newly invited; one already invited is neither added nor mailed again.
 */
export async function addInvitees(
  trx: Kysely<Database>,
  ctx: ChangeContext,
  round: RoundRow,
  contacts: readonly ContactRef[],
  invite: InviteContext,
): Promise<ContactRef[]> {
  const now = invite.now ?? new Date();
  const already = new Set((await inviteesOf(trx, [round.id])).map((i) => i.contact_id));
  const fresh = contacts.filter((c) => !already.has(c.id));
  if (fresh.length === 0) return [];
  const [account, sender, caseCount] = await Promise.all([
    accountRefs(trx, [round.account_id]).then((m) => m.get(round.account_id)),
    ctx.memberId ? memberRefs(trx, [ctx.memberId]).then((m) => m.get(ctx.memberId!)) : undefined,
    casesOf(trx, [round.id]).then((c) => c.length),
  ]);
  const link = `${invite.publicUrl.replace(/\/$/, '')}/portal/acceptance/${round.id}`;
  for (const contact of fresh) {
    await trx
      .insertInto('uat_invitees')
      .values({ round_id: round.id, contact_id: contact.id, invited_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['round_id', 'contact_id']).doNothing())
      .execute();
    const mail = composeInvitationMail({
      roundTitle: round.title,
      accountName: account?.name ?? 'your organisation',
      contactName: contact.name,
      caseCount,
      link,
      senderName: sender?.name ?? null,
    });
    await enqueueEmail(
      trx,
      { to: [contact.email], subject: mail.subject, text: mail.text, headers: { 'X-Outpost-Uat-Round': round.id } },
      now,
    );
  }
  await recordAudit(trx, ctx, {
    action: 'uat_round.invited',
    recordType: 'uat_round',
    recordId: round.id,
    changes: { invitees: [null, fresh.map((c) => ({ contactId: c.id, email: c.email }))] },
  });
  return fresh;
}

/** Invites more contacts of the round's account to an open round. */
export async function inviteContacts(
  db: Kysely<Database>,
  ctx: ChangeContext,
  roundId: string,
  contactIds: readonly string[],
  invite: InviteContext,
): Promise<UatRound> {
  const round = await findRound(db, roundId);
  if (!round) throw errors.uatRoundNotFound();
  if (round.status !== 'open') throw errors.uatRoundNotOpen(round.status);
  const contacts = await checkInvitees(db, contactIds, round.account_id);
  await inTransaction(db, async (trx) => {
    const fresh = await addInvitees(trx, ctx, round, contacts, invite);
    if (fresh.length) await touchRound(trx, round.id, (invite.now ?? new Date()).toISOString());
  });
  return getRound(db, roundId);
}
