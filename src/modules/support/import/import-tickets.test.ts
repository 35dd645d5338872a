import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { importTickets, type ImportedTicket } from './import-tickets.js';
import { importTicketField } from '../fields/ticket-field-service.js';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../attachments/storage.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe.each(testDialects())('importing tickets from another desk on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let dataDir: string;
  let accountId: string;
  let requesterId: string;
  let planField: string;
  const settings = () => ({ dataDir, maxBytes: DEFAULT_MAX_ATTACHMENT_BYTES });

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'outpost-import-'));
    // The download route reads the data folder from the environment, as the server does.
    process.env.OUTPOST_DATA_DIR = dataDir;
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Globex', domains: ['globex.com'], segment: 'enterprise' },
    });
    accountId = account.json().id;
    const contact = await admin.request({
      method: 'POST',
      url: `/api/accounts/${accountId}/contacts`,
      payload: { name: 'Hank Scorpio', email: 'hank@globex.com' },
    });
    requesterId = contact.json().id;
    const targets = { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 24 * 60 };
    const policy = await admin.request({
      method: 'POST',
      url: '/api/sla-policies',
      payload: {
        name: 'Enterprise around the clock',
        position: 1,
        conditions: { segments: ['enterprise'] },
        targets: { low: targets, normal: targets, high: targets, urgent: targets },
        calendarId: null,
      },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    planField = await importTicketField(t.db.kysely, {
      title: 'Plan',
      fieldType: 'dropdown',
      options: [{ name: 'Platinum tier', value: 'platinum' }],
      active: false,
    });
  });
  afterAll(async () => {
    await t.close();
    delete process.env.OUTPOST_DATA_DIR;
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  function imported(overrides: Partial<ImportedTicket> = {}): ImportedTicket {
    const created = Date.parse('2025-03-03T09:00:00Z');
    return {
      preferredNumber: null,
      subject: 'Cannot export the ledger',
      status: 'open',
      priority: 'normal',
      type: 'incident',
      channel: 'email',
      requesterId,
      accountId,
      assigneeId: null,
      groupId: null,
      tags: ['ledger', 'export'],
      customFields: [],
      createdAt: iso(created),
      updatedAt: iso(created + 3 * HOUR),
      solvedAt: null,
      messages: [
        {
          visibility: 'public',
          author: { type: 'contact', id: requesterId },
          body: 'The ledger export times out.',
          via: 'email',
          createdAt: iso(created),
          attachments: [],
        },
      ],
      satisfaction: null,
      ...overrides,
    };
  }

  it('keeps a free source number, gives a taken one the next number, and new tickets continue past both', async () => {
    const [first] = await importTickets(t.db.kysely, [imported({ preferredNumber: 7001 })], settings());
    expect(first!.number).toBe(7001);
    const [clash, kept] = await importTickets(
      t.db.kysely,
      [imported({ preferredNumber: 7001 }), imported({ preferredNumber: 7002 })],
      settings(),
    );
    expect(kept!.number).toBe(7002);
    expect(clash!.number).toBe(7003);
    const opened = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'After the move', description: 'Hello', requesterId },
    });
    expect(opened.json().number).toBe(7004);
  });

  it('writes the conversation oldest first with its original authors, times, channel and attachments', async () => {
    const start = Date.parse('2025-04-01T10:00:00Z');
    const log = Buffer.from('ERROR ledger export: timeout after 30s\n');
    const [result] = await importTickets(
      t.db.kysely,
      [
        imported({
          createdAt: iso(start),
          updatedAt: iso(start + 2 * HOUR),
          assigneeId: agent.memberId,
          messages: [
            {
              visibility: 'public',
              author: { type: 'member', id: agent.memberId },
              body: 'Could you send the log?',
              via: 'web',
              createdAt: iso(start + HOUR),
              attachments: [],
            },
            {
              visibility: 'public',
              author: { type: 'contact', id: requesterId },
              body: 'Export fails every night.',
              via: 'email',
              createdAt: iso(start),
              attachments: [],
            },
            {
              visibility: 'internal',
              author: { type: 'member', id: agent.memberId },
              body: 'Looks like the 30 s gateway limit.',
              via: 'web',
              createdAt: iso(start + 2 * HOUR),
              attachments: [{ filename: 'export.log', contentType: 'text/plain', bytes: log }],
            },
          ],
        }),
      ],
      settings(),
    );
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${result!.id}` })).json();
    expect(page.ticket.createdAt).toBe(iso(start));
    expect(page.ticket.type).toBe('incident');
    expect(page.ticket.tags).toEqual(['export', 'ledger']);
    expect(page.messages.map((m: { body: string }) => m.body)).toEqual([
      'Export fails every night.',
      'Could you send the log?',
      'Looks like the 30 s gateway limit.',
    ]);
    expect(page.messages.map((m: { author: { name: string } }) => m.author.name)).toEqual([
      'Hank Scorpio',
      'Test support_tier1',
      'Test support_tier1',
    ]);
    expect(page.messages.map((m: { createdAt: string }) => m.createdAt)).toEqual([iso(start), iso(start + HOUR), iso(start + 2 * HOUR)]);
    // messageIds answer in the order the ticket gave its messages.
    expect(result!.messageIds[1]).toBe(page.messages[0].id);
    const [file] = page.messages[2].attachments;
    expect(file).toMatchObject({ filename: 'export.log', contentType: 'text/plain', sizeBytes: log.length });
    const download = await agent.request({ method: 'GET', url: file.url });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(log)).toBe(true);
    const events = (await agent.request({ method: 'GET', url: `/api/tickets/${result!.id}/events` })).json().items;
    expect(events.map((e: { type: string }) => e.type)).toContain('ticket.imported');
  });

  it('recomputes the SLA under the current policy: a late first reply is a breach, an unanswered open ticket is due an hour after it opened', async () => {
    const start = Date.parse('2025-05-05T08:00:00Z');
    const recent = Date.now() - 10 * 60_000;
    const [late, waiting] = await importTickets(
      t.db.kysely,
      [
        imported({
          status: 'solved',
          createdAt: iso(start),
          updatedAt: iso(start + 5 * HOUR),
          solvedAt: iso(start + 5 * HOUR),
          messages: [
            ...imported().messages.map((m) => ({ ...m, createdAt: iso(start) })),
            {
              visibility: 'public',
              author: { type: 'member', id: agent.memberId },
              body: 'Fixed in 4.2.',
              via: 'web',
              createdAt: iso(start + 90 * 60_000),
              attachments: [],
            },
          ],
          satisfaction: { rating: 'good', comment: 'Quick and clear', ratedAt: iso(start + 6 * HOUR) },
        }),
        imported({
          createdAt: iso(recent),
          updatedAt: iso(recent),
          messages: imported().messages.map((m) => ({ ...m, createdAt: iso(recent) })),
        }),
      ],
      settings(),
    );
    const solved = (await agent.request({ method: 'GET', url: `/api/tickets/${late!.id}` })).json().ticket;
    expect(solved.status).toBe('solved');
    expect(solved.solvedAt).toBe(iso(start + 5 * HOUR));
    expect(solved.sla.breaches).toEqual(['first_reply']);
    expect(solved.sla.dueAt).toBeNull();
    expect(solved.sla.policyId).not.toBeNull();
    const open = (await agent.request({ method: 'GET', url: `/api/tickets/${waiting!.id}` })).json().ticket;
    expect(open.sla.firstReplyDueAt).toBe(iso(recent + HOUR));
    expect(open.sla.breaches).toEqual([]);

    const surveys = (await agent.request({ method: 'GET', url: `/api/tickets/${late!.id}/csat` })).json().items;
    expect(surveys).toHaveLength(1);
    expect(surveys[0]).toMatchObject({ rating: 'good', comment: 'Quick and clear', ratedAt: iso(start + 6 * HOUR) });
  });

  it('drops NUL characters from imported text, which PostgreSQL cannot store', async () => {
    const [result] = await importTickets(
      t.db.kysely,
      [
        imported({
          subject: 'Null\u0000 byte',
          messages: [{ ...imported().messages[0]!, body: 'Binary\u0000 paste from a log' }],
        }),
      ],
      settings(),
    );
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${result!.id}` })).json();
    expect(page.ticket.subject).toBe('Null byte');
    expect(page.messages[0].body).toBe('Binary paste from a log');
  });

  it('keeps a retired field’s values and makes them searchable', async () => {
    const [result] = await importTickets(
      t.db.kysely,
      [imported({ subject: 'Tier question', customFields: [{ fieldId: planField, value: 'platinum' }] })],
      settings(),
    );
    const ticket = (await agent.request({ method: 'GET', url: `/api/tickets/${result!.id}` })).json().ticket;
    expect(ticket.customFields).toEqual([{ fieldId: planField, title: 'Plan', value: 'platinum' }]);
    const hits = (await agent.request({ method: 'GET', url: '/api/search?q=platinum&types=ticket' })).json().items;
    expect(hits.map((h: { id: string }) => h.id)).toContain(result!.id);
  });

  it('writes nothing of a batch with a bad reference, and leaves no file behind', async () => {
    const before = await fs.readdir(dataDir, { recursive: true });
    const count = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('tickets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tickets = await count();
    const withFile = imported({
      messages: [
        { ...imported().messages[0]!, attachments: [{ filename: 'a.txt', contentType: 'text/plain', bytes: Buffer.from('hello') }] },
      ],
    });
    await expect(importTickets(t.db.kysely, [withFile, imported({ assigneeId: 'no-such-member' })], settings())).rejects.toMatchObject({
      code: 'request.reference_not_found',
    });
    await expect(
      importTickets(t.db.kysely, [withFile, imported({ customFields: [{ fieldId: planField, value: 'bronze' }] })], settings()),
    ).rejects.toMatchObject({ code: 'ticket_fields.value_invalid' });
    expect(await count()).toBe(tickets);
    expect((await fs.readdir(dataDir, { recursive: true })).filter((f) => !before.includes(f) && f.split(path.sep).length > 3)).toEqual([]);
  });
});
