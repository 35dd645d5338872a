import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { FeedbackItem } from '../../feedback/contract/items.js';
import type { OpportunityStage } from '../contract/kinds.js';
import { insertOpportunity } from '../opportunities/test-opportunities.js';
import { opportunityFiguresChanged } from './gap-pipeline.js';
import { GAP_CAPTURED_NOTICE, GAP_KEPT_NOTICE } from './gap-feedback.js';

/**
 * A requirement marked `gap` becomes a feedback item (once) on the deal's account, and the deal's
 * ARR counts as pipeline — on the item in the inbox and on the feature request it is triaged into —
 * for as long as the deal is open (DESIGN §3, feedback ranking).
 */
describe.each(testDialects())('requirement gaps as feedback on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let pm: SignedIn;
  let accountId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    se = await signInAs(t, ['sales_engineer']);
    pm = await signInAs(t, ['admin']);
    accountId = (await createAccountViaService(t.db, { name: `Gap bank ${unique()}`, arr: 10_000, segment: 'enterprise' })).id;
  });
  afterAll(async () => t.close());

  const item = async (id: string) => (await pm.request({ method: 'GET', url: `/api/feedback-items/${id}` })).json() as FeedbackItem;
  const request = async (id: string) => (await pm.request({ method: 'GET', url: `/api/feature-requests/${id}` })).json();
  /** What the deal's owners would change: the row, then the hook they call in the same transaction. */
  const changeDeal = async (id: string, values: { arr?: number; stage?: OpportunityStage }) => {
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('opportunities').set(values).where('id', '=', id).execute();
        await opportunityFiguresChanged(trx, id);
      });
  };

  it('captures a gap once, with the deal as its source, and keeps the item (saying so) when the gap is unmarked', async () => {
    const deal = await insertOpportunity(db(), accountId, { name: 'Security analytics suite', arr: 380_000, stage: 'proposal' });
    const created = await se.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/requirements`,
      payload: { reference: 'R-12', text: 'Keys held in our own HSM', priority: 'must', fit: 'gap' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { requirement, notices } = created.json();
    expect(notices).toEqual([GAP_CAPTURED_NOTICE]);
    const captured = await item(requirement.feedbackItemId);
    expect(captured).toMatchObject({
      account: { id: accountId },
      title: 'R-12: Keys held in our own HSM',
      quote: 'Keys held in our own HSM',
      impact: 'blocker',
      source: { type: 'opportunity', id: deal, label: 'Opportunity · Security analytics suite', url: `/presales/opportunities/${deal}` },
      pipelineArr: 380_000,
      request: null,
    });
    const inbox = (await pm.request({ method: 'GET', url: `/api/feedback-inbox?sourceType=opportunity&accountId=${accountId}` })).json();
    expect(inbox.items.map((e: { item: FeedbackItem }) => e.item.id)).toContain(captured.id);

    const unmarked = await se.request({ method: 'PATCH', url: `/api/requirements/${requirement.id}`, payload: { fit: 'roadmap' } });
    expect(unmarked.json().notices).toEqual([GAP_KEPT_NOTICE]);
    expect((await item(captured.id)).id).toBe(captured.id);
    const remarked = await se.request({ method: 'PATCH', url: `/api/requirements/${requirement.id}`, payload: { fit: 'gap' } });
    expect(remarked.json()).toMatchObject({ requirement: { feedbackItemId: captured.id }, notices: [] });
    const items = await db().selectFrom('feedback_items').select('id').where('source_id', '=', deal).execute();
    expect(items).toHaveLength(1);
  });

  it('counts the deal’s ARR as pipeline on the request a gap is triaged into, follows ARR changes and stops when the deal closes', async () => {
    const deal = await insertOpportunity(db(), accountId, {
      name: `Pipeline deal ${unique()}`,
      arr: 250_000,
      stage: 'technical_validation',
    });
    const bulk: string[] = [];
    for (const [ref, priority] of [
      ['G-1', 'should'],
      ['G-2', 'could'],
    ] as const)
      bulk.push(
        (
          await se.request({
            method: 'POST',
            url: `/api/opportunities/${deal}/requirements`,
            payload: { reference: ref, text: `Gap ${ref}`, priority },
          })
        ).json().requirement.id,
      );
    const marked = await se.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/requirements/fit`,
      payload: { ids: bulk, fit: 'gap' },
    });
    expect(marked.json()).toMatchObject({ updated: 2, feedbackItemsCreated: 2 });
    const rows = await db().selectFrom('requirements').select(['id', 'feedback_item_id']).where('opportunity_id', '=', deal).execute();
    const [first, second] = bulk.map((id) => rows.find((r) => r.id === id)!.feedback_item_id!);
    expect((await item(first!)).impact).toBe('important');
    expect((await item(second!)).impact).toBe('nice_to_have');

    // Triage both into one request: the deal counts once, beside the account's own ARR × impact.
    const linked = await pm.request({
      method: 'PUT',
      url: `/api/feedback-items/${first}/request`,
      payload: { newRequest: { title: `Bring your own HSM ${unique()}` } },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const requestId = linked.json().request.id;
    await pm.request({ method: 'PUT', url: `/api/feedback-items/${second}/request`, payload: { requestId } });
    expect(await request(requestId)).toMatchObject({ pipelineArr: 250_000, arr: 10_000, score: 10_000 * 2 + 250_000 });
    const ranked = (await pm.request({ method: 'GET', url: '/api/feature-requests?sort=pipeline&segment=enterprise' })).json();
    expect(ranked.items.find((r: { id: string }) => r.id === requestId)).toMatchObject({ pipelineArr: 250_000 });

    await changeDeal(deal, { arr: 300_000 });
    expect(await request(requestId)).toMatchObject({ pipelineArr: 300_000, score: 20_000 + 300_000 });
    expect((await item(first!)).pipelineArr).toBe(300_000);

    await changeDeal(deal, { stage: 'closed_lost' });
    expect(await request(requestId)).toMatchObject({ pipelineArr: 0, score: 20_000 });
    expect((await item(first!)).pipelineArr).toBe(0);

    await changeDeal(deal, { stage: 'negotiation' });
    expect((await request(requestId)).pipelineArr).toBe(300_000);
  });

  it('counts a deal once when an integration also listed it as a blocker, and keeps that blocker’s ARR current', async () => {
    const deal = await insertOpportunity(db(), accountId, { name: `Listed deal ${unique()}`, arr: 90_000 });
    const created = await se.request({
      method: 'POST',
      url: `/api/opportunities/${deal}/requirements`,
      payload: { text: 'Offline mode for field tablets', priority: 'must', fit: 'gap' },
    });
    const itemId = created.json().requirement.feedbackItemId;
    const linked = await pm.request({
      method: 'PUT',
      url: `/api/feedback-items/${itemId}/request`,
      payload: { newRequest: { title: `Offline ${unique()}` } },
    });
    const requestId = linked.json().request.id;
    const listed = await pm.request({
      method: 'PUT',
      url: `/api/feature-requests/${requestId}/blockers`,
      payload: { opportunityId: deal, accountId, arr: 90_000 },
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect((await request(requestId)).pipelineArr).toBe(90_000);
    await changeDeal(deal, { arr: 120_000 });
    expect((await request(requestId)).pipelineArr).toBe(120_000);
    const blocker = await db()
      .selectFrom('feature_request_blockers')
      .selectAll()
      .where('opportunity_id', '=', deal)
      .executeTakeFirstOrThrow();
    expect(Number(blocker.arr)).toBe(120_000);
  });

  it('refuses feedback captured from a deal or a question that does not exist', async () => {
    const base = { title: 'Gap', quote: 'We need it', impact: 'important' };
    const unknownDeal = await pm.request({
      method: 'POST',
      url: '/api/feedback-items',
      payload: { ...base, sourceType: 'opportunity', sourceId: 'nope' },
    });
    expect(expectError(unknownDeal, 422, 'request.reference_not_found').details.field).toBe('sourceId');
    const unknownQuestion = await pm.request({
      method: 'POST',
      url: '/api/feedback-items',
      payload: { ...base, sourceType: 'questionnaire_question', sourceId: 'nope' },
    });
    expectError(unknownQuestion, 422, 'request.reference_not_found');
  });
});
