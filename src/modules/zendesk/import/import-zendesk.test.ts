import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { generateZendeskExport, type ExportManifest } from './export-generator.js';
import { FolderSource } from './folder-source.js';
import { importZendesk, type ImportReport } from './import-zendesk.js';
import { knownExternalIds } from './external-id-repository.js';

/** Kinds whose rows a run skips, as the imports screen lists them. */
function skipsByKind(skips: { kind: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of skips) out[s.kind] = (out[s.kind] ?? 0) + 1;
  return out;
}

function jsonLines<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as T];
      } catch {
        return [];
      }
    });
}

describe.each(testDialects())('importing a Zendesk export on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let folder: string;
  let manifest: ExportManifest;
  let first: ImportReport;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-data-'));
    process.env.OUTPOST_DATA_DIR = dataDir;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'outpost-zd-export-'));
    manifest = await generateZendeskExport(folder, { tickets: 120, comments: 'separate' });
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    first = await importZendesk(t.db.kysely, new FolderSource(folder), { batchSize: 25 });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lands every row of the export: people, groups, fields, macros, tickets, comments, attachments and ratings', () => {
    const c = first.counts;
    expect(c.organization).toEqual({ imported: manifest.organizations - 1, unchanged: 0, skipped: 1 });
    expect(c.user).toEqual({ imported: manifest.users, unchanged: 0, skipped: 0 });
    expect(c.group?.imported).toBe(manifest.groups);
    expect(c.ticket_field?.imported).toBe(manifest.customFields);
    expect(c.macro?.imported).toBe(manifest.macros - 1);
    expect(c.ticket?.imported).toBe(manifest.ticketsExpected);
    expect(c.comment?.imported).toBe(manifest.commentsExpected);
    expect(c.attachment?.imported).toBe(manifest.attachmentsExpected);
    expect(c.satisfaction_rating?.imported).toBe(manifest.ratingsExpected);
    // End users without an organisation are placed by their e-mail domain, or on the no-organization account.
    expect(c.user_matched_by_domain?.imported).toBeGreaterThan(0);
    expect(c.user_without_organization?.imported).toBeGreaterThan(0);
  });

  it('reports every row it did not write, with the reason, on the imports screen', async () => {
    const res = await admin.request({ method: 'GET', url: `/api/imports/${first.runId}` });
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run.status).toBe('finished');
    expect(skipsByKind(run.skips)).toEqual(manifest.skipsExpected);
    const reasons = run.skips.map(
      (s: { kind: string; externalId: string | null; reason: string }) => `${s.kind} ${s.externalId}: ${s.reason}`,
    );
    expect(reasons).toContain('ticket 8: requester 999999999 is not among the imported users');
    expect(reasons).toContain('ticket 14: deleted in Zendesk');
    expect(reasons.some((r: string) => /^ticket null: line \d+ of tickets.jsonl is not valid JSON$/.test(r))).toBe(true);
    expect(reasons).toContain('ticket_field 900099: field type "lookup" is not supported');
    expect(reasons.some((r: string) => r.startsWith('satisfaction_rating') && r.includes('"offered"'))).toBe(true);
    const list = await admin.request({ method: 'GET', url: '/api/imports' });
    expect(list.json().items[0]).toMatchObject({ id: first.runId, skipCount: run.skipCount });
  });

  it('keeps each conversation in order with its authors, note visibility, times, number and fields', async () => {
    const zendesk = jsonLines<{
      id: number;
      status: string;
      subject: string;
      requester_id: number;
      custom_fields: { id: number; value: unknown }[];
    }>(path.join(folder, 'tickets.jsonl')).find((z) => z.id === 2)!;
    const comments = jsonLines<{ ticket_id: number; body: string; public: boolean; created_at: string }>(
      path.join(folder, 'ticket_comments.jsonl'),
    ).filter((c) => c.ticket_id === 2);
    const [id] = [...(await knownExternalIds(t.db.kysely, 'zendesk:' + path.basename(folder), 'ticket', ['2'])).values()];
    const res = await admin.request({ method: 'GET', url: `/api/tickets/${id}` });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.ticket.number).toBe(2);
    expect(page.ticket.subject).toBe(zendesk.subject);
    expect(page.ticket.status).toBe(zendesk.status === 'hold' ? 'on_hold' : zendesk.status);
    expect(page.ticket.requester.name).toBe(`Person ${(zendesk.requester_id - 500000) % 1000}`);
    expect(page.ticket.customFields.map((f: { title: string }) => f.title)).toContain('Plan');
    expect(page.messages.map((m: { body: string }) => m.body)).toEqual(comments.map((c) => c.body));
    expect(page.messages.map((m: { visibility: string }) => m.visibility)).toEqual(comments.map((c) => (c.public ? 'public' : 'internal')));
    expect(page.messages.map((m: { createdAt: string }) => m.createdAt)).toEqual(comments.map((c) => new Date(c.created_at).toISOString()));
  });

  it('changes nothing when run again: every record reports unchanged', async () => {
    const before = await admin.request({ method: 'GET', url: '/api/tickets?status=closed' });
    const again = await importZendesk(t.db.kysely, new FolderSource(folder), { batchSize: 25 });
    expect(again.runId).not.toBe(first.runId);
    for (const kind of ['organization', 'group', 'user', 'ticket_field', 'macro', 'ticket'])
      expect(again.counts[kind]?.imported ?? 0, kind).toBe(0);
    expect(again.counts.ticket?.unchanged).toBe(manifest.ticketsExpected);
    expect(again.counts.user?.unchanged).toBe(manifest.users);
    expect(again.counts.comment).toBeUndefined();
    const after = await admin.request({ method: 'GET', url: '/api/tickets?status=closed' });
    expect(after.json()).toEqual(before.json());
  });

  it('reads comments given inline or as ticket events just as a separate comments file', async () => {
    for (const comments of ['inline', 'events'] as const) {
      const other = fs.mkdtempSync(path.join(os.tmpdir(), `outpost-zd-${comments}-`));
      try {
        await generateZendeskExport(other, { tickets: 30, comments, seed: 7 });
        const fresh = await startTestApp(dialect);
        try {
          const report = await importZendesk(fresh.db.kysely, new FolderSource(other), { batchSize: 10 });
          const expected = JSON.parse(fs.readFileSync(path.join(other, 'manifest.json'), 'utf8')) as ExportManifest;
          expect(report.counts.ticket?.imported, comments).toBe(expected.ticketsExpected);
          expect(report.counts.comment?.imported, comments).toBe(expected.commentsExpected);
        } finally {
          await fresh.close();
        }
      } finally {
        fs.rmSync(other, { recursive: true, force: true });
      }
    }
  }, 120_000);

  it('refuses the run list to members who do not manage support', async () => {
    const agent = await signInAs(t, ['support_tier1']);
    expect((await agent.request({ method: 'GET', url: '/api/imports' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/imports/nope' })).statusCode).toBe(404);
  });
});
