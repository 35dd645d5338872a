import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError, unique } from '../../../../test/factories/index.js';
import { expireRawMail } from './raw-mail.js';

/** A plain-text mail from a known customer; `headers` go in before the body, `body` is sent as is. */
function mail(subject: string, options: { headers?: string[]; body?: string; from?: string } = {}) {
  const messageId = `<q-${unique()}@initech.com>`;
  const raw = [
    `From: ${options.from ?? 'Peter Gibbons <peter@initech.com>'}`,
    'To: support@outpost.local',
    `Subject: ${subject}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    ...(options.headers ?? ['Content-Type: text/plain; charset=utf-8']),
    '',
    options.body ?? 'The export fails again.',
    '',
  ].join('\r\n');
  return { messageId, raw };
}

describe.each(testDialects())('raw mail and the mail quarantine on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let token: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-quarantine-'));
    process.env.OUTPOST_DATA_DIR = dataDir;
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
    });
    token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Relay', scopes: ['email.ingest'] } })).json()
      .token;
  });
  afterAll(async () => {
    await t.close();
    delete process.env.OUTPOST_DATA_DIR;
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const ingest = (payload: string | Buffer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/inbound/email',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
      payload,
    });
  const inbound = (messageId: string) =>
    t.db.kysely.selectFrom('inbound_emails').selectAll().where('message_id', '=', messageId).executeTakeFirstOrThrow();
  const quarantined = async (id: string) => (await admin.request({ method: 'GET', url: `/api/inbound/quarantine/${id}` })).json();

  it('keeps the raw copy of every accepted mail under the data folder, byte for byte', async () => {
    const { messageId, raw } = mail('Export fails');
    expect((await ingest(raw)).statusCode).toBe(201);
    const row = await inbound(messageId);
    expect(row.raw_path).toMatch(/^raw-mail\/\d{4}\/\d{2}\/[\w-]+\.eml$/);
    expect(await fs.readFile(path.join(dataDir, row.raw_path!), 'latin1')).toBe(raw);
    // The same mail again keeps one copy.
    expect((await ingest(raw)).json().outcome).toBe('duplicate');
    expect((await fs.readdir(path.dirname(path.join(dataDir, row.raw_path!)))).filter((f) => f.endsWith('.eml')).length).toBeGreaterThan(0);
  });

  it('quarantines an auto-reply, shows it raw, and releases it as a ticket once', async () => {
    const { messageId, raw } = mail('Out of office', {
      headers: ['Content-Type: text/plain; charset=utf-8', 'Auto-Submitted: auto-replied'],
    });
    const res = await ingest(raw);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'ignored', reason: 'Auto-Submitted: auto-replied' });
    const id = res.json().quarantineId as string;
    expect((await inbound(messageId)).raw_path).not.toBeNull();
    expect(await quarantined(id)).toMatchObject({
      reason: 'automated',
      sender: 'peter@initech.com',
      subject: 'Out of office',
      rawAvailable: true,
      releasedTicketId: null,
    });

    const rawView = await admin.request({ method: 'GET', url: `/api/inbound/quarantine/${id}/raw` });
    expect(rawView.statusCode).toBe(200);
    expect(rawView.headers['content-type']).toContain('text/plain');
    expect(rawView.body).toBe(raw);

    const released = await admin.request({ method: 'POST', url: `/api/inbound/quarantine/${id}/release` });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json()).toMatchObject({ outcome: 'ticket_created' });
    const ticket = (await admin.request({ method: 'GET', url: `/api/tickets/${released.json().ticketId}` })).json();
    expect(ticket.ticket).toMatchObject({ subject: 'Out of office', number: released.json().ticketNumber });
    expect(await quarantined(id)).toMatchObject({
      releasedTicketId: released.json().ticketId,
      releasedTicketNumber: released.json().ticketNumber,
    });
    expect((await inbound(messageId)).ticket_id).toBe(released.json().ticketId);
    expectError(await admin.request({ method: 'POST', url: `/api/inbound/quarantine/${id}/release` }), 409, 'email.quarantine_released');
  });

  it('quarantines a loop (mail from our own address) and a bounce', async () => {
    const loop = await ingest(mail('Loop', { from: process.env.OUTPOST_MAIL_FROM ?? 'Outpost Support <support@outpost.local>' }).raw);
    expect(loop.json()).toMatchObject({ outcome: 'ignored', reason: 'sent by Outpost itself' });
    const bounce = await ingest(mail('Undelivered', { from: 'MAILER-DAEMON@initech.com' }).raw);
    expect(bounce.json()).toMatchObject({ outcome: 'ignored' });
    expect((await quarantined(bounce.json().quarantineId)).reason).toBe('automated');
  });

  it('quarantines mail that does not decode cleanly: unknown charset, broken base64, broken quoted-printable', async () => {
    const cases = [
      [
        mail('Charset', { headers: ['Content-Type: text/plain; charset=x-made-up-42'], body: 'caf\u00e9' }),
        'unknown charset "x-made-up-42"',
      ],
      [
        mail('Base64', {
          headers: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64'],
          body: 'aGVsbG8gd29y!!bGQ*',
        }),
        'broken base64',
      ],
      [
        mail('QP', {
          headers: ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable'],
          body: 'caf=ZZ and =4',
        }),
        'broken quoted-printable',
      ],
    ] as const;
    for (const [{ messageId, raw }, reason] of cases) {
      const res = await ingest(Buffer.from(raw, 'latin1'));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ outcome: 'quarantined', reason });
      expect(await quarantined(res.json().quarantineId)).toMatchObject({ reason: 'undecodable', detail: reason });
      expect((await inbound(messageId)).outcome).toBe('quarantined');
    }
    // Clean base64 and quoted-printable are fine.
    const clean = mail('Clean', {
      headers: ['Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: quoted-printable'],
      body: 'caf=E9 soft=\r\nbreak',
    });
    expect((await ingest(clean.raw)).json().outcome).toBe('ticket_created');
  });

  it('removes NUL characters from the text and records that it did', async () => {
    const { messageId, raw } = mail('Nul\u0000 in subject', { body: 'before\u0000after' });
    const res = await ingest(raw);
    expect(res.statusCode, res.body).toBe(201);
    const row = await inbound(messageId);
    expect(JSON.parse(row.decode_notes!)).toEqual(['NUL characters removed']);
    const ticket = (await admin.request({ method: 'GET', url: `/api/tickets/${res.json().ticketId}` })).json();
    expect(ticket.ticket.subject).toBe('Nul in subject');
    expect(ticket.messages[0].body).toBe('beforeafter');
  });

  it('keeps mail refused after it was received in quarantine, while the sender still gets the refusal', async () => {
    const raw = 'Subject: no sender here\r\n\r\nhello\r\n';
    expectError(await ingest(raw), 400, 'email.unreadable');
    const page = (await admin.request({ method: 'GET', url: '/api/inbound/quarantine?reason=refused&limit=200' })).json();
    const entry = page.items.find((i: { subject: string }) => i.subject === 'no sender here');
    expect(entry).toMatchObject({ reason: 'refused', rawAvailable: true });
    expect(entry.detail).toContain('email.unreadable');
    expect((await admin.request({ method: 'GET', url: `/api/inbound/quarantine/${entry.id}/raw` })).body).toBe(raw);
    // Released, it is refused again for the same reason and stays.
    expectError(await admin.request({ method: 'POST', url: `/api/inbound/quarantine/${entry.id}/release` }), 400, 'email.unreadable');
    expect((await quarantined(entry.id)).releasedTicketId).toBeNull();
  });

  it('deletes a quarantined mail and its raw copy', async () => {
    const { messageId, raw } = mail('Delete me', { headers: ['Content-Type: text/plain', 'Precedence: bulk'] });
    const id = (await ingest(raw)).json().quarantineId as string;
    const rawPath = (await inbound(messageId)).raw_path!;
    expect((await admin.request({ method: 'DELETE', url: `/api/inbound/quarantine/${id}` })).statusCode).toBe(204);
    expectError(await admin.request({ method: 'GET', url: `/api/inbound/quarantine/${id}` }), 404, 'email.quarantine_not_found');
    await expect(fs.stat(path.join(dataDir, rawPath))).rejects.toThrow();
    expect((await inbound(messageId)).raw_path).toBeNull();
  });

  it('pages the list newest first with a cursor', async () => {
    for (let i = 0; i < 3; i++) await ingest(mail(`Bulk ${i}`, { headers: ['Content-Type: text/plain', 'Precedence: junk'] }).raw);
    const first = (await admin.request({ method: 'GET', url: '/api/inbound/quarantine?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await admin.request({ method: 'GET', url: `/api/inbound/quarantine?limit=2&cursor=${first.nextCursor}` })).json();
    const ids = [...first.items, ...second.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(first.items[0].receivedAt >= second.items[0].receivedAt).toBe(true);
  });

  it('deletes raw copies past retention, but keeps those quarantined mail still needs', async () => {
    const ticketMail = mail('Old ticket');
    await ingest(ticketMail.raw);
    const held = mail('Old auto-reply', { headers: ['Content-Type: text/plain', 'Auto-Submitted: auto-generated'] });
    const heldId = (await ingest(held.raw)).json().quarantineId as string;
    const ticketPath = (await inbound(ticketMail.messageId)).raw_path!;
    expect(await expireRawMail(t.db.kysely, { dataDir, retentionDays: 90 })).toBe(0);
    const later = new Date(Date.now() + 91 * 24 * 60 * 60 * 1000);
    expect(await expireRawMail(t.db.kysely, { dataDir, retentionDays: 90 }, later)).toBeGreaterThan(0);
    expect((await inbound(ticketMail.messageId)).raw_path).toBeNull();
    await expect(fs.stat(path.join(dataDir, ticketPath))).rejects.toThrow();
    expect((await quarantined(heldId)).rawAvailable).toBe(true);
    expect((await admin.request({ method: 'GET', url: `/api/inbound/quarantine/${heldId}/raw` })).statusCode).toBe(200);
  });

  it('counts quarantined mail by reason and accepted mail on /metrics', async () => {
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/outpost_mail_quarantined\{reason="automated"\} \d+/);
    expect(metrics).toMatch(/outpost_mail_quarantined\{reason="undecodable"\} [1-9]/);
    expect(metrics).toMatch(/outpost_mail_accepted_total [1-9]\d*/);
  });

  it('is closed to a Tier 1 agent (403) and to anonymous callers', async () => {
    const id = (await ingest(mail('Tier 1', { headers: ['Content-Type: text/plain', 'X-Autoreply: yes'] }).raw)).json()
      .quarantineId as string;
    const agent = await signInAs(t, ['support_tier1']);
    for (const [method, url] of [
      ['GET', '/api/inbound/quarantine'],
      ['GET', `/api/inbound/quarantine/${id}`],
      ['GET', `/api/inbound/quarantine/${id}/raw`],
      ['POST', `/api/inbound/quarantine/${id}/release`],
      ['DELETE', `/api/inbound/quarantine/${id}`],
    ] as const) {
      expect(expectError(await agent.request({ method, url }), 403, 'auth.forbidden').details.permission).toBe('support.manage');
      expectError(await t.app.inject({ method, url }), 401, 'auth.unauthenticated');
    }
    expect((await quarantined(id)).releasedTicketId).toBeNull();
  });
});
