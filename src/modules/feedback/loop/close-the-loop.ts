import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountRefs, accountTeamSlots, contactRefs, type ContactRef } from '../../accounts/index.js';
import { enqueueEmail, notifyMembers, publicBaseUrl } from '../../platform/index.js';
import { memberRefs } from '../../team/index.js';
import { composeContactMail, composeNotice, composeTeamMessage, type ShippedRequest } from './loop-mail.js';
import { requestFamily, survivingRequest } from './request-family.js';

export const SHIPPED_NOTICE = 'shipped';
export const SHIPPED_NOTIFICATION = 'feedback.request_shipped';
/** Where a contact reads their product updates and switches them off (web/src/modules/portal). */
export const PORTAL_UPDATES_PATH = '/portal/updates';

const distinct = <T>(values: Iterable<T | null | undefined>) => [...new Set([...values].filter((v): v is T => v != null))];

/**
 * Tells everyone who asked for a request that it shipped. Call it inside the transaction that sets
 * the request's status to `shipped`, so the notices, mails and notifications commit with it.
 *
 * - Each contact linked through the feedback items of the request and of every request merged into
 *   it gets one portal notice and one e-mail, recorded against the surviving request. A contact who
 *   already has a "shipped" notice for any request of the family, opted out of product updates, or
 *   has no e-mail address is skipped; the items of the contacts told get `customer_told_at`.
 * - Each linked account's team is notified in the app and by e-mail, once per member and request.
 *
 * Calling it again tells nobody twice.
 *
 * @example await closeTheLoop(trx, ctx, request.id, now);
 */
export async function closeTheLoop(
  db: Kysely<Database>,
  ctx: ChangeContext,
  requestId: string,
  now = new Date(),
): Promise<{ contactsTold: number; membersTold: number }> {
  return inTransaction(db, async (trx) => {
    const root = await survivingRequest(trx, requestId);
    const request: ShippedRequest = { id: root.id, title: root.title, targetRelease: root.targetRelease };
    const family = await requestFamily(trx, root.id);
    const items = await trx.selectFrom('feedback_items').select(['account_id', 'contact_id']).where('request_id', 'in', family).execute();
    if (items.length === 0) return { contactsTold: 0, membersTold: 0 };
    const contactIds = distinct(items.map((i) => i.contact_id));

    const alreadyTold = new Set(
      contactIds.length === 0
        ? []
        : (
            await trx
              .selectFrom('feedback_notices')
              .select('contact_id')
              .where('request_id', 'in', family)
              .where('kind', '=', SHIPPED_NOTICE)
              .where('contact_id', 'in', contactIds)
              .execute()
          ).map((r) => r.contact_id),
    );
    const optedOut = new Set(
      contactIds.length === 0
        ? []
        : (await trx.selectFrom('feedback_opt_outs').select('contact_id').where('contact_id', 'in', contactIds).execute()).map(
            (r) => r.contact_id,
          ),
    );
    const contacts = await contactRefs(trx, contactIds);
    const toTell = contactIds
      .filter((id) => !alreadyTold.has(id) && !optedOut.has(id))
      .map((id) => contacts.get(id))
      .filter((c): c is ContactRef => Boolean(c?.email.trim()));

    const at = now.toISOString();
    const notice = composeNotice(request);
    const updatesUrl = `${publicBaseUrl()}${PORTAL_UPDATES_PATH}`;
    for (const contact of toTell) {
      const mail = composeContactMail(request, contact.name, updatesUrl);
      const outboxId = await enqueueEmail(
        trx,
        { to: [contact.email.trim()], subject: mail.subject, text: mail.text, headers: { 'X-Outpost-Feature-Request': root.id } },
        now,
      );
      await trx
        .insertInto('feedback_notices')
        .values({
          id: newId(),
          request_id: root.id,
          contact_id: contact.id,
          account_id: contact.accountId,
          kind: SHIPPED_NOTICE,
          title: notice.title,
          body: notice.body,
          outbox_email_id: outboxId,
          created_at: at,
          read_at: null,
        })
        .execute();
    }

    // "Customer told on <date>": every item of a contact who now holds a notice for this family.
    const told = [...alreadyTold, ...toTell.map((c) => c.id)];
    if (told.length > 0) {
      await trx
        .updateTable('feedback_items')
        .set({ customer_told_at: at })
        .where('request_id', 'in', family)
        .where('contact_id', 'in', told)
        .where('customer_told_at', 'is', null)
        .execute();
    }

    const membersTold = await tellAccountTeams(trx, request, items, new Set(told), contacts, now);
    if (toTell.length > 0 || membersTold > 0) {
      await recordAudit(trx, ctx, {
        action: 'feature_request.customers_told',
        recordType: 'feature_request',
        recordId: root.id,
        changes: { contactsTold: [null, toTell.map((c) => c.id)], membersTold: [null, membersTold] },
      });
    }
    return { contactsTold: toTell.length, membersTold };
  });
}

/**
 * One notification (app and e-mail) per member of any linked account's team, naming the member's
 * accounts that asked. Active members only; `once` keeps a second call from telling them again.
 */
async function tellAccountTeams(
  db: Kysely<Database>,
  request: ShippedRequest,
  items: readonly { account_id: string; contact_id: string | null }[],
  told: ReadonlySet<string>,
  contacts: ReadonlyMap<string, ContactRef>,
  now: Date,
): Promise<number> {
  const accountIds = distinct(items.map((i) => i.account_id));
  const accounts = await accountRefs(db, accountIds);
  const toldPerAccount = new Map<string, number>();
  for (const id of told) {
    const accountId = contacts.get(id)?.accountId;
    if (accountId) toldPerAccount.set(accountId, (toldPerAccount.get(accountId) ?? 0) + 1);
  }
  const accountsOfMember = new Map<string, string[]>();
  for (const accountId of accountIds) {
    for (const slot of await accountTeamSlots(db, accountId)) {
      const mine = accountsOfMember.get(slot.memberId) ?? [];
      if (!mine.includes(accountId)) mine.push(accountId);
      accountsOfMember.set(slot.memberId, mine);
    }
  }
  const members = await memberRefs(db, accountsOfMember.keys());
  let membersTold = 0;
  for (const [memberId, theirAccounts] of accountsOfMember) {
    const member = members.get(memberId);
    if (!member || member.status !== 'active') continue;
    const message = composeTeamMessage(
      request,
      theirAccounts.map((id) => ({ name: accounts.get(id)?.name ?? 'An account', contactsTold: toldPerAccount.get(id) ?? 0 })),
    );
    const notified = await notifyMembers(
      db,
      [{ memberId, email: member.email, name: member.name }],
      { kind: SHIPPED_NOTIFICATION, ...message, link: `/feedback/requests/${request.id}` },
      { email: true, once: true },
      now,
    );
    membersTold += notified.length;
  }
  return membersTold;
}
