import type nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/connect.js';
import { freshDatabase, testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT, type ChangeContext } from '../../../kernel/actor.js';
import { createMember } from '../../team/members/member-service.js';
import { createAccountViaService, unique } from '../../../../test/factories/index.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/helpers/smtp-sink.js';
import { addAgentMessage } from '../../support/tickets/message-service.js';
import { startEmailChannel } from '../../support/email/channel.js';
import { ingestEmail } from '../../support/email/inbound.js';
import { deliverOutbox, enqueueEmail, MAX_ATTEMPTS, outboxEmailStates, retryDelayMs } from './outbox.js';

const FROM = 'Outpost Support <support@outpost.local>';

describe.each(testDialects())('outbound e-mail on %s', (dialect) => {
  let db: Db;
  let sink: SmtpSink;
  let transport: nodemailer.Transporter;
  let agent: ChangeContext;

  beforeAll(async () => {
    db = await freshDatabase(dialect);
    sink = await startSmtpSink();
    transport = sink.transport();
    await createAccountViaService(db, { name: 'Initech', domains: ['initech.com'] });
    const { member } = await createMember(db.kysely, SYSTEM_CONTEXT, {
      email: `agent${unique()}@team.test`,
      name: 'Agent Smith',
      roles: ['support_tier1'],
    });
    agent = { actorType: 'member', actorId: member.id, memberId: member.id, ip: null };
  });
  afterAll(async () => {
    await sink.close();
    await db.close();
  });
  beforeEach(() => {
    sink.messages.length = 0;
    sink.rejectNext(0);
  });

  /** A ticket opened by a customer's mail, as the inbound channel would. */
  async function ticketFromMail(subject: string) {
    const messageId = `<customer-${unique()}@initech.com>`;
    const raw = [
      `From: Peter Gibbons <peter@initech.com>`,
      `To: support@outpost.local`,
      `Subject: ${subject}`,
      `Message-ID: ${messageId}`,
      '',
      'It is broken.',
      '',
    ].join('\r\n');
    const result = await ingestEmail(db.kysely, raw);
    if (result.outcome !== 'ticket_created') throw new Error(`expected a ticket, got ${result.outcome}`);
    return { ticketId: result.ticketId, number: result.ticketNumber, messageId };
  }

  const outboxOf = (ticketId: string) =>
    db.kysely.selectFrom('outbox_emails').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute();

  it('delivers an agent’s public reply to the requester through the outbox, threaded under the customer’s mail', async () => {
    const { ticketId, number, messageId } = await ticketFromMail('Export fails');
    const reply = await addAgentMessage(db.kysely, agent, ticketId, { body: 'We are on it.', visibility: 'public' });
    const [queued] = await outboxOf(ticketId);
    expect(queued).toMatchObject({ status: 'queued', attempts: 0, subject: `[#${number}] Export fails` });
    const stored = await db.kysely
      .selectFrom('ticket_messages')
      .select('email_message_id')
      .where('id', '=', reply.id)
      .executeTakeFirstOrThrow();
    expect(stored.email_message_id).toBe(`<ticket-${ticketId}-${reply.id}@outpost>`);

    const result = await deliverOutbox(db.kysely, transport, new Date(), { from: FROM });
    expect(result).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.subject).toBe(`[#${number}] Export fails`);
    expect(mail.to).toMatchObject({ value: [{ address: 'peter@initech.com' }] });
    expect(mail.from).toMatchObject({ value: [{ address: 'support@outpost.local', name: 'Outpost Support' }] });
    expect(mail.messageId).toBe(stored.email_message_id);
    expect(mail.inReplyTo).toBe(messageId);
    expect([mail.references].flat()).toEqual([messageId]);
    expect(mail.text?.trim()).toBe('We are on it.');
    const [sent] = await outboxOf(ticketId);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(sent!.sent_at).not.toBeNull();
  });

  it('never mails an internal note', async () => {
    const { ticketId } = await ticketFromMail('Note only');
    await addAgentMessage(db.kysely, agent, ticketId, { body: 'Customer seems confused.', visibility: 'internal' });
    expect(await outboxOf(ticketId)).toEqual([]);
    const note = await db.kysely
      .selectFrom('ticket_messages')
      .select('email_message_id')
      .where('ticket_id', '=', ticketId)
      .where('visibility', '=', 'internal')
      .executeTakeFirstOrThrow();
    expect(note.email_message_id).toBeNull();
  });

  it('retries a mail the server refuses, with growing waits, and delivers it on the third attempt', async () => {
    const { ticketId } = await ticketFromMail('Flaky relay');
    await addAgentMessage(db.kysely, agent, ticketId, { body: 'Third time lucky.', visibility: 'public' });
    sink.rejectNext(2);
    const t0 = new Date(Date.now() + 1000);
    const at = (ms: number) => new Date(t0.getTime() + ms);

    expect(await deliverOutbox(db.kysely, transport, t0, { from: FROM })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await outboxOf(ticketId);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.last_error).toContain('451');
    expect(row!.next_attempt_at).toBe(at(retryDelayMs(1)).toISOString());

    // Not due yet: the pass leaves it alone.
    expect(await deliverOutbox(db.kysely, transport, at(30_000), { from: FROM })).toEqual({ sent: 0, retried: 0, failed: 0 });

    expect(await deliverOutbox(db.kysely, transport, at(60_000), { from: FROM })).toEqual({ sent: 0, retried: 1, failed: 0 });
    [row] = await outboxOf(ticketId);
    expect(row!.next_attempt_at).toBe(at(60_000 + 120_000).toISOString());

    expect(await deliverOutbox(db.kysely, transport, at(180_000), { from: FROM })).toEqual({ sent: 1, retried: 0, failed: 0 });
    [row] = await outboxOf(ticketId);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(sink.messages.map((m) => m.text?.trim())).toEqual(['Third time lucky.']);
  });

  it('gives up after six attempts and keeps the mail as failed with its last error', async () => {
    const { ticketId } = await ticketFromMail('Dead relay');
    await addAgentMessage(db.kysely, agent, ticketId, { body: 'Nobody will read this.', visibility: 'public' });
    sink.rejectNext(100);
    let now = new Date(Date.now() + 1000);
    for (let pass = 0; pass < MAX_ATTEMPTS + 2; pass++) {
      await deliverOutbox(db.kysely, transport, now, { from: FROM });
      const [row] = await outboxOf(ticketId);
      if (row!.status !== 'queued') break;
      now = new Date(row!.next_attempt_at);
    }
    const [row] = await outboxOf(ticketId);
    expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    expect(row!.last_error).toContain('451');
    expect(sink.messages).toEqual([]);
  });

  it('sends a queued mail’s attachments byte for byte, in order, and refuses more than the limit', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256))]);
    const id = await enqueueEmail(db.kysely, {
      to: ['peter@initech.com'],
      subject: 'Your datasheet',
      text: 'Attached.',
      headers: {},
      attachments: [
        { filename: 'Datasheet – v2.pdf', contentType: 'application/pdf', content: pdf },
        { filename: 'notes.txt', contentType: 'text/plain', content: Buffer.from('Read me first') },
      ],
    });
    expect((await outboxEmailStates(db.kysely, [id, null])).get(id)).toMatchObject({ status: 'queued', sentAt: null });
    expect(await deliverOutbox(db.kysely, transport, new Date(Date.now() + 1000), { from: FROM })).toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
    });
    const mail = sink.messages.find((m) => m.subject === 'Your datasheet')!;
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Datasheet – v2.pdf', 'application/pdf'],
      ['notes.txt', 'text/plain'],
    ]);
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
    expect(mail.attachments[1]!.content.toString()).toBe('Read me first');
    expect((await outboxEmailStates(db.kysely, [id])).get(id)).toMatchObject({ status: 'sent', attempts: 1 });

    process.env.OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES = '1000';
    try {
      const before = await db.kysely.selectFrom('outbox_emails').select('id').execute();
      await expect(
        enqueueEmail(db.kysely, {
          to: ['peter@initech.com'],
          subject: 'Too big',
          text: '',
          headers: {},
          attachments: [{ filename: 'big.pdf', contentType: 'application/pdf', content: pdf }],
        }),
      ).rejects.toThrow(/exceed the mail limit/);
      expect(await db.kysely.selectFrom('outbox_emails').select('id').execute()).toHaveLength(before.length);
    } finally {
      delete process.env.OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES;
    }
  });

  it('keeps mail queued and warns once when no SMTP relay is configured', async () => {
    const warnings: string[] = [];
    const log = { info: () => {}, error: () => {}, warn: (_o: object, msg: string) => void warnings.push(msg) };
    const channel = await startEmailChannel(db.kysely, log, {
      smtpUrl: null,
      from: FROM,
      listenPort: null,
      listenHost: '127.0.0.1',
      maxMessageBytes: 1024,
      maxAttachmentBytes: 1024,
    });
    const { ticketId } = await ticketFromMail('No relay');
    await addAgentMessage(db.kysely, agent, ticketId, { body: 'Queued.', visibility: 'public' });
    await channel.stop();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('OUTPOST_SMTP_URL');
    expect((await outboxOf(ticketId)).map((r) => r.status)).toEqual(['queued']);
  });
});
