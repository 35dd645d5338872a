import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { expectError } from '../../../../test/factories/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { searchPublicArticles } from './service.js';

describe.each(testDialects())('knowledge base on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let tier1: SignedIn;
  let tier2: SignedIn;
  let stakeholder: SignedIn;

  const audits = async (action: string) => t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

  async function openTicket(subject: string, description: string) {
    const res = await tier1.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description, requesterEmail: 'peter@initech.com', tags: ['sso'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  }

  async function write(body: Record<string, unknown>, who: SignedIn = tier2) {
    const res = await who.request({ method: 'POST', url: '/api/articles', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    tier1 = await signInAs(t, ['support_tier1']);
    tier2 = await signInAs(t, ['support_tier2']);
    stakeholder = await signInAs(t, ['stakeholder']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
    });
  });
  afterAll(async () => t.close());

  it('writes a Markdown article, stores it as written and audits it; a stakeholder may read but not write', async () => {
    const body = '# Rotate the SAML certificate\n\n1. Open **Settings**\n2. Upload the new `cert.pem`\n\n<img src=x onerror=alert(1)>';
    const article = await write({ title: 'Rotate the SAML certificate', body, tags: ['SSO', 'saml', 'sso'], productArea: 'Identity' });
    expect(article).toMatchObject({
      title: 'Rotate the SAML certificate',
      body,
      visibility: 'internal',
      status: 'draft',
      tags: ['saml', 'sso'],
      productArea: 'Identity',
      linkedCount: 0,
      solvedCount: 0,
      publishedAt: null,
    });
    expect(article.author.id).toBe(tier2.memberId);
    expect((await audits('article.created')).map((a) => a.record_id)).toContain(article.id);

    const read = await stakeholder.request({ method: 'GET', url: `/api/articles/${article.id}` });
    expect(read.json().body).toBe(body);
    expectError(await stakeholder.request({ method: 'POST', url: '/api/articles', payload: { title: 'Nope' } }), 403, 'auth.forbidden');
    expectError(await tier1.request({ method: 'GET', url: '/api/articles/no-such-article' }), 404, 'articles.not_found');
  });

  it('publishes, edits and archives an article, keeping the first publication time', async () => {
    const article = await write({ title: 'Reset MFA for a user', body: 'Ask an admin.' }, tier1);
    const published = (
      await tier2.request({ method: 'PATCH', url: `/api/articles/${article.id}`, payload: { status: 'published', visibility: 'public' } })
    ).json();
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    const edited = (
      await tier2.request({
        method: 'PATCH',
        url: `/api/articles/${article.id}`,
        payload: { body: 'Ask an admin to reset it under Members.' },
      })
    ).json();
    expect(edited.publishedAt).toBe(published.publishedAt);
    const audit = (await audits('article.updated')).filter((a) => a.record_id === article.id);
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]!.changes!)).toMatchObject({ status: ['draft', 'published'], visibility: ['internal', 'public'] });
    expect(Object.keys(JSON.parse(audit[1]!.changes!))).toEqual(['body']);

    const list = await tier1.request({ method: 'GET', url: '/api/articles?status=published&visibility=public' });
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([article.id]);
  });

  it('drafts an article from a ticket: subject, problem, last public reply, and internal notes in a collapsed section', async () => {
    const ticket = await openTicket(
      'SSO login loops back to the sign-in page',
      'After the IdP redirect we land on the sign-in page again.',
    );
    await tier1.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Looking into it.', visibility: 'public' },
    });
    await tier1.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Clock skew of 7 minutes on their IdP.', visibility: 'internal' },
    });
    await tier1.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/messages`,
      payload: { body: 'Sync the IdP clock with NTP; the assertion was expiring.', visibility: 'public', status: 'solved' },
    });

    const res = await tier2.request({ method: 'GET', url: `/api/tickets/${ticket.id}/article-draft` });
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json();
    expect(draft).toMatchObject({
      title: 'SSO login loops back to the sign-in page',
      sourceTicketId: ticket.id,
      status: 'draft',
      visibility: 'internal',
      tags: ['sso'],
    });
    const body: string = draft.body;
    expect(body.indexOf('## Problem')).toBeLessThan(body.indexOf('After the IdP redirect'));
    expect(body.indexOf('## Resolution')).toBeLessThan(body.indexOf('Sync the IdP clock with NTP'));
    expect(body).not.toContain('Looking into it.');
    expect(body).toMatch(/<details>\n<summary>Internal notes<\/summary>[\s\S]*Clock skew of 7 minutes[\s\S]*<\/details>/);

    const article = await write(draft);
    expect(article.sourceTicketId).toBe(ticket.id);
    expectError(await tier2.request({ method: 'GET', url: '/api/tickets/no-such-ticket/article-draft' }), 404, 'tickets.not_found');
    expectError(
      await tier2.request({ method: 'POST', url: '/api/articles', payload: { title: 'X', sourceTicketId: 'no-such-ticket' } }),
      422,
      'request.reference_not_found',
    );
  });

  it('links articles to tickets and counts how often each solved a case', async () => {
    const article = await write({ title: 'Clear the SSO session cookie', body: 'Delete the outpost_sso cookie.' });
    const [a, b] = [await openTicket('Login loop A', 'Loop.'), await openTicket('Login loop B', 'Loop.')];

    const first = await tier1.request({
      method: 'POST',
      url: `/api/tickets/${a.id}/articles`,
      payload: { articleId: article.id, solved: true },
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ ticketId: a.id, solved: true, article: { id: article.id, linkedCount: 1, solvedCount: 1 } });
    const second = await tier1.request({
      method: 'POST',
      url: `/api/tickets/${b.id}/articles`,
      payload: { articleId: article.id, solved: false },
    });
    expect(second.statusCode).toBe(201);
    expect((await tier1.request({ method: 'GET', url: `/api/articles/${article.id}` })).json()).toMatchObject({
      linkedCount: 2,
      solvedCount: 1,
    });

    const changed = await tier1.request({
      method: 'POST',
      url: `/api/tickets/${b.id}/articles`,
      payload: { articleId: article.id, solved: true },
    });
    expect(changed.statusCode).toBe(200);
    expect((await tier1.request({ method: 'GET', url: `/api/articles/${article.id}` })).json()).toMatchObject({
      linkedCount: 2,
      solvedCount: 2,
    });

    const onTicket = (await stakeholder.request({ method: 'GET', url: `/api/tickets/${a.id}/articles` })).json();
    expect(onTicket.items.map((l: { article: { title: string }; solved: boolean }) => [l.article.title, l.solved])).toEqual([
      ['Clear the SSO session cookie', true],
    ]);
    const events = (await tier1.request({ method: 'GET', url: `/api/tickets/${a.id}/events` })).json().items;
    expect(events.map((e: { type: string }) => e.type)).toContain('article.linked');

    expectError(
      await tier1.request({
        method: 'POST',
        url: `/api/tickets/${a.id}/articles`,
        payload: { articleId: 'no-such-article', solved: true },
      }),
      422,
      'request.reference_not_found',
    );
    expect((await tier1.request({ method: 'DELETE', url: `/api/tickets/${a.id}/articles/${article.id}` })).statusCode).toBe(204);
    expectError(await tier1.request({ method: 'DELETE', url: `/api/tickets/${a.id}/articles/${article.id}` }), 404, 'articles.not_linked');
    expect((await tier1.request({ method: 'GET', url: `/api/articles/${article.id}` })).json()).toMatchObject({
      linkedCount: 1,
      solvedCount: 1,
    });
    expect((await audits('ticket.article_unlinked')).map((r) => r.record_id)).toEqual([a.id]);
  });

  it('gives the portal only published public articles', async () => {
    const make = (title: string, visibility: string, status: string) =>
      write({ title, body: 'Fluxgate calibration steps.', visibility, status });
    const visible = await make('Fluxgate calibration guide', 'public', 'published');
    await make('Fluxgate internal runbook', 'internal', 'published');
    await make('Fluxgate draft', 'public', 'draft');
    const archived = await make('Fluxgate old guide', 'public', 'published');
    await tier2.request({ method: 'PATCH', url: `/api/articles/${archived.id}`, payload: { status: 'archived' } });

    const hits = await searchPublicArticles(t.db.kysely, 'fluxgate');
    expect(hits.map((h) => h.id)).toEqual([visible.id]);
    expect(hits[0]!.titleHtml).toBe('<mark>Fluxgate</mark> calibration guide');
    expect(await searchPublicArticles(t.db.kysely, 'foo" OR (')).toEqual([]);

    const internal = await tier1.request({ method: 'GET', url: '/api/search?q=fluxgate&types=article' });
    expect(internal.json().items).toHaveLength(4);
  });

  it('keeps article search in step with edits and deletion', async () => {
    const article = await write({ title: 'Hyperdrive tuning', body: 'Lower the warp factor.', tags: ['performance'] });
    const find = async (text: string) =>
      (await tier1.request({ method: 'GET', url: `/api/search?q=${text}&types=article` })).json().items.map((i: { id: string }) => i.id);
    expect(await find('hyperdrive')).toEqual([article.id]);
    await tier2.request({
      method: 'PATCH',
      url: `/api/articles/${article.id}`,
      payload: { title: 'Impulse engine tuning', tags: ['engines'] },
    });
    expect(await find('hyperdrive')).toEqual([]);
    expect(await find('impulse')).toEqual([article.id]);
    expect(await find('engines')).toEqual([article.id]);
    expect(await find('performance')).toEqual([]);
    expect((await tier2.request({ method: 'DELETE', url: `/api/articles/${article.id}` })).statusCode).toBe(204);
    expect(await find('impulse')).toEqual([]);
    expect((await audits('article.deleted')).map((a) => a.record_id)).toContain(article.id);
  });
});
