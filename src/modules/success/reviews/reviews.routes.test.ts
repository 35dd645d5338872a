import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { portalSignIn } from '../../../../test/helpers/portal.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import { REVIEW_CHART_CAPTIONS, type BusinessReview } from '../contract/reviews.js';

const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** The text and drawing operators of every page of a PDF, as a reader would extract them. */
async function readPdf(data: Uint8Array): Promise<{ text: string; fills: number; paths: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const standardFontDataUrl = `${fileURLToPath(new URL('../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url))}`;
  const doc = await pdfjs.getDocument({ data, standardFontDataUrl, disableFontFace: true }).promise;
  let text = '';
  let fills = 0;
  let paths = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
    const ops = await page.getOperatorList();
    for (const fn of ops.fnArray) {
      if (fn === pdfjs.OPS.constructPath) paths++;
      if (fn === pdfjs.OPS.fill || fn === pdfjs.OPS.eoFill) fills++;
    }
  }
  return { text, fills, paths };
}

describe.each(testDialects())('business reviews on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let tam: SignedIn;
  let stakeholder: SignedIn;
  let accountId: string;
  let accountName: string;
  let contact: { id: string; email: string };
  let colleague: { id: string; email: string };
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    tam = await signInAs(t, ['technical_account_manager']);
    stakeholder = await signInAs(t, ['stakeholder']);
    const n = unique();
    accountName = `Globex ${n}`;
    const domain = `globex${n}.test`;
    const account = await createAccountViaService(t.db, { name: accountName, segment: 'enterprise', domains: [domain] });
    accountId = account.id;
    contact = await createContactViaService(t.db, accountId, { name: 'Hank Scorpio', email: `hank@${domain}` });
    colleague = await createContactViaService(t.db, accountId, { name: 'Frank Grimes', email: `frank@${domain}` });
    const targets = { firstReplyMinutes: 60, nextReplyMinutes: 120, resolutionMinutes: 480 };
    const policy = await admin.request({
      method: 'POST',
      url: '/api/sla-policies',
      payload: {
        name: 'Enterprise',
        position: 1,
        conditions: { segments: ['enterprise'] },
        targets: { low: targets, normal: targets, high: targets, urgent: targets },
        calendarId: null,
      },
    });
    expect(policy.statusCode, policy.body).toBe(201);
    const tickets: { priority: string; tags: string[]; subject: string }[] = [
      { priority: 'urgent', tags: ['export'], subject: 'Export times out' },
      { priority: 'high', tags: ['export'], subject: 'Export is slow' },
      { priority: 'high', tags: ['login'], subject: 'Cannot sign in' },
      { priority: 'low', tags: [], subject: 'Question about invoices' },
    ];
    const ids: string[] = [];
    for (const ticket of tickets) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/tickets',
        payload: { ...ticket, description: 'Details.', requesterId: contact.id },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    // The first ticket breached its first-reply target.
    await db()
      .insertInto('ticket_events')
      .values({ ticket_id: ids[0]!, at: new Date().toISOString(), actor_type: 'system', actor_id: null, type: 'sla.breached', data: '{}' })
      .execute();
  });
  afterAll(async () => t.close());

  const generate = async (who: SignedIn = tam, body: Record<string, unknown> = {}) => {
    const res = await who.request({
      method: 'POST',
      url: `/api/accounts/${accountId}/business-reviews`,
      payload: { periodStart: daysBefore(30), periodEnd: today(), ...body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<BusinessReview>();
  };

  it('generates a draft from live data: SLA attainment and tickets by priority match the tickets', async () => {
    const review = await generate(tam, { title: 'Q4 review' });
    expect(review.status).toBe('draft');
    expect(review.title).toBe('Q4 review');
    expect(review.accountName).toBe(accountName);
    expect(review.data.sla).toEqual({ ticketsWithTargets: 4, ticketsMet: 3, attainment: 75 });
    expect(review.data.tickets.total).toBe(4);
    expect(review.data.tickets.byPriority).toEqual([
      { priority: 'urgent', count: 1 },
      { priority: 'high', count: 2 },
      { priority: 'normal', count: 0 },
      { priority: 'low', count: 1 },
    ]);
    expect(review.data.tickets.topIssues[0]).toEqual({ label: 'export', count: 2 });
    expect(review.data.health.score === null || typeof review.data.health.score === 'number').toBe(true);
    expect(review.sections.map((s) => s.key)).toEqual(['summary', 'wins', 'risks', 'next_steps']);
    expect(review.sections[0]!.markdown).toContain(accountName);
    expect(review.sections[0]!.markdown).toContain('75% within SLA');

    const list = await stakeholder.request({ method: 'GET', url: `/api/accounts/${accountId}/business-reviews` });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(review.id);
    const read = await stakeholder.request({ method: 'GET', url: `/api/business-reviews/${review.id}` });
    expect(read.json().data).toEqual(review.data);
  });

  it('refuses a period that ends before it starts or lasts over a year, and a stakeholder', async () => {
    expectError(
      await tam.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/business-reviews`,
        payload: { periodStart: today(), periodEnd: daysBefore(1) },
      }),
      422,
      'business_reviews.period_invalid',
    );
    expectError(
      await tam.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/business-reviews`,
        payload: { periodStart: daysBefore(400), periodEnd: today() },
      }),
      422,
      'business_reviews.period_invalid',
    );
    expectError(
      await stakeholder.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/business-reviews`,
        payload: { periodStart: daysBefore(5), periodEnd: today() },
      }),
      403,
    );
    expectError(
      await tam.request({
        method: 'POST',
        url: '/api/accounts/no-such-account/business-reviews',
        payload: { periodStart: daysBefore(5), periodEnd: today() },
      }),
      404,
      'accounts.not_found',
    );
  });

  it('edits sections by key, keeps the others, and deletes a draft', async () => {
    const review = await generate();
    const res = await tam.request({
      method: 'PATCH',
      url: `/api/business-reviews/${review.id}`,
      payload: { title: 'Renamed', sections: [{ key: 'summary', markdown: '## A good quarter\n\n- **Fewer** tickets' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited = res.json<BusinessReview>();
    expect(edited.title).toBe('Renamed');
    expect(edited.sections[0]!.markdown).toBe('## A good quarter\n\n- **Fewer** tickets');
    expect(edited.sections[1]).toEqual(review.sections[1]);
    const nul = await tam.request({
      method: 'PATCH',
      url: `/api/business-reviews/${review.id}`,
      payload: { sections: [{ key: 'wins', markdown: 'a\u0000b' }] },
    });
    expect(nul.statusCode).toBe(400);
    expect((await tam.request({ method: 'DELETE', url: `/api/business-reviews/${review.id}` })).statusCode).toBe(204);
    expectError(await tam.request({ method: 'GET', url: `/api/business-reviews/${review.id}` }), 404, 'business_reviews.not_found');
  });

  it('renders a PDF with the account name, the chart captions and vector drawing', async () => {
    const review = await generate();
    const res = await stakeholder.request({ method: 'GET', url: `/api/business-reviews/${review.id}/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await readPdf(new Uint8Array(res.rawPayload));
    expect(pdf.text).toContain(accountName);
    expect(pdf.text).toContain(REVIEW_CHART_CAPTIONS.ticketsByPriority);
    expect(pdf.text).toContain(REVIEW_CHART_CAPTIONS.healthTrend);
    expect(pdf.text).toContain('Executive summary');
    expect(pdf.paths).toBeGreaterThan(3);
    expect(pdf.fills).toBeGreaterThan(2);
  });

  it('refuses to send to a contact of another account, writing nothing', async () => {
    const review = await generate();
    const other = await createAccountViaService(t.db);
    const stranger = await createContactViaService(t.db, other.id);
    const before = await db()
      .selectFrom('outbox_emails')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const err = expectError(
      await tam.request({
        method: 'POST',
        url: `/api/business-reviews/${review.id}/send`,
        payload: { contactIds: [contact.id, stranger.id] },
      }),
      422,
      'business_reviews.contact_not_of_account',
    );
    expect(err.details.contactIds).toEqual([stranger.id]);
    const after = await db()
      .selectFrom('outbox_emails')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const still = await tam.request({ method: 'GET', url: `/api/business-reviews/${review.id}` });
    expect(still.json().status).toBe('draft');
    expect(still.json().recipients).toEqual([]);
    const recipients = await db().selectFrom('business_review_recipients').selectAll().where('review_id', '=', review.id).execute();
    expect(recipients).toEqual([]);
    expectError(
      await tam.request({ method: 'POST', url: `/api/business-reviews/${review.id}/send`, payload: { contactIds: ['no-such-contact'] } }),
      422,
      'business_reviews.contact_not_of_account',
    );
  });

  it('sends: files the interaction, stores recipients, queues mail; the portal shows it to the account only; then read-only', async () => {
    const review = await generate(tam, { title: 'Shared review' });
    const res = await tam.request({
      method: 'POST',
      url: `/api/business-reviews/${review.id}/send`,
      payload: { contactIds: [contact.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json<BusinessReview>();
    expect(sent.status).toBe('sent');
    expect(sent.sentBy?.id).toBe(tam.memberId);
    expect(sent.recipients.map((r) => r.id)).toEqual([contact.id]);

    const interactions = await admin.request({ method: 'GET', url: `/api/accounts/${accountId}/interactions` });
    const filed = interactions.json().items.find((i: { kind: string; subject: string }) => i.kind === 'business_review');
    expect(filed?.subject).toContain('Shared review');
    expect(filed.attendees.map((a: { id: string }) => a.id).sort()).toEqual([contact.id, tam.memberId].sort());

    const mail = await db()
      .selectFrom('outbox_emails')
      .selectAll()
      .where('to_addresses', 'like', `%${contact.email}%`)
      .where('subject', 'like', '%business review%')
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text_body).toContain('/portal/success');

    // The recipient sees it; a colleague at the same account it was not sent to does not.
    {
      const portal = await portalSignIn(t, contact.email);
      const list = await portal.request({ method: 'GET', url: '/api/portal/business-reviews' });
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((r: { id: string }) => r.id)).toEqual([review.id]);
      const one = await portal.request({ method: 'GET', url: `/api/portal/business-reviews/${review.id}` });
      expect(one.json().title).toBe('Shared review');
      const pdf = await portal.request({ method: 'GET', url: `/api/portal/business-reviews/${review.id}/pdf` });
      expect(pdf.headers['content-type']).toBe('application/pdf');
    }
    const notChosen = await portalSignIn(t, colleague.email);
    expect((await notChosen.request({ method: 'GET', url: '/api/portal/business-reviews' })).json().items).toEqual([]);
    expect((await notChosen.request({ method: 'GET', url: `/api/portal/business-reviews/${review.id}` })).statusCode).toBe(404);

    // A draft of the same account is not shared.
    const draft = await generate();
    const portal = await portalSignIn(t, contact.email);
    expectError(
      await portal.request({ method: 'GET', url: `/api/portal/business-reviews/${draft.id}` }),
      404,
      'business_reviews.not_found',
    );

    // A contact of another account sees nothing of it.
    const n = unique();
    const other = await createAccountViaService(t.db, { domains: [`other${n}.test`] });
    const stranger = await createContactViaService(t.db, other.id, { email: `someone@other${n}.test` });
    const outsider = await portalSignIn(t, stranger.email);
    expect((await outsider.request({ method: 'GET', url: '/api/portal/business-reviews' })).json().items).toEqual([]);
    expectError(
      await outsider.request({ method: 'GET', url: `/api/portal/business-reviews/${review.id}` }),
      404,
      'business_reviews.not_found',
    );
    expect((await outsider.request({ method: 'GET', url: `/api/portal/business-reviews/${review.id}/pdf` })).statusCode).toBe(404);

    // Sent is final.
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/business-reviews/${review.id}`, payload: { title: 'Changed' } }),
      409,
      'business_reviews.sent',
    );
    expectError(
      await tam.request({ method: 'POST', url: `/api/business-reviews/${review.id}/send`, payload: { contactIds: [colleague.id] } }),
      409,
      'business_reviews.sent',
    );
    expectError(await tam.request({ method: 'DELETE', url: `/api/business-reviews/${review.id}` }), 409, 'business_reviews.sent');
  });
});
