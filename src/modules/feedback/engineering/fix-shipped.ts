import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { addAgentMessage, ticketRefs, type TicketRef } from '../../support/index.js';
import { ticketLinksOf, type IssueRow } from './issue-repository.js';
import { readTrackers } from './tracker-settings.js';

/**
 * When a fix ships — the issue is resolved with a fix release, by the API or a tracker webhook —
 * each linked ticket gets an internal note and a drafted public reply (or the reply is sent, when
 * the workspace says so). It happens once per issue: `fix_announced_at` is claimed with a
 * conditional update, so a replayed webhook or a second resolve finds it taken and does nothing.
 * Call it inside the transaction that changed the issue.
 */
export async function announceFixIfShipped(trx: Kysely<Database>, ctx: ChangeContext, row: IssueRow, at: string): Promise<boolean> {
  if (row.status !== 'resolved' || !row.fix_release || row.fix_announced_at) return false;
  const claimed = await trx
    .updateTable('engineering_issues')
    .set({ fix_announced_at: at })
    .where('id', '=', row.id)
    .where('fix_announced_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) === 0) return false;

  const links = await ticketLinksOf(trx, [row.id]);
  const tickets = await ticketRefs(
    trx,
    links.map((l) => l.ticket_id),
  );
  const { autoSendFixReplies } = await readTrackers(trx);
  for (const link of links) {
    const ticket = tickets.get(link.ticket_id);
    // A closed ticket takes no messages; its customer hears through a follow-up if anyone asks.
    if (!ticket || ticket.status === 'closed') continue;
    await addAgentMessage(trx, ctx, ticket.id, { visibility: 'internal', body: fixNote(row) });
    const reply = draftedReply(row, ticket);
    if (autoSendFixReplies) {
      await addAgentMessage(trx, ctx, ticket.id, { visibility: 'public', body: reply });
      await trx
        .updateTable('engineering_issue_tickets')
        .set({ drafted_reply: null, reply_sent_at: at })
        .where('issue_id', '=', row.id)
        .where('ticket_id', '=', ticket.id)
        .execute();
    } else {
      await trx
        .updateTable('engineering_issue_tickets')
        .set({ drafted_reply: reply })
        .where('issue_id', '=', row.id)
        .where('ticket_id', '=', ticket.id)
        .execute();
    }
  }
  await recordAudit(trx, ctx, {
    action: 'engineering_issue.fix_announced',
    recordType: 'engineering_issue',
    recordId: row.id,
    changes: { fixAnnouncedAt: [null, at], tickets: [null, links.map((l) => l.ticket_id)] },
  });
  return true;
}

export function fixNote(row: Pick<IssueRow, 'key' | 'title' | 'fix_release'>): string {
  return `Engineering issue ${row.key} ("${row.title}") is fixed in release ${row.fix_release}. A reply to the customer is drafted on this ticket: review it, then send or discard it.`;
}

export function draftedReply(row: Pick<IssueRow, 'fix_release'>, ticket: Pick<TicketRef, 'number' | 'subject'>): string {
  return [
    'Hello,',
    '',
    `Good news about the problem you reported in ticket #${ticket.number} ("${ticket.subject}"): our engineers have fixed it, and the fix ships in release ${row.fix_release}.`,
    '',
    'Once your environment runs that release the problem should be gone. If you would like help planning the upgrade, or you still see the problem afterwards, just reply to this message.',
  ].join('\n');
}
