import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { DealSupportRequest, EngineerLoad, Opportunity } from '../contract/opportunities.js';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(testDialects())('deal-support requests on %s', (dialect) => {
  let t: TestApp;
  let ae: SignedIn;
  let se: SignedIn;
  let sa: SignedIn;
  let stakeholder: SignedIn;
  let dealId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    ae = await signInAs(t, ['technical_account_manager']);
    se = await signInAs(t, ['sales_engineer']);
    sa = await signInAs(t, ['solutions_architect']);
    stakeholder = await signInAs(t, ['stakeholder']);
    const account = (await createAccountViaService(t.db, { name: `Helios DS ${unique()}` })).id;
    const deal = await ae.request({
      method: 'POST',
      url: '/api/opportunities',
      payload: { accountId: account, name: 'Grid monitoring', stage: 'discovery', arr: 150000, salesEngineerId: se.memberId },
    });
    dealId = (deal.json() as Opportunity).id;
  });
  afterAll(async () => t.close());

  const ask = async (body: Record<string, unknown>, who: SignedIn = ae, id = dealId) =>
    who.request({ method: 'POST', url: `/api/opportunities/${id}/deal-support`, payload: body });
  const move = async (id: string, body: Record<string, unknown>, who: SignedIn = se) =>
    who.request({ method: 'PATCH', url: `/api/deal-support/${id}`, payload: body });
  const queue = async (query: string, who: SignedIn = se) =>
    ((await who.request({ method: 'GET', url: `/api/deal-support?${query}` })).json() as { items: DealSupportRequest[] }).items;

  it('asks an engineer for a demo and tells them in the app and by e-mail', async () => {
    const res = await ask({
      kind: 'demo',
      title: 'Grid dashboard demo for the operations team',
      assigneeId: se.memberId,
      dueDate: daysFromToday(3),
      estimatedHours: 6,
      notes: 'Focus on outage alerts',
    });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json() as DealSupportRequest;
    expect(request).toMatchObject({
      kind: 'demo',
      status: 'new',
      requestedBy: { id: ae.memberId },
      assignee: { id: se.memberId },
      estimatedHours: 6,
      overdue: false,
      opportunity: { id: dealId, name: 'Grid monitoring', arr: 150000, stage: 'discovery' },
    });
    const notes = await db().selectFrom('notifications').selectAll().where('member_id', '=', se.memberId).execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'presales.deal_support_assigned', link: `/presales/opportunities/${dealId}` });
    expect(notes[0]!.title).toBe('Demo requested: Grid monitoring');
    const mails = await db().selectFrom('outbox_emails').selectAll().where('to_addresses', 'like', `%${se.email}%`).execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Demo requested: Grid monitoring');
    expect(mails[0]!.text_body).toContain('Focus on outage alerts');
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', request.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['deal_support.requested']);
  });

  it('moves a request through its statuses; declining needs a reason; taking an unassigned one claims it', async () => {
    const r = (await ask({ kind: 'rfp', title: 'Answer the utility RFP', estimatedHours: 20 })).json() as DealSupportRequest;
    expect(r.assignee).toBeNull();
    const accepted = (await move(r.id, { status: 'accepted' }, sa)).json() as DealSupportRequest;
    expect(accepted).toMatchObject({ status: 'accepted', assignee: { id: sa.memberId } });
    // Claiming it oneself tells nobody.
    expect(await db().selectFrom('notifications').select('id').where('member_id', '=', sa.memberId).execute()).toHaveLength(0);
    expectError(await move(r.id, { status: 'declined' }, sa), 422, 'deal_support.decline_reason_required');
    const started = (await move(r.id, { status: 'in_progress' }, sa)).json() as DealSupportRequest;
    expect(started.status).toBe('in_progress');
    const done = (await move(r.id, { status: 'done' }, sa)).json() as DealSupportRequest;
    expect(done.completedAt).not.toBeNull();
    expectError(await move(r.id, { status: 'declined', declineReason: 'x' }, sa), 409, 'deal_support.transition_invalid');
    const reopened = (await move(r.id, { status: 'in_progress' }, sa)).json() as DealSupportRequest;
    expect(reopened.completedAt).toBeNull();

    const other = (await ask({ kind: 'architecture_review', title: 'Review the substation design' })).json() as DealSupportRequest;
    const declined = (
      await move(other.id, { status: 'declined', declineReason: 'Too early: no requirements yet' })
    ).json() as DealSupportRequest;
    expect(declined).toMatchObject({ status: 'declined', declineReason: 'Too early: no requirements yet' });
    const asked = (await move(other.id, { status: 'new' })).json() as DealSupportRequest;
    expect(asked.declineReason).toBeNull();

    // Reassigning tells the new assignee.
    await move(other.id, { assigneeId: sa.memberId }, se);
    const told = await db().selectFrom('notifications').selectAll().where('member_id', '=', sa.memberId).execute();
    expect(told.map((n) => n.title)).toEqual(['Architecture review requested: Grid monitoring']);
    expectError(await move(other.id, { assigneeId: 'ghost' }), 422, 'deal_support.assignee_inactive');
    expectError(await move(other.id, { estimatedHours: 1 }, stakeholder), 403);
  });

  it('lists the queue by status, assignee, kind and mine, soonest due first', async () => {
    const overdue = (
      await ask({ kind: 'poc', title: 'Scope the PoC', assigneeId: sa.memberId, dueDate: daysFromToday(-2), estimatedHours: 4 })
    ).json() as DealSupportRequest;
    expect(overdue.overdue).toBe(true);
    const open = await queue('status=open');
    expect(open.every((r) => ['new', 'accepted', 'in_progress'].includes(r.status))).toBe(true);
    expect(open[0]!.id).toBe(overdue.id);
    expect((await queue('kind=poc')).map((r) => r.id)).toEqual([overdue.id]);
    expect((await queue(`assigneeId=${sa.memberId}&status=open`)).every((r) => r.assignee?.id === sa.memberId)).toBe(true);
    expect((await queue('assigneeId=none')).every((r) => r.assignee === null)).toBe(true);
    const mine = await queue('mine=true', sa);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.assignee?.id === sa.memberId || r.requestedBy?.id === sa.memberId)).toBe(true);
    const all = await queue('limit=200');
    const paged: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = (await se.request({ method: 'GET', url: `/api/deal-support?limit=2${cursor ? `&cursor=${cursor}` : ''}` })).json() as {
        items: DealSupportRequest[];
        nextCursor: string | null;
      };
      paged.push(...res.items.map((r) => r.id));
      cursor = res.nextCursor;
      if (!cursor) break;
    }
    expect(paged).toEqual(all.map((r) => r.id));
    const forDeal = (await se.request({ method: 'GET', url: `/api/opportunities/${dealId}/deal-support` })).json() as {
      items: DealSupportRequest[];
    };
    expect(forDeal.items).toHaveLength(all.length);
  });

  it("shows each engineer's load: open requests, hours, due this week, overdue", async () => {
    const load = (await stakeholder.request({ method: 'GET', url: '/api/deal-support/load' })).json() as {
      items: EngineerLoad[];
      unassigned: { openRequests: number };
      weekEnds: string;
    };
    const saLoad = load.items.find((l) => l.engineer.id === sa.memberId)!;
    // The RFP in progress (20 h), the architecture review (new, no estimate) and the overdue PoC scope (4 h).
    expect(saLoad).toMatchObject({ openRequests: 3, estimatedHoursOpen: 24, unestimated: 1, overdue: 1 });
    expect(saLoad.roles).toEqual(['solutions_architect']);
    const seLoad = load.items.find((l) => l.engineer.id === se.memberId)!;
    expect(seLoad).toMatchObject({ openRequests: 1, estimatedHoursOpen: 6, overdue: 0 });
    expect(seLoad.dueThisWeek).toBe(daysFromToday(3) <= load.weekEnds ? 1 : 0);
  });

  it('refuses requests on a closed deal and unknown ids', async () => {
    const account = (await createAccountViaService(t.db, { name: `Closed DS ${unique()}` })).id;
    const closed = (
      await ae.request({
        method: 'POST',
        url: '/api/opportunities',
        payload: { accountId: account, name: 'Closed', stage: 'closed_won', technicalWin: 'won' },
      })
    ).json() as Opportunity;
    expectError(await ask({ kind: 'demo', title: 'Too late' }, ae, closed.id), 409, 'deal_support.opportunity_closed');
    expectError(await ask({ kind: 'demo', title: 'x' }, ae, 'nope'), 404, 'opportunities.not_found');
    expectError(await move('nope', { status: 'accepted' }), 404, 'deal_support.not_found');
  });
});
