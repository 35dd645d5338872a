import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/schema.js';
import { freshDatabase, testDialects } from '../../../db/test-database.js';
import type { Db } from '../../../db/connect.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { generateZendeskExport } from './export-generator.js';
import { FolderSource } from './folder-source.js';
import { importZendesk } from './import-zendesk.js';
import { LiveSource } from './live-source.js';

/** What both desks must hold alike: each ticket with its conversation, and each organisation with its domains. */
async function snapshot(db: Kysely<Database>) {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'subject', 'status', 'priority', 'type', 'created_at'])
    .orderBy('number')
    .execute();
  const messages = await db
    .selectFrom('ticket_messages')
    .select(['ticket_id', 'body', 'visibility', 'author_type', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byTicket = new Map<string, string[]>();
  for (const m of messages)
    byTicket.set(m.ticket_id, [...(byTicket.get(m.ticket_id) ?? []), `${m.visibility}|${m.author_type}|${m.created_at}|${m.body}`]);
  const accounts = await db.selectFrom('accounts').select(['id', 'name']).orderBy('name').execute();
  const domains = await db.selectFrom('account_domains').select(['account_id', 'domain']).execute();
  return {
    tickets: tickets.map((t) => ({
      number: t.number,
      subject: t.subject,
      status: t.status,
      priority: t.priority,
      type: t.type,
      createdAt: t.created_at,
      messages: byTicket.get(t.id) ?? [],
    })),
    organizations: accounts.map((a) => ({
      name: a.name,
      domains: domains
        .filter((d) => d.account_id === a.id)
        .map((d) => d.domain)
        .sort(),
    })),
  };
}

describe.each(testDialects())('a live import from Outpost’s own /api/v2 on %s', (dialect) => {
  let source: TestApp;
  let admin: SignedIn;
  let target: Db;
  let url: string;
  let folder: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-trip-data-'));
    process.env.OUTPOST_DATA_DIR = dataDir;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-trip-'));
    await generateZendeskExport(folder, { tickets: 60, comments: 'separate', seed: 11 });
    source = await startTestApp(dialect);
    admin = await signInAs(source, ['admin']);
    await importZendesk(source.db.kysely, new FolderSource(folder));
    await source.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(source.app.server.address() as AddressInfo).port}`;
    target = await freshDatabase(dialect);
  }, 120_000);

  afterAll(async () => {
    await target?.close();
    await source?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings every ticket, comment and organisation across, alike', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'Round trip', scopes: ['tickets.read', 'accounts.read', 'members.read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const report = await importZendesk(target.kysely, new LiveSource({ url, email: admin.email, token: created.json().token }), {
      batchSize: 20,
    });
    const [before, after] = [await snapshot(source.db.kysely), await snapshot(target.kysely)];
    expect(before.tickets.length).toBeGreaterThan(50);
    expect(before.organizations.length).toBeGreaterThan(3);
    expect(report.counts.ticket?.imported).toBe(before.tickets.length);
    expect(report.counts.comment?.imported).toBe(before.tickets.reduce((n, t) => n + t.messages.length, 0));
    expect(after.tickets).toEqual(before.tickets);
    expect(after.organizations).toEqual(before.organizations);
  }, 120_000);
});
