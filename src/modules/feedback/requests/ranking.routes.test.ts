import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError } from '../../../../test/factories/index.js';
import type { FeatureRequest, FeatureRequestSummary } from '../contract/requests.js';
import type { FeedbackItem } from '../contract/items.js';

/**
 * The ranking as DESIGN.md defines it: Σ over linked accounts of ARR × the strongest impact that
 * account stated (blocker 3, important 2, nice-to-have 1), plus the ARR of open opportunities
 * that list the request as a blocker.
 */
describe.each(testDialects())('feature request ranking on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  let tier1: SignedIn;
  let stakeholder: SignedIn;
  let globex: string;
  let initech: string;
  let hooli: string;
  let freeTier: string;
  let alice: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
    tier1 = await signInAs(t, ['support_tier1']);
    stakeholder = await signInAs(t, ['stakeholder']);
    globex = (await createAccountViaService(t.db, { name: 'Globex', arr: 100_000, segment: 'enterprise' })).id;
    initech = (await createAccountViaService(t.db, { name: 'Initech', arr: 40_000, segment: 'smb', lifecycleStage: 'renewal' })).id;
    hooli = (await createAccountViaService(t.db, { name: 'Hooli', arr: 250_000, segment: 'strategic' })).id;
    freeTier = (await createAccountViaService(t.db, { name: 'Free Tier Co', arr: 0, segment: 'smb' })).id;
    alice = (await createContactViaService(t.db, globex, { name: 'Alice Admin' })).id;
  });
  afterAll(async () => t.close());

  const newRequest = async (title: string, extra: Record<string, unknown> = {}) => {
    const res = await tam.request({ method: 'POST', url: '/api/feature-requests', payload: { title, ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<FeatureRequest>();
  };
  const capture = async (accountId: string, impact: string, requestId?: string, who: SignedIn = tier1) => {
    const res = await who.request({
      method: 'POST',
      url: '/api/feedback-items',
      payload: { accountId, title: 'Need SSO', quote: '“We cannot roll out without SAML.”', impact, ...(requestId ? { requestId } : {}) },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<FeedbackItem>();
  };
  const request = async (id: string) => (await tam.request({ method: 'GET', url: `/api/feature-requests/${id}` })).json<FeatureRequest>();
  const ranked = async (query = '') =>
    (await stakeholder.request({ method: 'GET', url: `/api/feature-requests?sort=score&limit=200${query}` })).json<{
      items: FeatureRequestSummary[];
    }>().items;

  it('scores by ARR × the strongest impact each account stated, counting each account once', async () => {
    const sso = await newRequest('SAML single sign-on');
    await capture(globex, 'nice_to_have', sso.id);
    await capture(globex, 'blocker', sso.id); // Globex's strongest: blocker (3)
    await capture(initech, 'important', sso.id);
    await capture(freeTier, 'blocker', sso.id); // no ARR: a customer, but adds nothing
    const r = await request(sso.id);
    expect(r.score).toBe(100_000 * 3 + 40_000 * 2);
    expect(r.arr).toBe(140_000);
    expect(r.customerCount).toBe(3);
    expect(r.itemCount).toBe(4);
    expect(r.accounts.map((a) => [a.name, a.impact, a.contribution])).toEqual([
      ['Globex', 'blocker', 300_000],
      ['Initech', 'important', 80_000],
      ['Free Tier Co', 'blocker', 0],
    ]);
    expect(r.revenueBySegment.find((s) => s.segment === 'enterprise')).toEqual({ segment: 'enterprise', arr: 100_000, customerCount: 1 });
  });

  it('adds the ARR of open opportunities that list the request as a blocker, and drops closed ones', async () => {
    const audit = await newRequest('Audit log export');
    await capture(initech, 'nice_to_have', audit.id);
    await tam.request({
      method: 'PUT',
      url: `/api/feature-requests/${audit.id}/blockers`,
      payload: { opportunityId: 'opp-1', accountId: hooli, arr: 500_000 },
    });
    let r = await request(audit.id);
    expect(r.pipelineArr).toBe(500_000);
    expect(r.score).toBe(40_000 + 500_000);
    await tam.request({
      method: 'PUT',
      url: `/api/feature-requests/${audit.id}/blockers`,
      payload: { opportunityId: 'opp-1', accountId: hooli, arr: 500_000, open: false },
    });
    r = await request(audit.id);
    expect(r.pipelineArr).toBe(0);
    expect(r.score).toBe(40_000);
  });

  it('ranks by score with ties broken stably, filters by segment, and pages without repeats', async () => {
    const a = await newRequest('Tie A dark mode');
    const b = await newRequest('Tie B dark mode');
    await capture(hooli, 'important', a.id);
    await capture(hooli, 'important', b.id);
    const list = await ranked();
    const ids = list.map((r) => r.id);
    const scores = list.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    const tied = list.filter((r) => r.score === 500_000).map((r) => r.id);
    expect(tied).toEqual([a.id, b.id].sort());
    expect(ids.indexOf(tied[0]!)).toBeLessThan(ids.indexOf(tied[1]!));
    // Counting only SMB customers: the dark-mode requests (strategic only) drop out.
    const smb = await ranked('&segment=smb');
    expect(smb.map((r) => r.id)).not.toContain(a.id);
    const sso = smb.find((r) => r.title === 'SAML single sign-on')!;
    expect(sso.customerCount).toBe(2);
    expect(sso.score).toBe(80_000);
    const renewal = await ranked('&lifecycleStage=renewal');
    expect(renewal.every((r) => r.customerCount === 1 || r.pipelineArr > 0)).toBe(true);
    // Pages of one, followed to the end, give the same order as one page.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const url: string = `/api/feature-requests?sort=score&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await stakeholder.request({ method: 'GET', url })).json<{
        items: FeatureRequestSummary[];
        nextCursor: string | null;
      }>();
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(ids);
  });

  it('merges: items and blockers move, the account counts once, the old request redirects', async () => {
    const from = await newRequest('Okta login');
    const into = await newRequest('SSO with Okta and Azure AD');
    await capture(globex, 'important', from.id);
    await capture(globex, 'nice_to_have', into.id);
    await tam.request({
      method: 'PUT',
      url: `/api/feature-requests/${from.id}/blockers`,
      payload: { opportunityId: 'opp-9', accountId: hooli, arr: 10_000 },
    });
    const res = await tam.request({ method: 'POST', url: `/api/feature-requests/${from.id}/merge`, payload: { intoId: into.id } });
    expect(res.statusCode, res.body).toBe(200);
    const survivor = res.json<FeatureRequest>();
    expect(survivor.customerCount).toBe(1);
    expect(survivor.itemCount).toBe(2);
    expect(survivor.score).toBe(100_000 * 2 + 10_000);
    expect(survivor.mergedFrom).toEqual([{ id: from.id, title: 'Okta login' }]);
    const old = await request(from.id);
    expect(old.mergedInto).toEqual({ id: into.id, title: 'SSO with Okta and Azure AD' });
    expect((await ranked()).map((r) => r.id)).not.toContain(from.id);
    // Linking to the merged request lands on the survivor.
    const late = await capture(initech, 'blocker', from.id);
    expect(late.request?.id).toBe(into.id);
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/feature-requests/${from.id}`, payload: { title: 'x' } }),
      409,
      'feature_requests.merged',
    );
    expectError(await tam.request({ method: 'POST', url: `/api/feature-requests/${into.id}/merge`, payload: { intoId: into.id } }), 422);
  });

  it('follows a linked account’s ARR: the stored ranking changes in the same transaction as the account', async () => {
    const r = await newRequest('Usage alerts by e-mail');
    await capture(freeTier, 'important', r.id);
    expect((await ranked()).find((x) => x.id === r.id)!.score).toBe(0);
    const res = await tam.request({ method: 'PATCH', url: `/api/accounts/${freeTier}`, payload: { arr: 12_000 } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await ranked()).find((x) => x.id === r.id)).toMatchObject({ score: 24_000, arr: 12_000, customerCount: 1 });
    expect((await request(r.id)).score).toBe(24_000);
  });

  it('a declined request keeps its reason and its figures; declining needs a reason', async () => {
    const r = await newRequest('Fax integration');
    await capture(initech, 'nice_to_have', r.id);
    expectError(
      await tam.request({ method: 'PATCH', url: `/api/feature-requests/${r.id}`, payload: { status: 'declined' } }),
      400,
      'request.invalid',
    );
    const res = await tam.request({
      method: 'PATCH',
      url: `/api/feature-requests/${r.id}`,
      payload: { status: 'declined', declinedReason: 'Out of scope' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<FeatureRequest>()).toMatchObject({ status: 'declined', declinedReason: 'Out of scope', score: 40_000 });
    expect((await ranked('&status=declined')).map((x) => x.id)).toEqual([r.id]);
  });

  it('the inbox lists unlinked items first and suggests similar requests', async () => {
    const sso = (await ranked()).find((r) => r.title === 'SAML single sign-on')!;
    const item = await capture(hooli, 'blocker');
    await tier1.request({
      method: 'PATCH',
      url: `/api/feedback-items/${item.id}`,
      payload: { title: 'SAML login for the admin console', quote: 'Our IT requires single sign-on through SAML.' },
    });
    const inbox = (await stakeholder.request({ method: 'GET', url: '/api/feedback-inbox?limit=5' })).json<{
      items: { item: FeedbackItem; suggestions: { id: string; why: string }[] }[];
      unlinkedCount: number;
    }>();
    expect(inbox.unlinkedCount).toBeGreaterThanOrEqual(1);
    expect(inbox.items[0]!.item.request).toBeNull();
    const entry = inbox.items.find((e) => e.item.id === item.id)!;
    expect(entry.suggestions[0]!.id).toBe(sso.id);
    expect(entry.suggestions[0]!.why).toContain('saml');
    // Create a request from the item in one step.
    const made = await tier1.request({
      method: 'PUT',
      url: `/api/feedback-items/${item.id}/request`,
      payload: { newRequest: { title: 'Admin console SAML' } },
    });
    expect(made.statusCode, made.body).toBe(200);
    expect(made.json<FeedbackItem>().request?.title).toBe('Admin console SAML');
    const unlinked = await tier1.request({ method: 'PUT', url: `/api/feedback-items/${item.id}/request`, payload: { requestId: null } });
    expect(unlinked.json<FeedbackItem>().request).toBeNull();
  });

  it('enforces who may read, capture and run requests', async () => {
    expectError(
      await stakeholder.request({
        method: 'POST',
        url: '/api/feedback-items',
        payload: { accountId: globex, title: 'x', quote: 'y', impact: 'blocker' },
      }),
      403,
    );
    expectError(
      await tier1.request({ method: 'PATCH', url: `/api/feature-requests/${(await ranked())[0]!.id}`, payload: { status: 'planned' } }),
      403,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/feature-requests' })).statusCode).toBe(401);
  });

  it('refuses bad input and writes nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.db.kysely
            .selectFrom('feedback_items')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const bad = [
      { accountId: globex, title: '', quote: 'y', impact: 'blocker' },
      { accountId: globex, title: 'x', quote: 'y', impact: 'urgent' },
      { accountId: 'no-such-account', title: 'x', quote: 'y', impact: 'blocker' },
      { title: 'x', quote: 'y', impact: 'blocker' },
      { accountId: globex, contactId: 'nobody', title: 'x', quote: 'y', impact: 'blocker' },
      { accountId: initech, contactId: alice, title: 'x', quote: 'y', impact: 'blocker' },
      { sourceType: 'ticket', sourceId: 'no-such-ticket', title: 'x', quote: 'y', impact: 'blocker' },
      { accountId: globex, title: 'x', quote: 'y'.repeat(10_001), impact: 'blocker' },
      { accountId: globex, title: 'x', quote: 'y', impact: 'blocker', requestId: 'no-such-request' },
      { accountId: globex, title: 'x', quote: 'y', impact: 'blocker', extra: true },
    ];
    for (const payload of bad) {
      const res = await tier1.request({ method: 'POST', url: '/api/feedback-items', payload });
      expect(res.statusCode, JSON.stringify(payload).slice(0, 120)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expectError(res, res.statusCode);
    }
    expect(await count()).toBe(before);
    expectError(await tam.request({ method: 'GET', url: '/api/feature-requests/nope' }), 404, 'feature_requests.not_found');
    expectError(await tam.request({ method: 'POST', url: '/api/feature-requests/nope/merge', payload: { intoId: 'x' } }), 404);
    expectError(await tam.request({ method: 'GET', url: '/api/feature-requests?cursor=garbage' }), 400);
  });
});
