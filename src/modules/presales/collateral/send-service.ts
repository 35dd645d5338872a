import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import type { Page } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import { enqueueEmail, mailSettings, outboxEmailStates, type OutboxEmailState } from '../../platform/index.js';
import { memberRefs } from '../../team/index.js';
import type {
  CollateralSend,
  MostSent,
  OpportunityCollateral,
  mostSentQuery,
  sendCollateralBody,
  sendListQuery,
} from '../contract/collateral.js';
import { logOpportunityInteraction } from '../opportunities/interaction-links.js';
import { opportunityRefs } from '../opportunities/opportunity-refs.js';
import * as repo from './collateral-repository.js';
import { versionDownloadUrl } from './collateral-service.js';
import type { CollateralSendsTable } from './tables.js';

/**
 * Sends a version of an item for an opportunity: queues one mail to the chosen contacts of its
 * account with the file attached (through the platform outbox, so it goes out after commit, with
 * retries), records the send with that mail, and logs it as an e-mail on the account's timeline so
 * the account team sees it — all in one transaction. With no contacts the send is only recorded
 * (the file went out some other way). A file over the mail limit is refused before anything is written.
 */
export async function sendCollateral(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  input: z.output<typeof sendCollateralBody>,
  now = new Date(),
): Promise<CollateralSend> {
  const opportunity = (await opportunityRefs(db, [opportunityId])).get(opportunityId);
  if (!opportunity) throw errors.opportunityNotFound();
  const version = await repo.findVersionMeta(db, input.versionId);
  if (!version) throw errors.referenceMissing('collateral version', 'versionId');
  const item = (await repo.findItemRow(db, version.item_id))!;
  if (item.status === 'archived') throw errors.collateralArchived();
  const contactIds = [...new Set(input.contactIds)];
  const contacts = await contactRefs(db, contactIds);
  if (contacts.size !== contactIds.length) throw errors.referenceMissing('contact', 'contactIds');
  if ([...contacts.values()].some((c) => c.accountId !== opportunity.accountId)) throw errors.collateralContactNotOnAccount();
  const { maxAttachmentBytes } = mailSettings();
  if (contactIds.length && Number(version.size_bytes) > maxAttachmentBytes) throw errors.collateralTooLargeToEmail(maxAttachmentBytes);
  const file = contactIds.length ? (await repo.findVersionFile(db, item.id, version.id))! : null;
  const sender = ctx.memberId ? (await memberRefs(db, [ctx.memberId])).get(ctx.memberId) : undefined;

  const at = now.toISOString();
  const row: CollateralSendsTable = {
    id: newId(),
    item_id: item.id,
    version_id: version.id,
    opportunity_id: opportunity.id,
    account_id: opportunity.accountId,
    contact_ids: JSON.stringify(contactIds),
    note: input.note,
    sent_by: ctx.memberId,
    sent_at: at,
    interaction_id: null,
    email_id: null,
  };
  await inTransaction(db, async (trx) => {
    if (file) {
      row.email_id = await enqueueEmail(
        trx,
        {
          to: contactIds.map((id) => contacts.get(id)!.email),
          subject: item.title,
          text: collateralMailText({
            contacts: contactIds.map((id) => contacts.get(id)!.name),
            title: item.title,
            filename: file.filename,
            note: input.note,
            sender: sender?.name ?? null,
          }),
          headers: sender ? { 'Reply-To': sender.email } : {},
          attachments: [{ filename: file.filename, contentType: file.content_type, content: Buffer.from(file.content) }],
        },
        now,
      );
    }
    // Through the deal: on the account's timeline (accounts module) and the deal's activity.
    const interaction = await logOpportunityInteraction(trx, ctx, opportunity.id, {
      kind: 'email',
      occurredAt: at,
      durationMinutes: 0,
      subject: `Sent “${item.title}” (version ${version.version}) for ${opportunity.name}`.slice(0, 300),
      notes: [
        `Collateral: ${item.title}, version ${version.version} (${version.filename})`,
        `Opportunity: ${opportunity.name}`,
        ...(input.note ? ['', input.note] : []),
      ].join('\n'),
      memberIds: ctx.memberId ? [ctx.memberId] : [],
      contactIds,
    });
    row.interaction_id = interaction.id;
    await repo.insertSend(trx, row);
    await repo.countSend(trx, item.id, at);
    await recordAudit(trx, ctx, {
      action: 'collateral.sent',
      recordType: 'collateral',
      recordId: item.id,
      changes: diff(null, {
        sendId: row.id,
        opportunityId: opportunity.id,
        versionId: version.id,
        version: version.version,
        contactIds,
        interactionId: interaction.id,
        emailId: row.email_id,
      }),
    });
  });
  const [send] = await toSends(db, [
    {
      ...row,
      item_title: item.title,
      item_kind: item.kind,
      item_status: item.status,
      current_version_id: item.current_version_id,
      version_number: version.version,
      filename: version.filename,
      content_type: version.content_type,
      size_bytes: version.size_bytes,
    },
  ]);
  return send!;
}

/**
 * Deletes a send recorded by mistake, under the opportunity it was recorded for (any other path is
 * a 404, so a deal's page never reaches another deal's sends). The item's send count and last
 * send follow. The e-mail it logged stays on the account's timeline: it went out.
 */
export async function deleteCollateralSend(db: Kysely<Database>, ctx: ChangeContext, opportunityId: string, sendId: string): Promise<void> {
  const send = await repo.findSend(db, sendId);
  if (!send || send.opportunity_id !== opportunityId) throw errors.collateralSendNotFound();
  await inTransaction(db, async (trx) => {
    await repo.deleteSend(trx, send);
    await recordAudit(trx, ctx, {
      action: 'collateral.send_deleted',
      recordType: 'collateral',
      recordId: send.item_id,
      changes: diff(
        {
          sendId: send.id,
          opportunityId: send.opportunity_id,
          versionId: send.version_id,
          contactIds: JSON.parse(send.contact_ids) as string[],
          sentAt: send.sent_at,
          interactionId: send.interaction_id,
        },
        null,
      ),
    });
  });
}

/** An item's send history: which opportunities got which version, newest first. */
export async function listItemSends(
  db: Kysely<Database>,
  itemId: string,
  page: z.output<typeof sendListQuery>,
): Promise<Page<CollateralSend>> {
  if (!(await repo.findItemRow(db, itemId))) throw errors.collateralNotFound();
  const rows = await repo.listSends(db, { itemId }, page);
  return { items: await toSends(db, rows.items), nextCursor: rows.nextCursor };
}

/** What was sent for one deal, newest first, with the deal (the send dialog offers its account's contacts). */
export async function listOpportunitySends(
  db: Kysely<Database>,
  opportunityId: string,
  page: z.output<typeof sendListQuery>,
): Promise<OpportunityCollateral> {
  const opportunity = (await opportunityRefs(db, [opportunityId])).get(opportunityId);
  if (!opportunity) throw errors.opportunityNotFound();
  const rows = await repo.listSends(db, { opportunityId }, page);
  const account = (await accountRefs(db, [opportunity.accountId])).get(opportunity.accountId);
  return {
    opportunity: { id: opportunity.id, name: opportunity.name, accountId: opportunity.accountId, accountName: account?.name ?? '' },
    items: await toSends(db, rows.items),
    nextCursor: rows.nextCursor,
  };
}

/** The items sent most (in the last `days`, or ever), with how many deals they went to. */
export async function mostSentCollateral(db: Kysely<Database>, q: z.output<typeof mostSentQuery>, now = new Date()): Promise<MostSent> {
  const since = q.days ? new Date(now.getTime() - q.days * 86_400_000).toISOString() : null;
  const rows = await repo.mostSentRows(db, since, q.limit);
  const items = new Map(
    (
      await repo.itemsWithCurrent(
        db,
        rows.map((r) => r.item_id),
      )
    ).map((i) => [i.id, i]),
  );
  return {
    since,
    items: rows.flatMap((r) => {
      const item = items.get(r.item_id);
      return item
        ? [
            {
              item: { id: item.id, title: item.title, kind: item.kind, status: item.status },
              sends: r.sends,
              opportunities: r.opportunities,
              lastSentAt: r.last_sent_at,
            },
          ]
        : [];
    }),
  };
}

/** Sends as the lists show them: the deal, its account, the contacts and the sender by name (batch reads). */
async function toSends(db: Kysely<Database>, rows: repo.SendRow[]): Promise<CollateralSend[]> {
  const contactIdsOf = new Map(rows.map((r) => [r.id, JSON.parse(r.contact_ids) as string[]]));
  const [opportunities, accounts, contacts, members, mails] = await Promise.all([
    opportunityRefs(
      db,
      rows.map((r) => r.opportunity_id),
    ),
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    contactRefs(db, [...contactIdsOf.values()].flat()),
    memberRefs(
      db,
      rows.map((r) => r.sent_by),
    ),
    outboxEmailStates(
      db,
      rows.map((r) => r.email_id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    item: { id: r.item_id, title: r.item_title, kind: r.item_kind, status: r.item_status },
    version: {
      id: r.version_id,
      number: Number(r.version_number),
      filename: r.filename,
      contentType: r.content_type,
      sizeBytes: Number(r.size_bytes),
      downloadUrl: versionDownloadUrl(r.item_id, r.version_id),
    },
    superseded: r.current_version_id !== r.version_id,
    opportunity: {
      id: r.opportunity_id,
      name: opportunities.get(r.opportunity_id)?.name ?? 'Deleted opportunity',
      accountId: r.account_id,
      accountName: accounts.get(r.account_id)?.name ?? '',
    },
    contacts: contactIdsOf.get(r.id)!.flatMap((id) => {
      const c = contacts.get(id);
      return c ? [{ id: c.id, name: c.name, email: c.email }] : [];
    }),
    note: r.note,
    sentBy: r.sent_by ? { id: r.sent_by, name: members.get(r.sent_by)?.name ?? 'Former member' } : null,
    sentAt: r.sent_at,
    interactionId: r.interaction_id,
    email: emailOf(r.email_id ? mails.get(r.email_id) : undefined),
  }));
}

function emailOf(state: OutboxEmailState | undefined): CollateralSend['email'] {
  return state ? { status: state.status, sentAt: state.sentAt, lastError: state.lastError } : null;
}

/** The mail's words: who it is for, what is attached, the sender's note. */
function collateralMailText(m: {
  contacts: string[];
  title: string;
  filename: string;
  note: string | null;
  sender: string | null;
}): string {
  const names = m.contacts.map((name) => name.split(/\s+/)[0]).join(', ');
  return [
    `Hello ${names},`,
    '',
    `Please find attached “${m.title}” (${m.filename}).`,
    ...(m.note ? ['', m.note] : []),
    '',
    ...(m.sender ? [`— ${m.sender}`] : []),
  ].join('\n');
}
