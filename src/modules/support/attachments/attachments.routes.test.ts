import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';

const LIMIT = 64 * 1024;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

interface Part {
  name: string;
  value: string | Buffer;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body, as a browser's file upload sends it. */
function multipart(parts: Part[]) {
  const boundary = `----outpost${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('ticket attachments on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;
  let dataDir: string;
  let ticketId: string;
  let otherTicketId: string;
  let firstMessageId: string;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-attach-'));
    process.env.OUTPOST_DATA_DIR = dataDir;
    process.env.OUTPOST_MAX_ATTACHMENT_BYTES = String(LIMIT);
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
    });
    const open = async (subject: string) =>
      (
        await agent.request({
          method: 'POST',
          url: '/api/tickets',
          payload: { subject, description: 'See the screenshot.', requesterEmail: 'peter@initech.com' },
        })
      ).json();
    ticketId = (await open('Broken chart')).id;
    otherTicketId = (await open('Other case')).id;
    firstMessageId = (await agent.request({ method: 'GET', url: `/api/tickets/${ticketId}` })).json().messages[0].id;
  });
  afterAll(async () => {
    await t.close();
    delete process.env.OUTPOST_DATA_DIR;
    delete process.env.OUTPOST_MAX_ATTACHMENT_BYTES;
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const upload = (id: string, parts: Part[]) =>
    agent.request({ method: 'POST', url: `/api/tickets/${id}/attachments`, ...multipart(parts) });
  const count = async () => (await t.db.kysely.selectFrom('ticket_attachments').select('id').execute()).length;

  it('uploads a screenshot to a message and downloads the same bytes as an attachment, never inline', async () => {
    const res = await upload(ticketId, [
      { name: 'messageId', value: firstMessageId },
      { name: 'file', value: PNG, filename: 'chart größe.png', contentType: 'image/png' },
    ]);
    expect(res.statusCode, res.body).toBe(201);
    const attachment = res.json();
    expect(attachment).toMatchObject({
      ticketId,
      messageId: firstMessageId,
      filename: 'chart größe.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
    });
    expect(attachment.sha256).toMatch(/^[0-9a-f]{64}$/);

    const list = (await agent.request({ method: 'GET', url: `/api/tickets/${ticketId}/attachments` })).json();
    expect(list.items.map((a: { id: string }) => a.id)).toEqual([attachment.id]);
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${ticketId}` })).json();
    expect(page.messages[0].attachments.map((a: { id: string }) => a.id)).toEqual([attachment.id]);

    for (const url of [`/api/attachments/${attachment.id}`, `/api/tickets/${ticketId}/attachments/${attachment.id}`]) {
      const download = await agent.request({ method: 'GET', url });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PNG)).toBe(true);
      expect(download.headers['content-type']).toBe('image/png');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="chart gr__e.png"; filename*=UTF-8''chart%20gr%C3%B6%C3%9Fe.png`,
      );
    }
    const files = await fs.readdir(dataDir, { recursive: true });
    expect(files.some((f) => f.endsWith(attachment.id))).toBe(true);
  });

  it('answers 404 when the attachment is asked for under another ticket, or does not exist', async () => {
    const res = await upload(ticketId, [{ name: 'file', value: 'a,b\n1,2\n', filename: 'data.csv', contentType: 'text/csv' }]);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expectError(
      await agent.request({ method: 'GET', url: `/api/tickets/${otherTicketId}/attachments/${id}` }),
      404,
      'attachments.not_found',
    );
    expectError(await agent.request({ method: 'GET', url: `/api/attachments/${otherTicketId}` }), 404, 'attachments.not_found');
    expectError(await agent.request({ method: 'GET', url: '/api/tickets/no-such-ticket/attachments' }), 404, 'tickets.not_found');
  });

  it('refuses a file over the size limit with 413 and keeps nothing of it', async () => {
    const before = await count();
    const res = await upload(ticketId, [
      { name: 'file', value: Buffer.alloc(LIMIT + 1, 0x61), filename: 'huge.log', contentType: 'text/plain' },
    ]);
    expect(expectError(res, 413, 'attachments.too_large').details.limitBytes).toBe(LIMIT);
    expect(await count()).toBe(before);
  });

  it('refuses a type not on the allow-list, or content that does not match its type, with 415', async () => {
    const before = await count();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]);
    for (const file of [
      { value: exe, filename: 'setup.exe', contentType: 'application/x-msdownload' },
      { value: exe, filename: 'screenshot.png', contentType: 'image/png' },
      { value: Buffer.from('<svg onload="alert(1)"/>'), filename: 'logo.svg', contentType: 'image/svg+xml' },
      { value: Buffer.from('not a pdf'), filename: 'report.pdf', contentType: 'application/pdf' },
      { value: PNG, filename: 'run.sh', contentType: 'application/octet-stream' },
    ]) {
      const res = await upload(ticketId, [{ name: 'file', ...file }]);
      expectError(res, 415, 'attachments.type_not_allowed');
    }
    expect(await count()).toBe(before);
  });

  it('refuses a message of another ticket, a missing file and a body that is not multipart', async () => {
    const otherMessage = (await agent.request({ method: 'GET', url: `/api/tickets/${otherTicketId}` })).json().messages[0].id;
    const foreign = await upload(ticketId, [
      { name: 'messageId', value: otherMessage },
      { name: 'file', value: 'hello', filename: 'note.txt', contentType: 'text/plain' },
    ]);
    expectError(foreign, 422, 'request.reference_not_found');
    expectError(await upload(ticketId, [{ name: 'messageId', value: firstMessageId }]), 400, 'attachments.file_missing');
    expectError(
      await agent.request({ method: 'POST', url: `/api/tickets/${ticketId}/attachments`, payload: { file: 'x' } }),
      400,
      'attachments.file_missing',
    );
  });

  it('records the upload in the ticket’s history and the audit log', async () => {
    const res = await upload(ticketId, [{ name: 'file', value: '{"a":1}', filename: 'settings.json', contentType: 'application/json' }]);
    const events = (await agent.request({ method: 'GET', url: `/api/tickets/${ticketId}/events` })).json().items;
    expect(
      events
        .filter((e: { type: string }) => e.type === 'attachment.added')
        .map((e: { data: { attachmentId: string } }) => e.data.attachmentId),
    ).toContain(res.json().id);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'ticket.attachment_added')
      .where('record_id', '=', ticketId)
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(agent.memberId);
  });
});
