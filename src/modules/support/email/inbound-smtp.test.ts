import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connect.js';
import { freshDatabase, testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../../kernel/actor.js';
import { createMember } from '../../team/members/member-service.js';
import { createAccountViaService, createContactViaService, unique } from '../../../../test/factories/index.js';
import { findAttachmentFile } from '../attachments/service.js';
import { fullPathOf, type AttachmentSettings } from '../attachments/storage.js';
import { addAgentMessage, listMessages } from '../tickets/message-service.js';
import { getTicket, updateTicket } from '../tickets/ticket-service.js';
import { UNASSIGNED_ACCOUNT_NAME } from './inbound.js';
import { startSmtpListener, type SmtpListener } from './smtp-listener.js';

describe.each(testDialects())('inbound e-mail over SMTP on %s', (dialect) => {
  let db: Db;
  let dataDir: string;
  let listener: SmtpListener;
  let sender: nodemailer.Transporter;
  let agent: ChangeContext;
  let initechId: string;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-mail-'));
    const attachments: AttachmentSettings = { dataDir, maxBytes: 64 * 1024 };
    listener = await startSmtpListener(db.kysely, { port: 0, host: '127.0.0.1', maxMessageBytes: 8 * 1024 * 1024, attachments });
    sender = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
    initechId = (await createAccountViaService(db, { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' })).id;
    const { member } = await createMember(db.kysely, SYSTEM_CONTEXT, {
      email: `agent${unique()}@team.test`,
      name: 'Agent Smith',
      roles: ['support_tier1'],
    });
    agent = { actorType: 'member', actorId: member.id, memberId: member.id, ip: null };
  });
  afterAll(async () => {
    sender.close();
    await listener.close();
    await db.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  /** The ticket a received mail landed on (the listener has answered, so it is stored). */
  async function ticketOf(messageId: string) {
    const row = await db.kysely.selectFrom('inbound_emails').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
    return getTicket(db.kysely, row.ticket_id!);
  }

  /** Hands the listener a message exactly as written (no folding, no added headers). */
  const sendRaw = (from: string, lines: string[]) =>
    sender.sendMail({ envelope: { from, to: 'support@outpost.local' }, raw: [...lines, ''].join('\r\n') });

  const mailFrom = (local: string, extra: Partial<nodemailer.SendMailOptions> = {}) => {
    const messageId = `<${local}-${unique()}@initech.com>`;
    return { messageId, mail: { from: `Peter Gibbons <${local}@initech.com>`, to: 'support@outpost.local', messageId, ...extra } };
  };

  it('opens a ticket from a mail sent over SMTP, with its body and its attachment', async () => {
    const log = '2026-03-02 02:00:01 ERROR timeout after 30000 ms\n';
    const { messageId, mail } = mailFrom('peter', {
      subject: 'TPS report export fails',
      text: 'The nightly export times out after 30 s.\nLog attached.',
      attachments: [{ filename: 'export.log', content: log, contentType: 'text/plain' }],
    });
    const info = await sender.sendMail(mail);
    expect(info.rejected).toEqual([]);

    const ticket = await ticketOf(messageId);
    expect(ticket).toMatchObject({ subject: 'TPS report export fails', channel: 'email', status: 'new', account: { id: initechId } });
    expect(ticket.requester).toMatchObject({ email: 'peter@initech.com', name: 'Peter Gibbons' });
    const [first] = await listMessages(db.kysely, ticket.id);
    expect(first!.body).toBe('The nightly export times out after 30 s.\nLog attached.');
    expect(first!.via).toBe('email');
    expect(first!.attachments).toHaveLength(1);
    const attachment = first!.attachments[0]!;
    expect(attachment).toMatchObject({ filename: 'export.log', contentType: 'text/plain', sizeBytes: Buffer.byteLength(log) });
    const { storagePath } = await findAttachmentFile(db.kysely, attachment.id, ticket.id);
    expect(storagePath).toMatch(/^attachments\/\d{4}\/\d{2}\//);
    expect(await fs.readFile(fullPathOf(dataDir, storagePath), 'utf8')).toBe(log);
  });

  it('threads a reply into its ticket by In-Reply-To, without the quoted text, and reopens the solved ticket', async () => {
    const first = mailFrom('milton', { subject: 'Stapler missing', text: 'Have you seen my stapler?' });
    await sender.sendMail(first.mail);
    const ticket = await ticketOf(first.messageId);
    await addAgentMessage(db.kysely, agent, ticket.id, { body: 'We found it in the basement.', visibility: 'public', status: 'solved' });
    const solved = await getTicket(db.kysely, ticket.id);
    expect(solved.status).toBe('solved');
    const agentReplyId = (
      await db.kysely.selectFrom('outbox_emails').select('headers').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow()
    ).headers;
    const replyTo = (JSON.parse(agentReplyId) as Record<string, string>)['Message-ID']!;

    const reply = mailFrom('milton', {
      subject: `Re: [#${ticket.number}] Stapler missing`,
      inReplyTo: replyTo,
      references: [first.messageId, replyTo],
      text: 'That is not my stapler, it is red.\n\nOn Mon, 2 Mar 2026 at 10:00, Outpost Support <support@outpost.local> wrote:\n> We found it in the basement.\n',
    });
    await sender.sendMail(reply.mail);

    const after = await getTicket(db.kysely, ticket.id);
    expect(after.status).toBe('open');
    expect(after.reopenCount).toBe(1);
    const messages = await listMessages(db.kysely, ticket.id);
    expect(messages.map((m) => [m.author.type, m.body])).toEqual([
      ['contact', 'Have you seen my stapler?'],
      ['member', 'We found it in the basement.'],
      ['contact', 'That is not my stapler, it is red.'],
    ]);
    expect((await ticketOf(reply.messageId)).id).toBe(ticket.id);
  });

  it('threads a mail by the [#number] in its subject when it carries no threading headers', async () => {
    const first = mailFrom('bill', { subject: 'TPS cover sheets', text: 'Did you get the memo?' });
    await sender.sendMail(first.mail);
    const ticket = await ticketOf(first.messageId);
    const again = mailFrom('bill', {
      subject: `Re: [#${ticket.number}] TPS cover sheets`,
      text: 'Yeah, I am going to need you to read it.',
    });
    await sender.sendMail(again.mail);
    expect((await ticketOf(again.messageId)).id).toBe(ticket.id);
    expect((await listMessages(db.kysely, ticket.id)).length).toBe(2);
  });

  it('processes the same mail delivered twice only once', async () => {
    const { messageId, mail } = mailFrom('samir', { subject: 'Printer jams', text: 'PC load letter?' });
    await sender.sendMail(mail);
    await sender.sendMail(mail);
    const ticket = await ticketOf(messageId);
    expect(await listMessages(db.kysely, ticket.id)).toHaveLength(1);
    const tickets = await db.kysely.selectFrom('tickets').select('id').where('subject', '=', 'Printer jams').execute();
    expect(tickets).toHaveLength(1);
  });

  it('never threads a mail from another account’s contact into a ticket: it opens its own ticket', async () => {
    const first = mailFrom('michael', { subject: 'Rounding errors', text: 'Fractions of a cent.' });
    await sender.sendMail(first.mail);
    const ticket = await ticketOf(first.messageId);
    const other = await createAccountViaService(db, { name: `Initrode ${unique()}`, domains: [`initrode${unique()}.com`] });
    const outsider = await createContactViaService(db, other.id);
    const messageId = `<outsider-${unique()}@elsewhere.test>`;
    await sender.sendMail({
      from: outsider.email,
      to: 'support@outpost.local',
      messageId,
      inReplyTo: first.messageId,
      subject: `Re: [#${ticket.number}] Rounding errors`,
      text: 'Let me in.',
    });
    const landed = await ticketOf(messageId);
    expect(landed.id).not.toBe(ticket.id);
    expect(landed.account.id).toBe(other.id);
    expect(await listMessages(db.kysely, ticket.id)).toHaveLength(1);
  });

  it('keeps mail from a sender no account claims on the "Unassigned senders" account, created once', async () => {
    const a = `<stranger-${unique()}@nowhere.test>`;
    const b = `<stranger-${unique()}@nowhere.test>`;
    await sender.sendMail({
      from: 'Stranger <someone@nowhere.test>',
      to: 'support@outpost.local',
      messageId: a,
      subject: 'Hello?',
      text: 'Is this support?',
    });
    await sender.sendMail({
      from: 'other@elsewhere.test',
      to: 'support@outpost.local',
      messageId: b,
      subject: 'Pricing',
      text: 'How much?',
    });
    const [first, second] = [await ticketOf(a), await ticketOf(b)];
    expect(first.account.name).toBe(UNASSIGNED_ACCOUNT_NAME);
    expect(second.account.id).toBe(first.account.id);
    const account = await db.kysely.selectFrom('accounts').selectAll().where('id', '=', first.account.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ segment: 'smb', lifecycle_stage: 'prospect' });
    expect(first.requester).toMatchObject({ email: 'someone@nowhere.test', name: 'Stranger' });
  });

  it('ignores auto-replies, bulk mail and bounces, and opens no ticket for them', async () => {
    const before = (await db.kysely.selectFrom('tickets').select('id').execute()).length;
    const ooo = mailFrom('lumbergh', { subject: 'Out of office', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    const bulk = mailFrom('newsletter', { subject: 'Weekly news', text: 'News.', headers: { Precedence: 'bulk' } });
    await sender.sendMail(ooo.mail);
    await sender.sendMail(bulk.mail);
    await sender.sendMail({
      from: 'MAILER-DAEMON@mx.initech.com',
      to: 'support@outpost.local',
      subject: 'Undelivered Mail Returned to Sender',
      text: 'The mail could not be delivered.',
    });
    expect((await db.kysely.selectFrom('tickets').select('id').execute()).length).toBe(before);
    const ignored = await db.kysely
      .selectFrom('inbound_emails')
      .select('outcome')
      .where('message_id', 'in', [ooo.messageId, bulk.messageId])
      .execute();
    expect(ignored.map((r) => r.outcome)).toEqual(['ignored', 'ignored']);
  });

  it('keeps ignored and unreadable mail over SMTP in quarantine, with its raw copy', async () => {
    const ooo = mailFrom('milton', { subject: 'Away', text: 'Gone fishing.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await sender.sendMail(ooo.mail);
    const held = await db.kysely
      .selectFrom('quarantined_emails')
      .selectAll()
      .where('message_id', '=', ooo.messageId)
      .executeTakeFirstOrThrow();
    expect(held).toMatchObject({ reason: 'automated', sender: 'milton@initech.com', subject: 'Away' });
    expect((await fs.readFile(path.join(dataDir, held.raw_path!), 'utf8')).includes('Gone fishing.')).toBe(true);
    // No From: refused for good (554), and still kept.
    await expect(sendRaw('bob@initech.com', ['To: support@outpost.local', 'Subject: Who am I', '', 'No sender.'])).rejects.toMatchObject({
      responseCode: 554,
    });
    const refused = await db.kysely
      .selectFrom('quarantined_emails')
      .selectAll()
      .where('subject', '=', 'Who am I')
      .executeTakeFirstOrThrow();
    expect(refused.reason).toBe('refused');
    expect(await fs.readFile(path.join(dataDir, refused.raw_path!), 'utf8')).toContain('No sender.');
  });

  it('keeps a mail whose attachment is not allowed, naming the file it did not attach', async () => {
    const { messageId, mail } = mailFrom('tom', {
      subject: 'Installer',
      text: 'Here is the installer.',
      attachments: [
        { filename: 'setup.exe', content: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]), contentType: 'application/x-msdownload' },
      ],
    });
    await sender.sendMail(mail);
    const ticket = await ticketOf(messageId);
    const [message] = await listMessages(db.kysely, ticket.id);
    expect(message!.body).toBe('Here is the installer.\n\n[Not attached: setup.exe (file type not allowed)]');
    expect(message!.attachments).toEqual([]);
  });

  it('answers a closed ticket’s thread with a new ticket', async () => {
    const first = mailFrom('joanna', { subject: 'Flair', text: 'Fifteen pieces?' });
    await sender.sendMail(first.mail);
    const ticket = await ticketOf(first.messageId);
    await updateTicket(db.kysely, agent, ticket.id, { status: 'closed' });
    const reply = mailFrom('joanna', { subject: `Re: [#${ticket.number}] Flair`, inReplyTo: first.messageId, text: 'Thirty-seven now.' });
    await sender.sendMail(reply.mail);
    const followUp = await ticketOf(reply.messageId);
    expect(followUp.id).not.toBe(ticket.id);
    expect(followUp.subject).toBe('Re: Flair');
  });

  describe('a reply joins the ticket it names only when it belongs to it (issue 13, finding 4)', () => {
    /** A solved ticket of Initech's, and the Message-ID of the agent's reply that Outpost sent. */
    async function solvedTicket(local: string) {
      const first = mailFrom(local, { subject: `Invoice ${unique()}`, text: 'Where is my invoice?' });
      await sender.sendMail(first.mail);
      const ticket = await ticketOf(first.messageId);
      await addAgentMessage(db.kysely, agent, ticket.id, { body: 'Sent again.', visibility: 'public', status: 'solved' });
      const headers = (
        await db.kysely.selectFrom('outbox_emails').select('headers').where('ticket_id', '=', ticket.id).executeTakeFirstOrThrow()
      ).headers;
      return { ticket, firstMessageId: first.messageId, agentMessageId: (JSON.parse(headers) as Record<string, string>)['Message-ID']! };
    }

    async function expectUntouched(ticketId: string) {
      const after = await getTicket(db.kysely, ticketId);
      expect(after.status).toBe('solved');
      expect(after.reopenCount).toBe(0);
      expect((await listMessages(db.kysely, ticketId)).map((m) => m.author.type)).toEqual(['contact', 'member']);
    }

    it('opens a new ticket for a stranger who names another account’s ticket, and leaves that ticket alone', async () => {
      const { ticket } = await solvedTicket('nina');
      const messageId = `<mallory-${unique()}@gmail.com>`;
      await sender.sendMail({
        from: 'Mallory <mallory@gmail.com>',
        to: 'support@outpost.local',
        messageId,
        subject: `Re: [#${ticket.number}] Invoice`,
        text: 'Please wire the refund to me.',
      });
      const landed = await ticketOf(messageId);
      expect(landed.id).not.toBe(ticket.id);
      expect(landed.account.name).toBe(UNASSIGNED_ACCOUNT_NAME);
      expect(landed.requester.email).toBe('mallory@gmail.com');
      expect(landed.subject).toBe('Re: Invoice');
      await expectUntouched(ticket.id);
      // The new ticket's history says why the mail did not join the ticket it named.
      const events = await db.kysely.selectFrom('ticket_events').select(['type', 'data']).where('ticket_id', '=', landed.id).execute();
      const refused = events.find((e) => e.type === 'email.thread_refused');
      expect(JSON.parse(refused!.data)).toMatchObject({ ticketNumber: ticket.number, reason: expect.stringContaining('requester') });
    });

    it('opens a new ticket for a stranger whose In-Reply-To is a customer’s Message-ID or a guessed one of Outpost’s', async () => {
      const { ticket, firstMessageId, agentMessageId } = await solvedTicket('ursula');
      const guessed = agentMessageId.replace(/[0-9a-f]{12}@outpost>$/, '000000000000@outpost>');
      for (const inReplyTo of [firstMessageId, guessed]) {
        const messageId = `<guess-${unique()}@nowhere.test>`;
        await sender.sendMail({
          from: `stranger-${unique()}@nowhere.test`,
          to: 'support@outpost.local',
          messageId,
          inReplyTo,
          references: [inReplyTo],
          subject: 'Re: Invoice',
          text: 'Me too.',
        });
        expect((await ticketOf(messageId)).id).not.toBe(ticket.id);
      }
      await expectUntouched(ticket.id);
    });

    it('does not trust a From the receiving server found forged: only Outpost’s own Message-ID lets it join', async () => {
      const { ticket, agentMessageId } = await solvedTicket('forged');
      const forgedResults = 'mx.outpost.local; spf=fail smtp.mailfrom=gmail.com; dkim=none; dmarc=fail header.from=initech.com';
      const forged = `<forged-${unique()}@initech.com>`;
      await sender.sendMail({
        from: 'forged@initech.com',
        to: 'support@outpost.local',
        messageId: forged,
        subject: `Re: [#${ticket.number}] Invoice`,
        headers: { 'Authentication-Results': forgedResults },
        text: 'Wire the refund elsewhere.',
      });
      expect((await ticketOf(forged)).id).not.toBe(ticket.id);
      await expectUntouched(ticket.id);
      // A header that claims a pass changes nothing for a real requester; one answering our Message-ID still joins.
      const answering = `<forged-reply-${unique()}@initech.com>`;
      await sender.sendMail({
        from: 'forged@initech.com',
        to: 'support@outpost.local',
        messageId: answering,
        inReplyTo: agentMessageId,
        references: [agentMessageId],
        subject: 'Re: Invoice',
        headers: { 'Authentication-Results': forgedResults },
        text: 'Thanks, received.',
      });
      expect((await ticketOf(answering)).id).toBe(ticket.id);
    });

    it('still joins for the requester, for another contact of the account, and for anyone answering Outpost’s own Message-ID', async () => {
      const { ticket, agentMessageId } = await solvedTicket('dom');
      const colleague = await createContactViaService(db, initechId);
      const fromRequester = `<dom-${unique()}@initech.com>`;
      await sender.sendMail({
        from: 'dom@initech.com',
        to: 'support@outpost.local',
        messageId: fromRequester,
        subject: `Re: [#${ticket.number}] Invoice`,
        text: 'Still missing.',
      });
      const fromColleague = `<colleague-${unique()}@initech.com>`;
      await sender.sendMail({
        from: colleague.email,
        to: 'support@outpost.local',
        messageId: fromColleague,
        subject: `Re: [#${ticket.number}] Invoice`,
        text: 'Same here.',
      });
      const forwarded = `<fwd-${unique()}@partner.test>`;
      await sender.sendMail({
        from: 'accountant@partner.test',
        to: 'support@outpost.local',
        messageId: forwarded,
        inReplyTo: agentMessageId,
        references: [agentMessageId],
        subject: 'Re: Invoice',
        text: 'Forwarded to me: which invoice?',
      });
      for (const id of [fromRequester, fromColleague, forwarded]) expect((await ticketOf(id)).id).toBe(ticket.id);
      expect((await listMessages(db.kysely, ticket.id)).map((m) => m.body)).toEqual([
        'Where is my invoice?',
        'Sent again.',
        'Still missing.',
        'Same here.',
        'Forwarded to me: which invoice?',
      ]);
      expect((await getTicket(db.kysely, ticket.id)).status).toBe('open');
    });
  });

  describe('a header block too big to read is refused for good, not for later (issue 13, finding 5)', () => {
    const countTickets = async () => (await db.kysely.selectFrom('tickets').select('id').execute()).length;
    const head = (messageId: string, subject: string) => [
      'From: Peter Gibbons <peter@initech.com>',
      'To: support@outpost.local',
      `Subject: ${subject}`,
      `Message-ID: ${messageId}`,
    ];

    it('answers several MB of headers with 552 and stores nothing', async () => {
      const before = await countTickets();
      const messageId = `<bigheaders-${unique()}@initech.com>`;
      const filler = Array.from({ length: 3000 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(1000)}`);
      const sent = sendRaw('peter@initech.com', [...head(messageId, 'Big headers'), ...filler, '', 'Body.']);
      await expect(sent).rejects.toMatchObject({ responseCode: 552, response: expect.stringMatching(/header/i) });
      expect(await countTickets()).toBe(before);
      expect(
        await db.kysely.selectFrom('inbound_emails').select('message_id').where('message_id', '=', messageId).executeTakeFirst(),
      ).toBeUndefined();
    });

    it('answers one header line over the limit with 552', async () => {
      const before = await countTickets();
      const sent = sendRaw('peter@initech.com', [
        ...head(`<longline-${unique()}@initech.com>`, 'Long line'),
        `X-Long: ${'y'.repeat(1200 * 1024)}`,
        '',
        'Body.',
      ]);
      await expect(sent).rejects.toMatchObject({ responseCode: 552 });
      expect(await countTickets()).toBe(before);
    });

    it('accepts a mail whose References list tens of thousands of ids, or whose Message-ID or sender name is very long', async () => {
      const many = `<many-${unique()}@initech.com>`;
      const references = Array.from({ length: 80_000 }, (_, i) => `<r${i}@x>`).join(' ');
      await sendRaw('peter@initech.com', [...head(many, 'Many references'), `References: ${references}`, '', 'Body.']);
      expect((await ticketOf(many)).subject).toBe('Many references');
      const long = `<${'z'.repeat(10_000)}@initech.com>`;
      await sendRaw('peter@initech.com', [...head(long, 'Long Message-ID'), '', 'Body.']);
      const row = await db.kysely
        .selectFrom('inbound_emails')
        .select('ticket_id')
        .where('subject', '=', 'Long Message-ID')
        .executeTakeFirstOrThrow();
      expect((await getTicket(db.kysely, row.ticket_id!)).subject).toBe('Long Message-ID');
      const named = `<longname-${unique()}@initech.com>`;
      await sendRaw('rob@initech.com', [
        `From: ${'R'.repeat(10_000)} <rob@initech.com>`,
        'To: support@outpost.local',
        'Subject: Long name',
        `Message-ID: ${named}`,
        '',
        'Body.',
      ]);
      expect((await ticketOf(named)).requester.name).toBe('R'.repeat(200));
    });
  });
});
