import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../../test/factories/index.js';
import type { RateCardRole, StatementOfWork } from '../../contract/solutions.js';
import { insertOpportunity } from '../../opportunities/test-opportunities.js';

describe.each(testDialects())('rate card and statements of work on %s', (dialect) => {
  let t: TestApp;
  let lead: SignedIn;
  let tam: SignedIn;
  let stakeholder: SignedIn;
  let accountId: string;
  let architect: RateCardRole;
  let engineer: RateCardRole;
  let euro: RateCardRole;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    lead = await signInAs(t, ['sales_engineer']);
    tam = await signInAs(t, ['technical_account_manager']);
    stakeholder = await signInAs(t, ['stakeholder']);
    accountId = (await createAccountViaService(t.db, { name: `SOW ${unique()}` })).id;
    const role = async (body: Record<string, unknown>) => {
      const res = await lead.request({ method: 'POST', url: '/api/rate-card', payload: body });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as RateCardRole;
    };
    architect = await role({ name: `Solutions architect ${unique()}`, hourlyRate: 220 });
    engineer = await role({ name: `Implementation engineer ${unique()}`, hourlyRate: 165, currency: 'usd' });
    euro = await role({ name: `Trainer EU ${unique()}`, hourlyRate: 120, currency: 'EUR' });
  });
  afterAll(async () => t.close());

  const newDeal = () => insertOpportunity(db(), accountId, { name: `SOW deal ${unique()}` });
  const draft = async (deal: string, body: Record<string, unknown> = {}, who: SignedIn = tam) =>
    who.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/statements-of-work`,
      payload: {
        title: 'Security analytics rollout',
        assumptions: '- Customer provides VPN access',
        outOfScope: 'Hardware procurement',
        items: [
          { description: 'Architecture workshops', roleId: architect.id, hours: 16 },
          { description: 'Collector deployment', roleId: engineer.id, hours: 40.5 },
        ],
        ...body,
      },
    });

  it('keeps the rate card with presales.manage, refusing duplicates and deleting only unused roles', async () => {
    expect(engineer.currency).toBe('USD');
    expectError(
      await tam.request({ method: 'POST', url: '/api/rate-card', payload: { name: 'PM', hourlyRate: 140 } }),
      403,
      'auth.forbidden',
    );
    const dup = await lead.request({
      method: 'POST',
      url: '/api/rate-card',
      payload: { name: architect.name.toUpperCase(), hourlyRate: 1 },
    });
    expect(expectError(dup, 409, 'conflict.duplicate').details.field).toBe('name');
    const bad = await lead.request({ method: 'POST', url: '/api/rate-card', payload: { name: 'X', hourlyRate: 10, currency: 'DOLLARS' } });
    expectError(bad, 400, 'request.invalid');
    const spare = (
      await lead.request({ method: 'POST', url: '/api/rate-card', payload: { name: `Spare ${unique()}`, hourlyRate: 90 } })
    ).json();
    expect((await lead.request({ method: 'DELETE', url: `/api/rate-card/${spare.id}` })).statusCode).toBe(204);
    const card = (await stakeholder.request({ method: 'GET', url: '/api/rate-card' })).json().items as RateCardRole[];
    expect(card.map((r) => r.id)).toEqual(expect.arrayContaining([architect.id, engineer.id, euro.id]));
  });

  it('prices items from the card, totals them, and keeps the copied rate when the card changes', async () => {
    const deal = await newDeal();
    const res = await draft(deal);
    expect(res.statusCode, res.body).toBe(201);
    const sow = res.json() as StatementOfWork;
    expect(sow).toMatchObject({ status: 'draft', currency: 'USD', totalHours: 56.5, totalAmount: 16 * 220 + 40.5 * 165 });
    expect(sow.items.map((i) => [i.roleName, i.hourlyRate, i.amount])).toEqual([
      [architect.name, 220, 3520],
      [engineer.name, 165, 6682.5],
    ]);

    await lead.request({ method: 'PATCH', url: `/api/rate-card/${architect.id}`, payload: { hourlyRate: 250 } });
    const kept = (await tam.request({ method: 'GET', url: `/api/statements-of-work/${sow.id}` })).json() as StatementOfWork;
    expect(kept.items[0]).toMatchObject({ hourlyRate: 220, rateChanged: true });
    expect(kept.totalAmount).toBe(sow.totalAmount);

    // Editing keeps an item's copied rate while its role stays; a new item takes today's rate.
    const edited = await tam.request({
      method: 'PATCH',
      url: `/api/statements-of-work/${sow.id}`,
      payload: {
        items: [
          { id: sow.items[0]!.id, description: 'Architecture workshops (3)', roleId: architect.id, hours: 24 },
          { description: 'Design review', roleId: architect.id, hours: 4 },
        ],
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((edited.json() as StatementOfWork).items.map((i) => [i.hourlyRate, i.amount])).toEqual([
      [220, 5280],
      [250, 1000],
    ]);
    const repriced = (
      await tam.request({ method: 'PATCH', url: `/api/statements-of-work/${sow.id}`, payload: { repriceItems: true } })
    ).json();
    expect(repriced).toMatchObject({ totalHours: 28, totalAmount: 28 * 250 });
    await lead.request({ method: 'PATCH', url: `/api/rate-card/${architect.id}`, payload: { hourlyRate: 220 } });
  });

  it('refuses roles of another currency, unknown and inactive roles, naming the item', async () => {
    const deal = await newDeal();
    const mixed = await draft(deal, {
      items: [
        { description: 'Training', roleId: euro.id, hours: 8 },
        { description: 'x', roleId: architect.id, hours: 1 },
      ],
    });
    expect(expectError(mixed, 422, 'statements_of_work.currency_mismatch').details.field).toBe('items.1.roleId');
    const unknown = await draft(deal, { items: [{ description: 'x', roleId: 'no-such-role', hours: 1 }] });
    expectError(unknown, 422, 'statements_of_work.role_unknown');
    const retired = (
      await lead.request({ method: 'POST', url: '/api/rate-card', payload: { name: `Retired ${unique()}`, hourlyRate: 50, active: false } })
    ).json();
    expectError(
      await draft(deal, { items: [{ description: 'x', roleId: retired.id, hours: 1 }] }),
      422,
      'statements_of_work.role_inactive',
    );
    const inEuro = await draft(deal, { items: [{ description: 'Training', roleId: euro.id, hours: 8 }] });
    expect(inEuro.json()).toMatchObject({ currency: 'EUR', totalAmount: 960 });
  });

  it('changes only while a draft: sent is final, declining needs a reason, and a copy makes a new draft', async () => {
    const deal = await newDeal();
    const empty = (await draft(deal, { items: [] })).json();
    expectError(await tam.request({ method: 'POST', url: `/api/statements-of-work/${empty.id}/send` }), 422, 'statements_of_work.empty');
    const sow = (await draft(deal)).json() as StatementOfWork;
    const sent = await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/send` });
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: expect.any(String) });
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/statements-of-work/${sow.id}`, payload: { title: 'Changed' } }),
      409,
      'statements_of_work.not_draft',
    );
    expectError(await tam.request({ method: 'DELETE', url: `/api/statements-of-work/${sow.id}` }), 409, 'statements_of_work.not_draft');
    expectError(await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/send` }), 409, 'statements_of_work.not_draft');
    const noReason = await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/decline`, payload: { reason: ' ' } });
    expectError(noReason, 400, 'request.invalid');
    const declined = await tam.request({
      method: 'POST',
      url: `/api/statements-of-work/${sow.id}/decline`,
      payload: { reason: 'Budget cut' },
    });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Budget cut', decidedBy: { id: tam.memberId } });
    const copy = await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/copy` });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ status: 'draft', title: 'Security analytics rollout (revised)', totalAmount: sow.totalAmount });
    expect((await tam.request({ method: 'DELETE', url: `/api/statements-of-work/${copy.json().id}` })).statusCode).toBe(204);
    const actions = await db().selectFrom('audit_log').select('action').where('record_id', '=', sow.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['sow.created', 'sow.sent', 'sow.declined']);
  });

  it('accepting creates the engagement with the SOW’s hours as budget, once, in the same transaction', async () => {
    const deal = await newDeal();
    const sow = (await draft(deal)).json() as StatementOfWork;
    const body = { engagementKind: 'professional_services', startDate: '2026-09-01' };
    expectError(
      await lead.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/accept`, payload: body }),
      409,
      'statements_of_work.not_sent',
    );
    await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/send` });
    // Accepting is curation: presales.write is not enough.
    expectError(
      await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/accept`, payload: body }),
      403,
      'auth.forbidden',
    );

    const accepted = await lead.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/accept`, payload: body });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const done = accepted.json() as StatementOfWork;
    expect(done).toMatchObject({ status: 'accepted', engagement: { kind: 'professional_services' }, decidedBy: { id: lead.memberId } });
    const engagement = (await lead.request({ method: 'GET', url: `/api/engagements/${done.engagement!.id}` })).json();
    expect(engagement).toMatchObject({ kind: 'professional_services', name: sow.title, budgetHours: 56.5, startDate: '2026-09-01' });
    expect(engagement.account.id).toBe(accountId);

    const again = await lead.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/accept`, payload: body });
    expect(expectError(again, 409, 'statements_of_work.already_accepted').details.engagementId).toBe(done.engagement!.id);
    const engagements = await db().selectFrom('engagements').select('id').where('account_id', '=', accountId).execute();
    expect(engagements).toHaveLength(1);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', 'in', [sow.id, done.engagement!.id])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['sow.created', 'sow.sent', 'engagement.created', 'sow.accepted']);
  });

  it('creates nothing when the engagement cannot be made (an unknown template), and the SOW stays sent', async () => {
    const deal = await newDeal();
    const sow = (await draft(deal)).json() as StatementOfWork;
    await tam.request({ method: 'POST', url: `/api/statements-of-work/${sow.id}/send` });
    const before = await db().selectFrom('engagements').select('id').execute();
    const res = await lead.request({
      method: 'POST',
      url: `/api/statements-of-work/${sow.id}/accept`,
      payload: { engagementKind: 'implementation', startDate: '2026-09-01', templateId: 'no-such-template' },
    });
    expectError(res, 422, 'request.reference_not_found');
    expect(await db().selectFrom('engagements').select('id').execute()).toHaveLength(before.length);
    expect((await tam.request({ method: 'GET', url: `/api/statements-of-work/${sow.id}` })).json().status).toBe('sent');
  });

  it('exports a SOW as a PDF and as Markdown', async () => {
    const deal = await newDeal();
    const sow = (await draft(deal)).json() as StatementOfWork;
    const pdf = await stakeholder.request({ method: 'GET', url: `/api/statements-of-work/${sow.id}/export` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('Security-analytics-rollout.pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const md = await stakeholder.request({ method: 'GET', url: `/api/statements-of-work/${sow.id}/export?format=md` });
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.body).toContain('| 2 | Collector deployment |');
    expect(md.body).toContain('**$10,202.50**');
  });
});
