import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { importTickets, type ImportedTicket } from '../import/import-tickets.js';
import { DEFAULT_MAX_ATTACHMENT_BYTES } from '../attachments/storage.js';

describe.each(testDialects())('ticket numbers on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;
  let accountId: string;
  let requesterId: string;
  const settings = { dataDir: '/nonexistent', maxBytes: DEFAULT_MAX_ATTACHMENT_BYTES };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Umbrella', domains: ['umbrella.example'], segment: 'enterprise' },
    });
    accountId = account.json().id;
    const contact = await admin.request({
      method: 'POST',
      url: `/api/accounts/${accountId}/contacts`,
      payload: { name: 'Alice Abernathy', email: 'alice@umbrella.example' },
    });
    requesterId = contact.json().id;
  });
  afterAll(async () => t.close());

  async function openTicket(subject: string): Promise<number> {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description: 'The lab door will not open.', requesterId },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().number;
  }

  function imported(preferredNumber: number | null): ImportedTicket {
    const at = '2025-05-05T09:00:00.000Z';
    return {
      preferredNumber,
      subject: `Moved from the old desk (${preferredNumber ?? 'no number'})`,
      status: 'open',
      priority: 'normal',
      type: 'incident',
      channel: 'email',
      requesterId,
      accountId,
      assigneeId: null,
      groupId: null,
      tags: [],
      customFields: [],
      createdAt: at,
      updatedAt: at,
      solvedAt: null,
      messages: [
        {
          visibility: 'public',
          author: { type: 'contact', id: requesterId },
          body: 'Moved.',
          via: 'email',
          createdAt: at,
          attachments: [],
        },
      ],
      satisfaction: null,
    };
  }

  it('gives forty tickets opened at once forty different numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 40 }, (_, i) => openTicket(`Door ${i}`)));
    expect(new Set(numbers).size).toBe(40);
    expect(numbers.every((n) => Number.isSafeInteger(n) && n > 0)).toBe(true);
  });

  it('continues past the largest source number an import kept, with the import’s fresh numbers after it', async () => {
    const [kept, fresh, lower] = await importTickets(t.db.kysely, [imported(5000), imported(null), imported(4000)], settings);
    expect(kept!.number).toBe(5000);
    expect(lower!.number).toBe(4000);
    expect(fresh!.number).toBe(5001);
    const next = await Promise.all([openTicket('After the move'), openTicket('After the move, too')]);
    expect(next.sort((a, b) => a - b)).toEqual([5002, 5003]);
  });

  it('keeps numbers distinct when imports wanting the same source numbers run beside new tickets', async () => {
    const wanted = [9001, 9002, 9003, null];
    const [first, second, ...opened] = await Promise.all([
      importTickets(t.db.kysely, wanted.map(imported), settings),
      importTickets(t.db.kysely, wanted.map(imported), settings),
      ...Array.from({ length: 10 }, (_, i) => openTicket(`Beside the import ${i}`)),
    ]);
    const all = [...first!.map((r) => r.number), ...second!.map((r) => r.number), ...(opened as number[])];
    expect(new Set(all).size).toBe(all.length);
    // One import kept the source numbers; the other, coming second, found them taken.
    const keptBy = [first!, second!].filter((batch) => batch.slice(0, 3).every((r, i) => r.number === wanted[i]));
    expect(keptBy).toHaveLength(1);
    expect(await openTicket('After both imports')).toBeGreaterThan(Math.max(...all));
  });
});
