import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError } from '../../../../test/factories/index.js';
import { portalSignIn, type PortalSignedIn } from '../../../../test/helpers/portal.js';
import type { RequestStatus } from '../contract/kinds.js';
import type { PortalUatRound, UatRound } from '../contract/uat.js';

const cases = [
  { title: 'Export a month of usage', steps: '1. Open Reports\n2. Export March', expected: 'A CSV with 31 rows' },
  { title: 'Schedule the export', steps: 'Schedule it weekly', expected: 'It arrives on Monday' },
];

describe.each(testDialects())('UAT rounds on %s', (dialect) => {
  let t: TestApp;
  let owner: SignedIn;
  let tier1: SignedIn;
  let accountId: string;
  let otherAccountId: string;
  let alice: PortalSignedIn;
  let bob: PortalSignedIn;
  let carol: PortalSignedIn;
  let stranger: PortalSignedIn;
  let strangerContactId: string;

  /** A feature request in `status`, created through the API as the product side would. */
  const request = async (status: RequestStatus): Promise<string> => {
    const res = await owner.request({
      method: 'POST',
      url: '/api/feature-requests',
      payload: { title: `Usage export (${status})`, status },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  };
  const count = async (
    table: 'uat_rounds' | 'uat_cases' | 'uat_invitees' | 'uat_results' | 'audit_log' | 'outbox_emails' | 'engineering_issues',
  ) =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const newRound = async (extra: Record<string, unknown> = {}): Promise<UatRound> => {
    const requestId = await request('in_progress');
    const res = await owner.request({
      method: 'POST',
      url: `/api/feature-requests/${requestId}/uat-rounds`,
      payload: { title: 'Usage export, round 1', accountId, cases, contactIds: [alice.contactId, bob.contactId], ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const record = (who: PortalSignedIn, round: { id: string }, caseId: string, body: Record<string, unknown>) =>
    who.request({ method: 'PUT', url: `/api/portal/uat-rounds/${round.id}/cases/${caseId}/result`, payload: body });

  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await signInAs(t, ['technical_account_manager']);
    tier1 = await signInAs(t, ['support_tier1']);
    accountId = (await createAccountViaService(t.db, { name: 'Globex' })).id;
    otherAccountId = (await createAccountViaService(t.db, { name: 'Hooli' })).id;
    for (const name of ['alice', 'bob', 'carol']) await createContactViaService(t.db, accountId, { name, email: `${name}@globex.test` });
    strangerContactId = (await createContactViaService(t.db, otherAccountId, { name: 'Gavin', email: 'gavin@hooli.test' })).id;
    alice = await portalSignIn(t, 'alice@globex.test');
    bob = await portalSignIn(t, 'bob@globex.test');
    carol = await portalSignIn(t, 'carol@globex.test');
    stranger = await portalSignIn(t, 'gavin@hooli.test');
  });
  afterAll(async () => t.close());

  it('starts a round only on a request in progress, and refuses others with nothing written', async () => {
    const requests = await Promise.all(
      (['under_review', 'planned', 'shipped', 'declined'] as const).map(async (s) => [s, await request(s)] as const),
    );
    const inProgress = await request('in_progress');
    const before = [await count('uat_rounds'), await count('audit_log'), await count('outbox_emails')];
    const post = (who: SignedIn, requestId: string, payload: Record<string, unknown>) =>
      who.request({ method: 'POST', url: `/api/feature-requests/${requestId}/uat-rounds`, payload });
    for (const [status, id] of requests) {
      const res = await post(owner, id, { title: 'Too early', accountId, cases, contactIds: [alice.contactId] });
      expect(expectError(res, 409, 'uat.request_not_in_progress').details.status).toBe(status);
    }
    expectError(await post(owner, 'no-such-request', { title: 'Nope', accountId }), 404, 'feature_requests.not_found');
    const foreign = await post(owner, inProgress, { title: 'Mixed', accountId, cases, contactIds: [alice.contactId, strangerContactId] });
    expect(expectError(foreign, 422, 'uat.contact_not_on_account').details.contactIds).toEqual([strangerContactId]);
    expectError(await post(owner, inProgress, { title: 'Nobody', accountId: 'no-such-account' }), 422, 'request.reference_not_found');
    expectError(
      await post(owner, inProgress, { title: 'Ghost', accountId, contactIds: ['no-such-contact'] }),
      422,
      'request.reference_not_found',
    );
    expectError(await post(tier1, inProgress, { title: 'Not mine to run', accountId }), 403, 'auth.forbidden');
    expect([await count('uat_rounds'), await count('audit_log'), await count('outbox_emails')]).toEqual(before);
  });

  it('creates a round with cases in order and e-mails each invitee a link to it in the portal', async () => {
    const mails = await count('outbox_emails');
    const round = await newRound();
    expect(round).toMatchObject({
      status: 'open',
      account: { id: accountId, name: 'Globex' },
      createdBy: { id: owner.memberId },
      counts: { cases: 2, invitees: 2, passedCases: 0, failingCases: 0, untestedCases: 2 },
      signOff: null,
      readiness: { ready: false },
    });
    expect(round.cases.map((c) => [c.position, c.title])).toEqual([
      [1, 'Export a month of usage'],
      [2, 'Schedule the export'],
    ]);
    expect(round.cases[0]!.counts).toEqual({ pass: 0, fail: 0, waiting: 2 });
    expect(await count('outbox_emails')).toBe(mails + 2);
    const sent = await t.db.kysely
      .selectFrom('outbox_emails')
      .select(['to_addresses', 'subject', 'text_body'])
      .where('headers', 'like', `%${round.id}%`)
      .execute();
    expect(sent.map((m) => JSON.parse(m.to_addresses)[0]).sort()).toEqual(['alice@globex.test', 'bob@globex.test']);
    expect(sent[0]!.subject).toBe('Acceptance test: Usage export, round 1');
    expect(sent[0]!.text_body).toContain(`/portal/acceptance/${round.id}`);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', round.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['uat_round.created', 'uat_round.invited']);

    const listed = await tier1.request({ method: 'GET', url: `/api/feature-requests/${round.requestId}/uat-rounds` });
    expect(listed.json().items.map((r: { id: string }) => r.id)).toEqual([round.id]);
  });

  it('adds, edits, reorders and removes cases while the round is open', async () => {
    const round = await newRound({ cases: [] });
    const added = await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/cases`, payload: cases[0] });
    expect(added.statusCode, added.body).toBe(201);
    const second = (
      await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/cases`, payload: cases[1] })
    ).json() as UatRound;
    const [a, b] = second.cases.map((c) => c.id);
    const edited = await owner.request({
      method: 'PATCH',
      url: `/api/uat-cases/${b}`,
      payload: { expected: 'It arrives every Monday at 08:00' },
    });
    expect((edited.json() as UatRound).cases[1]).toMatchObject({
      title: 'Schedule the export',
      expected: 'It arrives every Monday at 08:00',
    });
    const reordered = await owner.request({ method: 'PUT', url: `/api/uat-rounds/${round.id}/case-order`, payload: { caseIds: [b, a] } });
    expect((reordered.json() as UatRound).cases.map((c) => [c.id, c.position])).toEqual([
      [b, 1],
      [a, 2],
    ]);
    for (const caseIds of [[a], [a, a], [a, b, 'other']]) {
      const bad = await owner.request({ method: 'PUT', url: `/api/uat-rounds/${round.id}/case-order`, payload: { caseIds } });
      expectError(bad, 422, 'uat.case_order_mismatch');
    }
    expect((await record(alice, round, a!, { outcome: 'pass' })).statusCode).toBe(200);
    expectError(await owner.request({ method: 'DELETE', url: `/api/uat-cases/${a}` }), 409, 'uat.case_has_results');
    const removed = await owner.request({ method: 'DELETE', url: `/api/uat-cases/${b}` });
    expect((removed.json() as UatRound).cases.map((c) => [c.id, c.position])).toEqual([[a, 1]]);
  });

  it('lets only invitees of the round’s own account see it and record results: everyone else gets 404', async () => {
    const round = await newRound();
    const caseId = round.cases[0]!.id;
    const mine = await alice.request({ method: 'GET', url: '/api/portal/uat-rounds' });
    expect(mine.json().items.map((r: { id: string }) => r.id)).toContain(round.id);
    for (const who of [carol, stranger]) {
      const list = await who.request({ method: 'GET', url: '/api/portal/uat-rounds' });
      expect(list.json().items.map((r: { id: string }) => r.id)).not.toContain(round.id);
      expectError(await who.request({ method: 'GET', url: `/api/portal/uat-rounds/${round.id}` }), 404, 'uat.round_not_found');
      expectError(await record(who, round, caseId, { outcome: 'pass' }), 404, 'uat.round_not_found');
      const signOff = await who.request({ method: 'POST', url: `/api/portal/uat-rounds/${round.id}/sign-off`, payload: { name: 'Who' } });
      expectError(signOff, 404, 'uat.round_not_found');
    }
    expectError(await record(alice, round, 'no-such-case', { outcome: 'pass' }), 404, 'uat.case_not_found');
    // Another round's case is not a case of this round.
    const other = await newRound();
    expectError(await record(alice, round, other.cases[0]!.id, { outcome: 'pass' }), 404, 'uat.case_not_found');
    // Inviting Carol later shows her the round.
    const invited = await owner.request({
      method: 'POST',
      url: `/api/uat-rounds/${round.id}/invitees`,
      payload: { contactIds: [carol.contactId, alice.contactId] },
    });
    expect((invited.json() as UatRound).invitees.map((i) => i.contact.name)).toEqual(['alice', 'bob', 'carol']);
    expect((await carol.request({ method: 'GET', url: `/api/portal/uat-rounds/${round.id}` })).statusCode).toBe(200);
    expectError(
      await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/invitees`, payload: { contactIds: [strangerContactId] } }),
      422,
      'uat.contact_not_on_account',
    );
  });

  it('records pass and fail, refuses sign-off until every case passes, then signs off with the typed name', async () => {
    const round = await newRound();
    const [c1, c2] = round.cases.map((c) => c.id) as [string, string];
    const noComment = await record(alice, round, c1, { outcome: 'fail' });
    expect(expectError(noComment, 400, 'request.invalid').message).toContain('comment');
    const failed = await record(alice, round, c1, { outcome: 'fail', comment: 'The CSV has 30 rows' });
    expect((failed.json() as PortalUatRound).cases[0]!.yourResult).toMatchObject({ outcome: 'fail', comment: 'The CSV has 30 rows' });
    await record(bob, round, c1, { outcome: 'pass' });

    const untested = await alice.request({
      method: 'POST',
      url: `/api/portal/uat-rounds/${round.id}/sign-off`,
      payload: { name: 'Alice A.' },
    });
    const error = expectError(untested, 409, 'uat.sign_off_not_ready');
    expect(error.details).toEqual({ untestedCases: [c2], failingCases: [c1] });
    expect(error.message).toContain('“Schedule the export”');

    await record(bob, round, c2, { outcome: 'pass', comment: 'Arrived' });
    const agent = (await tier1.request({ method: 'GET', url: `/api/uat-rounds/${round.id}` })).json() as UatRound;
    expect(agent.counts).toMatchObject({ passedCases: 1, failingCases: 1, untestedCases: 0 });
    expect(agent.cases[0]!.counts).toEqual({ pass: 1, fail: 1, waiting: 0 });
    expect(agent.failures).toMatchObject([
      { case: { id: c1 }, contact: { name: 'alice' }, comment: 'The CSV has 30 rows', engineeringIssue: null },
    ]);
    expect(agent.readiness.failingCases.map((c) => c.id)).toEqual([c1]);
    // Bob sees Alice's failure: it decides sign-off for both of them.
    const bobView = (await bob.request({ method: 'GET', url: `/api/portal/uat-rounds/${round.id}` })).json() as PortalUatRound;
    expect(bobView.cases[0]!.colleagues).toEqual([{ name: 'alice', outcome: 'fail', comment: 'The CSV has 30 rows' }]);
    expect(JSON.stringify(bobView)).not.toContain(round.requestId);

    // Alice re-tests after the fix: the failure clears and Bob signs off.
    await record(alice, round, c1, { outcome: 'pass', comment: 'Fixed, 31 rows' });
    const signed = await bob.request({
      method: 'POST',
      url: `/api/portal/uat-rounds/${round.id}/sign-off`,
      payload: { name: '  Bob Builder ' },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((signed.json() as PortalUatRound).signOff).toMatchObject({ name: 'Bob Builder' });
    const after = (await owner.request({ method: 'GET', url: `/api/uat-rounds/${round.id}` })).json() as UatRound;
    expect(after).toMatchObject({
      status: 'signed_off',
      signOff: { contact: { id: bob.contactId }, name: 'Bob Builder' },
      readiness: { ready: true },
    });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['actor_type', 'actor_id'])
      .where('action', '=', 'uat_round.signed_off')
      .where('record_id', '=', round.id)
      .execute();
    expect(audit).toEqual([{ actor_type: 'contact', actor_id: bob.contactId }]);

    // Signed off: what was accepted stays as accepted.
    const results = await count('uat_results');
    expectError(await record(alice, round, c1, { outcome: 'fail', comment: 'Changed my mind' }), 409, 'uat.round_not_open');
    expectError(
      await alice.request({ method: 'POST', url: `/api/portal/uat-rounds/${round.id}/sign-off`, payload: { name: 'Alice' } }),
      409,
      'uat.round_not_open',
    );
    expectError(
      await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/cases`, payload: cases[0] }),
      409,
      'uat.round_not_open',
    );
    expect(await count('uat_results')).toBe(results);
    const closed = await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/close` });
    expect((closed.json() as UatRound).status).toBe('closed');
    expectError(await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/close` }), 409, 'uat.round_not_open');
    expectError(
      await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/invitees`, payload: { contactIds: [carol.contactId] } }),
      409,
      'uat.round_not_open',
    );
  });

  it('turns a failure into an engineering issue linked to the request, once', async () => {
    const round = await newRound();
    const [c1, c2] = round.cases.map((c) => c.id) as [string, string];
    await record(alice, round, c1, { outcome: 'fail', comment: 'The CSV has 30 rows' });
    await record(alice, round, c2, { outcome: 'pass' });
    const failures = ((await owner.request({ method: 'GET', url: `/api/uat-rounds/${round.id}` })).json() as UatRound).failures;
    const resultId = failures[0]!.resultId;
    const issues = await count('engineering_issues');

    const res = await tier1.request({
      method: 'POST',
      url: `/api/uat-results/${resultId}/engineering-issue`,
      payload: { severity: 'high' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json() as { issue: { id: string; key: string; title: string }; round: UatRound };
    expect(body.issue.title).toBe('UAT: “Export a month of usage” fails for Globex');
    expect(body.round.failures[0]!.engineeringIssue).toMatchObject({ id: body.issue.id, key: body.issue.key, status: 'open' });
    const row = await t.db.kysely.selectFrom('engineering_issues').selectAll().where('id', '=', body.issue.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      feature_request_id: round.requestId,
      severity: 'high',
      repro_steps: cases[0]!.steps,
      repro_expected: cases[0]!.expected,
    });
    expect(row.repro_actual).toContain('The CSV has 30 rows');
    expect(row.repro_actual).toContain('Reported by alice');

    const again = await owner.request({ method: 'POST', url: `/api/uat-results/${resultId}/engineering-issue`, payload: {} });
    expect(expectError(again, 409, 'uat.issue_exists').details.issueId).toBe(body.issue.id);
    const passId = (await t.db.kysely.selectFrom('uat_results').select('id').where('case_id', '=', c2).executeTakeFirstOrThrow()).id;
    expectError(
      await owner.request({ method: 'POST', url: `/api/uat-results/${passId}/engineering-issue`, payload: {} }),
      409,
      'uat.result_not_a_failure',
    );
    expectError(
      await owner.request({ method: 'POST', url: '/api/uat-results/no-such-result/engineering-issue', payload: {} }),
      404,
      'uat.result_not_found',
    );
    expect(await count('engineering_issues')).toBe(issues + 1);
  });

  it('closes an open round without sign-off, after which it takes no results', async () => {
    const round = await newRound();
    const closed = (await owner.request({ method: 'POST', url: `/api/uat-rounds/${round.id}/close` })).json() as UatRound;
    expect(closed).toMatchObject({ status: 'closed', signOff: null });
    expectError(await record(alice, round, round.cases[0]!.id, { outcome: 'pass' }), 409, 'uat.round_not_open');
    const listed = (await alice.request({ method: 'GET', url: '/api/portal/uat-rounds' })).json().items as { id: string; status: string }[];
    // Open rounds come first in the portal.
    const statuses = listed.map((r) => r.status);
    expect(statuses.indexOf('closed')).toBeGreaterThan(statuses.lastIndexOf('open'));
  });
});
