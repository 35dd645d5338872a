import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError, unique } from '../../../../test/factories/index.js';

/** A raw MIME message as a relay would hand it over, with a small text attachment. */
function rawMail(messageId: string, subject: string): string {
  return [
    'From: Peter Gibbons <peter@initech.com>',
    'To: support@outpost.local',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The export fails again. Config attached.',
    '--b1',
    'Content-Type: application/json; name="config.json"',
    'Content-Disposition: attachment; filename="config.json"',
    '',
    '{"timeoutMs": 30000}',
    '--b1--',
    '',
  ].join('\r\n');
}

describe.each(testDialects())('raw-MIME e-mail intake over HTTP on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let token: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-intake-'));
    process.env.OUTPOST_DATA_DIR = dataDir;
    // Above the server's 1 MiB default, so the 413 must name the intake's own limit.
    process.env.OUTPOST_MAX_EMAIL_BYTES = String(2 * 1024 * 1024);
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
    });
    const made = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Mail relay', scopes: ['email.ingest'] } });
    expect(made.statusCode, made.body).toBe(201);
    token = made.json().token;
  });
  afterAll(async () => {
    await t.close();
    delete process.env.OUTPOST_DATA_DIR;
    delete process.env.OUTPOST_MAX_EMAIL_BYTES;
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const ingest = (payload: string, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/inbound/email',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822', ...headers },
      payload,
    });

  it('refuses a message over the intake limit with 413 naming that limit, not the 1 MiB of JSON bodies (issue 13, finding 8)', async () => {
    const huge = rawMail(`<huge-${unique()}@initech.com>`, 'Huge').replace('The export fails again.', 'x'.repeat(2 * 1024 * 1024 + 10));
    const error = expectError(await ingest(huge), 413, 'request.too_large');
    expect(error.details.limitBytes).toBe(2 * 1024 * 1024);
    expect(error.message).toContain('2 MiB');
    // Between the JSON limit and the intake's, a message is accepted.
    const large = rawMail(`<large-${unique()}@initech.com>`, 'Large log').replace('The export fails again.', 'y'.repeat(1536 * 1024));
    expect((await ingest(large)).statusCode).toBe(201);
  });

  it('opens a ticket from a raw e-mail handed in with an email.ingest token, once however often it is sent', async () => {
    const messageId = `<relay-${unique()}@initech.com>`;
    const first = await ingest(rawMail(messageId, 'Export fails'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'ticket_created', attachments: 1, skippedAttachments: [] });
    const { ticketId } = first.json();

    const again = await ingest(rawMail(messageId, 'Export fails'));
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ outcome: 'duplicate', ticketId });

    const page = (await admin.request({ method: 'GET', url: `/api/tickets/${ticketId}` })).json();
    expect(page.ticket).toMatchObject({ subject: 'Export fails', channel: 'email', requester: { email: 'peter@initech.com' } });
    expect(page.messages).toHaveLength(1);
    expect(page.messages[0].body).toBe('The export fails again. Config attached.');
    expect(page.messages[0].attachments.map((a: { filename: string; contentType: string }) => [a.filename, a.contentType])).toEqual([
      ['config.json', 'application/json'],
    ]);

    const download = await admin.request({ method: 'GET', url: page.messages[0].attachments[0].url });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('{"timeoutMs": 30000}');

    // The audit log names the token that handed the mail in.
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'ticket.created')
      .where('record_id', '=', ticketId)
      .executeTakeFirstOrThrow();
    expect(audit.actor_type).toBe('token');
  });

  it('answers an auto-reply with "ignored" and opens nothing', async () => {
    const raw = rawMail(`<ooo-${unique()}@initech.com>`, 'Out of office').replace(
      'MIME-Version: 1.0',
      'MIME-Version: 1.0\r\nAuto-Submitted: auto-replied',
    );
    const res = await ingest(raw);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'ignored', reason: 'Auto-Submitted: auto-replied' });
  });

  it('refuses a body that is not message/rfc822, or not an e-mail, with the error shape', async () => {
    expectError(await ingest('{"from": "x"}', { 'content-type': 'application/json' }), 415, 'email.unsupported_media_type');
    expectError(await ingest('this is not a mail'), 400, 'email.unreadable');
  });

  it('is closed to members and tokens without the email.ingest permission', async () => {
    const agent = await signInAs(t, ['support_tier2']);
    const byMember = await agent.request({
      method: 'POST',
      url: '/api/inbound/email',
      headers: { 'content-type': 'message/rfc822' },
      payload: rawMail('<m@x>', 'Hi'),
    });
    expect(expectError(byMember, 403, 'auth.forbidden').details.permission).toBe('email.ingest');
    const readOnly = (
      await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Reader', scopes: ['tickets.read'] } })
    ).json().token as string;
    const byToken = await ingest(rawMail('<n@x>', 'Hi'), { authorization: `Bearer ${readOnly}` });
    expectError(byToken, 403, 'auth.forbidden');
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/inbound/email',
        headers: { 'content-type': 'message/rfc822' },
        payload: rawMail('<o@x>', 'Hi'),
      }),
      401,
      'auth.unauthenticated',
    );
  });

  it('refuses a header block too big to read with 413 in the error shape, writing nothing (issue 13, finding 5)', async () => {
    const count = async () => (await t.db.kysely.selectFrom('inbound_emails').select('message_id').execute()).length;
    const before = await count();
    const filler = Array.from({ length: 1500 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(1000)}\r\n`).join('');
    const many = rawMail(`<bighead-${unique()}@initech.com>`, 'Big headers').replace('MIME-Version: 1.0', `${filler}MIME-Version: 1.0`);
    expect(expectError(await ingest(many), 413, 'email.header_too_large').details.limitBytes).toBe(1024 * 1024);
    const oneLine = rawMail(`<longline-${unique()}@initech.com>`, 'Long line').replace(
      'MIME-Version: 1.0',
      `X-Long: ${'y'.repeat(1100 * 1024)}\r\nMIME-Version: 1.0`,
    );
    expectError(await ingest(oneLine), 413, 'email.header_too_large');
    expect(await count()).toBe(before);
  });

  it('opens a new ticket for a stranger who names an existing ticket in the subject (issue 13, finding 4)', async () => {
    const first = await ingest(rawMail(`<own-${unique()}@initech.com>`, 'Quota'));
    const { ticketId, ticketNumber } = first.json();
    const stranger = rawMail(`<mallory-${unique()}@gmail.com>`, `Re: [#${ticketNumber}] Quota`).replace(
      'Peter Gibbons <peter@initech.com>',
      'mallory@gmail.com',
    );
    const res = await ingest(stranger);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ outcome: 'ticket_created' });
    expect(res.json().ticketId).not.toBe(ticketId);
    expect((await admin.request({ method: 'GET', url: `/api/tickets/${ticketId}` })).json().messages).toHaveLength(1);
  });
});
