import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDialects } from '../../../db/test-database.js';
import { generateZendeskExport, type ExportManifest } from './export-generator.js';
import { importZendesk } from './import-zendesk.js';
import { LiveSource } from './live-source.js';

function records(folder: string, file: string, key: string): Record<string, unknown>[] {
  const text = fs.readFileSync(path.join(folder, file), 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text)[key];
  return text.split('\n').flatMap((line) => {
    try {
      return line.trim() ? [JSON.parse(line)] : [];
    } catch {
      return [];
    }
  });
}

/**
 * A stand-in Zendesk on 127.0.0.1 serving a generated export the way the Support API pages it:
 * cursor-based incremental exports (after_url, end_of_stream) for tickets and users, cursor
 * pagination (links.next, meta.has_more) for organizations, offset pages (next_page) elsewhere,
 * comments per ticket, attachments by content_url; it answers its first request with a 429.
 */
function fakeZendesk(folder: string) {
  const data: Record<string, Record<string, unknown>[]> = {
    organizations: records(folder, 'organizations.jsonl', 'organizations'),
    users: records(folder, 'users.jsonl', 'users'),
    groups: records(folder, 'groups.json', 'groups'),
    group_memberships: records(folder, 'group_memberships.jsonl', 'group_memberships'),
    ticket_fields: records(folder, 'ticket_fields.json', 'ticket_fields'),
    macros: records(folder, 'macros.json', 'macros'),
    satisfaction_ratings: records(folder, 'satisfaction_ratings.jsonl', 'satisfaction_ratings'),
    tickets: records(folder, 'tickets.jsonl', 'tickets'),
  };
  const comments = records(folder, 'ticket_comments.jsonl', 'comments');
  const seen = { authorizations: new Set<string>(), throttled: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://127.0.0.1');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    seen.authorizations.add(req.headers.authorization ?? '');
    if (seen.throttled === 0) {
      seen.throttled += 1;
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{"error":"APIRateLimitExceeded"}');
      return;
    }
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const attachment = url.pathname.match(/^\/attachments\/token\/x(\d+)\/$/);
    if (attachment) {
      const file = fs.readdirSync(path.join(folder, 'attachments')).find((f) => f.startsWith(`${attachment[1]}-`));
      if (!file) return res.writeHead(404).end();
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(fs.readFileSync(path.join(folder, 'attachments', file)));
    }
    const ticketComments = url.pathname.match(/^\/api\/v2\/tickets\/(\d+)\/comments\.json$/);
    if (ticketComments) {
      const list = comments
        .filter((c) => String(c.ticket_id) === ticketComments[1])
        .map((c) => ({
          ...c,
          attachments: (c.attachments as { id: number; file_name: string }[]).map((a) => ({
            ...a,
            content_url: `${base}/attachments/token/x${a.id}/`,
          })),
        }));
      return send({ comments: list, next_page: null, previous_page: null, count: list.length });
    }
    const incremental = url.pathname.match(/^\/api\/v2\/incremental\/(tickets|users)\/cursor\.json$/);
    if (incremental) {
      const all = data[incremental[1]!]!;
      const at = Number(url.searchParams.get('cursor') ?? 0);
      const page = all.slice(at, at + 7);
      const end = at + 7 >= all.length;
      return send({
        [incremental[1]!]: page,
        after_cursor: String(at + 7),
        after_url: end ? null : `${base}${url.pathname}?cursor=${at + 7}`,
        before_cursor: null,
        end_of_stream: end,
      });
    }
    const list = url.pathname.match(/^\/api\/v2\/(\w+)\.json$/);
    if (list && data[list[1]!] && list[1] !== 'tickets' && list[1] !== 'users') {
      const all = data[list[1]!]!;
      if (list[1] === 'organizations') {
        const at = Number(url.searchParams.get('page[after]') ?? 0);
        const more = at + 4 < all.length;
        return send({
          organizations: all.slice(at, at + 4),
          meta: { has_more: more, after_cursor: String(at + 4) },
          links: { next: more ? `${base}/api/v2/organizations.json?page[after]=${at + 4}` : null },
        });
      }
      const pageNo = Number(url.searchParams.get('page') ?? 1);
      const next = pageNo * 3 < all.length ? `${base}${url.pathname}?page=${pageNo + 1}` : null;
      return send({ [list[1]!]: all.slice((pageNo - 1) * 3, pageNo * 3), next_page: next, previous_page: null, count: all.length });
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"InvalidEndpoint"}');
  });
  return { server, seen };
}

describe.each(testDialects())('pulling live from a Zendesk-compatible API on %s', (dialect) => {
  let folder: string;
  let dataDir: string;
  let manifest: ExportManifest;
  let fake: ReturnType<typeof fakeZendesk>;
  let url: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-live-data-'));
    process.env.OUTPOST_DATA_DIR = dataDir;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-live-'));
    manifest = await generateZendeskExport(folder, { tickets: 40, comments: 'separate', seed: 5 });
    fake = fakeZendesk(folder);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => fake.server.close(resolve));
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('follows every kind of page, waits out a 429 as Retry-After says, and lands what an export import lands', async () => {
    const db = await freshDatabase(dialect);
    try {
      const waits: number[] = [];
      const source = new LiveSource({ url, email: 'admin@acme.example', token: 'T0KEN', sleep: async (ms) => void waits.push(ms) });
      const report = await importZendesk(db.kysely, source, { batchSize: 10 });
      expect(waits).toEqual([1000]);
      expect([...fake.seen.authorizations].filter(Boolean)).toEqual([
        `Basic ${Buffer.from('admin@acme.example/token:T0KEN').toString('base64')}`,
      ]);
      expect(report.counts.organization?.imported).toBe(manifest.organizations - 1);
      expect(report.counts.user?.imported).toBe(manifest.users);
      expect(report.counts.group?.imported).toBe(manifest.groups);
      expect(report.counts.ticket?.imported).toBe(manifest.ticketsExpected);
      expect(report.counts.comment?.imported).toBe(manifest.commentsExpected);
      expect(report.counts.attachment?.imported).toBe(manifest.attachmentsExpected);
      expect(report.counts.satisfaction_rating?.imported).toBe(manifest.ratingsExpected);
      // Once more: nothing new.
      const again = await importZendesk(db.kysely, new LiveSource({ url, email: 'admin@acme.example', token: 'T0KEN' }), { batchSize: 10 });
      expect(again.counts.ticket).toEqual({
        imported: 0,
        unchanged: manifest.ticketsExpected,
        skipped: manifest.skipsExpected.ticket! - 1,
      });
    } finally {
      await db.close();
    }
  }, 120_000);
});
