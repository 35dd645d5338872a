import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { readChoice, readDateTime, readList } from '../../../kernel/spreadsheet/cell-values.js';
import { problemsFromZod, type ImportKind, type PlannedRow, type RowProblem } from '../../../kernel/spreadsheet/spreadsheet-import.js';
import * as accounts from '../../accounts/index.js';
import { findMemberRowByEmail } from '../../team/index.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES } from '../contract/kinds.js';
import { createTicketBody, type CreateTicketInput } from '../contract/tickets.js';
import { createTicket, updateTicket } from '../tickets/ticket-service.js';

interface TicketRowInput {
  body: CreateTicketInput;
  status: (typeof TICKET_STATUSES)[number] | null;
  createdAt: Date;
}

const domainOf = (email: string) => email.toLowerCase().split('@')[1] ?? '';
const createdAtRule = z.iso.datetime({
  offset: true,
  message: 'Use a date and time such as 2026-05-01 14:30 (UTC) or 2026-05-01T14:30:00Z',
});
const statusRule = z.enum(TICKET_STATUSES, { message: 'Use a status: new, open, pending, on hold, solved or closed' });

/** Tickets already in the desk with this requester, subject and creation moment: a re-imported file does not double them. */
async function alreadyImported(db: Kysely<Database>, rows: { requesterId: string; subject: string; createdAt: string }[]) {
  const found = new Map<string, number>();
  const requesterIds = [...new Set(rows.map((r) => r.requesterId))];
  for (let i = 0; i < requesterIds.length; i += 500) {
    const matches = await db
      .selectFrom('tickets')
      .select(['number', 'requester_id', 'subject', 'created_at'])
      .where('requester_id', 'in', requesterIds.slice(i, i + 500))
      .where(
        'created_at',
        'in',
        rows.map((r) => r.createdAt),
      )
      .execute();
    for (const m of matches) found.set(`${m.requester_id}|${m.subject}|${m.created_at}`, m.number);
  }
  return found;
}

/**
 * Tickets from a spreadsheet, each opened with POST /api/tickets' rules by the same service (so
 * SLA, search, audit and events are as for a ticket opened by hand), at the row's "Created at"
 * when there is one, then moved to the row's status. The requester is a contact by e-mail, or a
 * new one on the Account column's account (by name or domain), else on the e-mail domain's account.
 */
export const ticketImport: ImportKind<TicketRowInput> = {
  fields: [
    { key: 'subject', label: 'Subject', required: true, headers: ['title', 'summary'] },
    { key: 'description', label: 'Description', required: true, headers: ['body', 'message', 'details', 'first comment'] },
    { key: 'requesterEmail', label: 'Requester e-mail', required: true, headers: ['requester', 'requester email', 'email', 'from'] },
    { key: 'requesterName', label: 'Requester name', required: false, headers: ['requester full name', 'name'] },
    { key: 'account', label: 'Account', required: false, headers: ['organization', 'organisation', 'company', 'account name'] },
    { key: 'priority', label: 'Priority', required: false, headers: [] },
    { key: 'status', label: 'Status', required: false, headers: ['state'] },
    { key: 'type', label: 'Type', required: false, headers: ['ticket type'] },
    { key: 'tags', label: 'Tags', required: false, headers: ['labels', 'tag'] },
    { key: 'assigneeEmail', label: 'Assignee e-mail', required: false, headers: ['assignee', 'assignee email', 'agent'] },
    { key: 'createdAt', label: 'Created at', required: false, headers: ['created', 'created date', 'opened', 'date'] },
  ],
  fieldOfPath: { requesterId: 'requesterEmail', accountId: 'account', assigneeId: 'assigneeEmail' },

  async plan(db, rows) {
    const emails = rows.map((r) => (r.values.requesterEmail ?? '').toLowerCase());
    const directory = await accounts.accountsByNameOrDomain(
      db,
      rows.map((r) => r.values.account ?? ''),
      [...rows.map((r) => r.values.account ?? ''), ...emails.map(domainOf)],
    );
    const contacts = await accounts.contactsByEmail(db, emails);
    const assignees = new Map<string, { id: string; disabled: boolean } | null>();
    for (const email of new Set(rows.map((r) => (r.values.assigneeEmail ?? '').toLowerCase()).filter(Boolean))) {
      const member = await findMemberRowByEmail(db, email);
      assignees.set(email, member ? { id: member.id, disabled: member.status === 'disabled' } : null);
    }
    const now = Date.now();

    const planned = rows.map((r) => {
      const v = r.values;
      const problems: RowProblem[] = [];
      const email = (v.requesterEmail ?? '').toLowerCase();
      const contact = contacts.get(email);
      const account = v.account ? accounts.findAccount(directory, v.account) : null;
      if (v.account && !account) problems.push({ field: 'account', message: `No account is named "${v.account}" or has it as a domain.` });
      else if (!contact && !account && email.includes('@') && !directory.byDomain.get(domainOf(email)))
        problems.push({
          field: 'requesterEmail',
          message: 'A new requester whose e-mail domain matches no account: name the account in an Account column.',
        });

      const assignee = v.assigneeEmail ? assignees.get(v.assigneeEmail.toLowerCase()) : undefined;
      if (assignee === null || assignee?.disabled) problems.push({ field: 'assigneeEmail', message: 'No active member has this e-mail.' });

      let createdAt = new Date(now);
      if (v.createdAt) {
        const parsed = createdAtRule.safeParse(readDateTime(v.createdAt));
        if (!parsed.success) problems.push({ field: 'createdAt', message: parsed.error.issues[0]!.message });
        else if (new Date(parsed.data).getTime() > now)
          problems.push({ field: 'createdAt', message: 'A ticket cannot be created in the future.' });
        else createdAt = new Date(parsed.data);
      }
      let status: TicketRowInput['status'] = null;
      if (v.status) {
        const parsed = statusRule.safeParse(readChoice(v.status, TICKET_STATUSES, { hold: 'on_hold', onhold: 'on_hold' }));
        if (parsed.success) status = parsed.data;
        else problems.push({ field: 'status', message: parsed.error.issues[0]!.message });
      }
      const body: Record<string, unknown> = {
        subject: v.subject,
        description: v.description,
        requesterEmail: v.requesterEmail,
        ...(v.requesterName ? { requesterName: v.requesterName } : {}),
        ...(account && !contact ? { accountId: account.id } : {}),
        ...(v.priority ? { priority: readChoice(v.priority, TICKET_PRIORITIES) } : {}),
        ...(v.type ? { type: readChoice(v.type, TICKET_TYPES) } : {}),
        ...(v.tags ? { tags: readList(v.tags).map((t) => t.replace(/\s+/g, '_')) } : {}),
        ...(assignee ? { assigneeId: assignee.id } : {}),
      };
      const parsed = createTicketBody.safeParse(body);
      if (!parsed.success) problems.push(...problemsFromZod(ticketImport, parsed.error));
      const ok = parsed.success && problems.length === 0;
      return {
        planned: {
          row: r.row,
          values: v,
          action: ok ? 'create' : 'invalid',
          problems,
          input: ok ? { body: parsed.data, status, createdAt } : null,
        } satisfies PlannedRow<TicketRowInput> as PlannedRow<TicketRowInput>,
        requesterId: contact?.id ?? null,
      };
    });

    // A file imported twice: rows with a "Created at" whose ticket is already there are reported, not doubled.
    const dated = planned.filter((p) => p.planned.input && p.requesterId && p.planned.values.createdAt);
    const existing = dated.length
      ? await alreadyImported(
          db,
          dated.map((p) => ({
            requesterId: p.requesterId!,
            subject: p.planned.input!.body.subject,
            createdAt: p.planned.input!.createdAt.toISOString(),
          })),
        )
      : new Map<string, number>();
    for (const p of dated) {
      const number = existing.get(`${p.requesterId}|${p.planned.input!.body.subject}|${p.planned.input!.createdAt.toISOString()}`);
      if (number === undefined) continue;
      p.planned.problems.push({ field: null, message: `Already imported as ticket #${number}.` });
      p.planned.action = 'invalid';
      p.planned.input = null;
    }
    return planned.map((p) => p.planned);
  },

  async write(trx, ctx, row) {
    const { body, status, createdAt } = row.input;
    const ticket = await createTicket(trx, ctx, body, 'web', createdAt);
    if (status && status !== ticket.status && status !== 'new') await updateTicket(trx, ctx, ticket.id, { status }, createdAt);
  },
};
