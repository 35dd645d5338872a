import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../db/test-database.js';
import { expectError } from '../../../test/factories/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../test/helpers/test-app.js';
import { searchDocument } from './documents.js';
import { indexDocuments, reindexAll } from './service.js';

interface Result {
  type: string;
  id: string;
  title: string;
  titleHtml: string;
  snippet: string;
  score: number;
  ticketId: string | null;
  accountId: string | null;
  visibility: string;
}

describe.each(testDialects())('search on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let initech: string;
  let globex: string;

  const search = async (query: string, who: SignedIn = agent) => {
    const res = await who.request({ method: 'GET', url: `/api/search?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      items: Result[];
      counts: Record<string, number>;
      countsExact: Record<string, boolean>;
      total: number;
      totalExact: boolean;
      nextCursor: string | null;
    };
  };
  const q = (text: string, extra = '') => search(`q=${encodeURIComponent(text)}${extra}`);

  async function openTicket(subject: string, description: string, email = 'peter@initech.com') {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description, requesterEmail: email, requesterName: 'Peter Gibbons' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    initech = (
      await admin.request({
        method: 'POST',
        url: '/api/accounts',
        payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
      })
    ).json().id;
    globex = (
      await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: 'Globex', domains: ['globex.com'], segment: 'smb' } })
    ).json().id;
  });
  afterAll(async () => t.close());

  it('ranks a ticket whose subject matches above a message that mentions the word in its body', async () => {
    const titled = await openTicket('Kerberos handshake fails', 'Users cannot sign in since Monday.');
    const mentioned = await openTicket('Slow dashboard', 'It might be related to the kerberos change we made, not sure.');
    const { items } = await q('kerberos');
    expect(items.map((i) => [i.type, i.ticketId])).toEqual([
      ['ticket', titled.id],
      ['message', mentioned.id],
    ]);
    expect(items[0]!.score).toBeGreaterThan(items[1]!.score);
    expect(items[1]!.title).toBe('Slow dashboard');
  });

  it('highlights matches in <mark> and escapes the rest of the stored text', async () => {
    const ticket = await openTicket('Widget <b>broken</b>', 'Pasted from the console: <script>alert("gizmotron")</script> & more');
    const { items } = await q('gizmotron');
    const hit = items.find((i) => i.ticketId === ticket.id)!;
    expect(hit.type).toBe('message');
    expect(hit.snippet).toContain('<mark>gizmotron</mark>');
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).not.toContain('<script>');
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(hit.titleHtml).toBe('Widget &lt;b&gt;broken&lt;/b&gt;');
    const title = (await q('widget')).items.find((i) => i.type === 'ticket')!;
    expect(title.titleHtml).toBe('<mark>Widget</mark> &lt;b&gt;broken&lt;/b&gt;');
  });

  it('matches the last word as a prefix, ignores diacritics and finds contacts by e-mail', async () => {
    const contact = await admin.request({
      method: 'POST',
      url: `/api/accounts/${globex}/contacts`,
      payload: { name: 'José Müller', email: 'jose.mueller@globex.com', title: 'Head of IT' },
    });
    expect(contact.statusCode).toBe(201);
    expect((await q('jose mul')).items.map((i) => i.id)).toEqual([contact.json().id]);
    expect((await q('jose.mueller@globex.com')).items.map((i) => i.id)).toContain(contact.json().id);
    const hit = (await q('muller')).items[0]!;
    expect(hit.type).toBe('contact');
    expect(hit.accountId).toBe(globex);
    if (dialect === 'sqlite') expect(hit.titleHtml).toBe('José <mark>Müller</mark>');
    expect((await q('kerber')).items[0]!.title).toBe('Kerberos handshake fails');
  });

  it('filters by type, account and ticket status, and counts matches per type for the facet chips', async () => {
    const solved = await openTicket('Quasar export stalls', 'The quasar export stops at 50%.');
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${solved.id}/messages`,
      payload: { body: 'Fixed the quasar worker.', visibility: 'public', status: 'solved' },
    });
    const other = await openTicket('Quasar login', 'Quasar sign-in loops.', 'hank@globex.com');

    const all = await q('quasar');
    expect(all.counts).toEqual({ ticket: 2, message: 3, contact: 0, account: 0, article: 0, collateral: 0 });
    expect(all.total).toBe(5);
    // Below the cap every count is exact (above it the API says "1000+": countsExact false).
    expect(all.totalExact).toBe(true);
    expect(Object.values(all.countsExact).every(Boolean)).toBe(true);

    const tickets = await q('quasar', '&types=ticket');
    expect(tickets.items.map((i) => i.type)).toEqual(['ticket', 'ticket']);
    expect(tickets.total).toBe(2);
    expect(tickets.counts.message).toBe(3);

    const atGlobex = await q('quasar', `&accountId=${globex}`);
    expect(new Set(atGlobex.items.map((i) => i.ticketId))).toEqual(new Set([other.id]));

    const open = await q('quasar', '&status=solved&types=ticket,message');
    expect(new Set(open.items.map((i) => i.ticketId))).toEqual(new Set([solved.id]));
    expect(open.items).toHaveLength(3);
  });

  it('flags internal notes so that a customer-facing search can leave them out', async () => {
    const ticket = await openTicket('Licence server', 'It will not start.');
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Zanzibar cluster key is wrong, rotate it.', visibility: 'internal' },
    });
    const [note] = (await q('zanzibar')).items;
    expect(note).toMatchObject({ type: 'message', ticketId: ticket.id, visibility: 'internal', title: 'Licence server' });
  });

  it('finds a renamed account and an edited ticket subject by the new words and no longer by the old', async () => {
    const account = (await admin.request({ method: 'POST', url: '/api/accounts', payload: { name: 'Chotchkies', segment: 'smb' } })).json();
    expect((await q('chotchkies')).items.map((i) => i.id)).toEqual([account.id]);
    await admin.request({ method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { name: 'Flingers Bistro' } });
    expect((await q('chotchkies')).items).toEqual([]);
    expect((await q('flingers')).items.map((i) => i.id)).toEqual([account.id]);

    const ticket = await openTicket('Printer jams on floor four', 'Paper everywhere.');
    await agent.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Paper tray replaced.', visibility: 'public' },
    });
    const edit = await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { subject: 'Scanner feeder jams' } });
    expect(edit.statusCode).toBe(200);
    expect((await q('printer')).items).toEqual([]);
    expect((await q('scanner feeder')).items.map((i) => i.id)).toEqual([ticket.id]);
    const replies = (await q('paper tray')).items;
    expect(replies.map((i) => i.title)).toEqual(['Scanner feeder jams']);

    const contact = (
      await admin.request({
        method: 'POST',
        url: `/api/accounts/${initech}/contacts`,
        payload: { name: 'Milton Waddams', email: 'milton@initech.com' },
      })
    ).json();
    await admin.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { name: 'Milton Stapler' } });
    expect((await q('waddams')).items).toEqual([]);
    expect((await q('stapler')).items.map((i) => i.id)).toEqual([contact.id]);
  });

  it('answers every hostile or odd query with 200, never a syntax error', async () => {
    const hostile = [
      'foo" OR (',
      '"',
      '""',
      '*',
      'AND',
      'NEAR(kerberos',
      '-kerberos',
      "'; drop table tickets; --",
      'kerberos:*',
      '\\',
      'a & b | !c <-> d',
      '(((',
      'title:kerberos',
      '^kerberos',
      '🔥 kerberos 🔥',
      'x'.repeat(200),
      '%',
      '_',
      'NOT',
      '{kerberos}',
    ];
    for (const text of hostile) {
      const res = await agent.request({ method: 'GET', url: `/api/search?q=${encodeURIComponent(text)}` });
      expect(res.statusCode, `${text}: ${res.body.slice(0, 200)}`).toBe(200);
    }
    expect((await q('foo" OR (')).items).toEqual([]);
    expect((await q('"')).items).toEqual([]);
    expect((await q('NEAR(kerberos')).items).toEqual([]);
    expect((await q('-kerberos')).items.map((i) => i.title)).toContain('Kerberos handshake fails');
  });

  it('refuses an empty query, an unknown type and a forged cursor with 400', async () => {
    expectError(await agent.request({ method: 'GET', url: '/api/search?q=' }), 400, 'request.invalid');
    expectError(await agent.request({ method: 'GET', url: '/api/search?q=a&types=ticket,invoice' }), 400, 'request.invalid');
    expectError(await agent.request({ method: 'GET', url: '/api/search?q=a&cursor=bm9wZQ' }), 400, 'request.invalid_cursor');
  });

  it('pages through results with a cursor', async () => {
    const first = await q('quasar', '&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await q('quasar', `&limit=2&cursor=${first.nextCursor}`);
    const third = await q('quasar', `&limit=2&cursor=${second.nextCursor}`);
    const ids = [...first.items, ...second.items, ...third.items].map((i) => `${i.type}:${i.id}`);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
  });

  it('lets a read-only stakeholder search', async () => {
    const stakeholder = await signInAs(t, ['stakeholder']);
    expect((await search('q=kerberos', stakeholder)).items.length).toBeGreaterThan(0);
  });

  it('rebuilds the index to the same results', async () => {
    const before = await q('quasar');
    await t.db.kysely.deleteFrom('search_documents').where('doc_type', '=', 'message').execute();
    expect((await q('quasar')).counts.message).toBe(0);
    const progress: number[] = [];
    await reindexAll(t.db.kysely, (done) => progress.push(done));
    expect(progress.length).toBeGreaterThan(1);
    const after = await q('quasar');
    expect(after.counts).toEqual(before.counts);
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
  });

  it('drops on rebuild the entries whose record is gone, before, between and after the records', async () => {
    const { id: ticketId } = await openTicket('Nebula sync stalls', 'The nebula job stops halfway.');
    const gone = (id: string) =>
      searchDocument('message', id, {
        title: 'Gone',
        heading: '',
        keywords: '',
        body: 'nebula leftovers',
        accountId: null,
        ticketId,
        visibility: 'public',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    // Sorting before the first message, just after the first (before the second), after the last.
    const first = await t.db.kysely
      .selectFrom('search_documents')
      .select('doc_id')
      .where('doc_type', '=', 'message')
      .orderBy('doc_id')
      .executeTakeFirstOrThrow();
    const ids = ['00000000-gone', `${first.doc_id}-gone`, 'ffffffff-gone'];
    await indexDocuments(t.db.kysely, ids.map(gone));
    expect((await q('leftovers')).counts.message).toBe(3);
    await reindexAll(t.db.kysely);
    expect((await q('leftovers')).counts.message).toBe(0);
    expect((await q('nebula')).counts).toMatchObject({ ticket: 1, message: 1 });
  });
});
