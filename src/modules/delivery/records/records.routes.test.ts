import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService, expectError } from '../../../../test/factories/index.js';
import { suggestVerdict } from './poc-verdict.js';
import { insertEngagement } from './test-engagements.js';
import { portalSignIn } from '../../../../test/helpers/portal.js';
import { insertOpportunity } from '../../presales/opportunities/test-opportunities.js';

describe('POC verdict suggestion', () => {
  it('fails on any failed criterion, passes only when every criterion passed, else stays pending', () => {
    expect(suggestVerdict([])).toBe('pending');
    expect(suggestVerdict(['pass', 'pending'])).toBe('pending');
    expect(suggestVerdict(['pass', 'pass'])).toBe('pass');
    expect(suggestVerdict(['pass', 'fail', 'pending'])).toBe('fail');
  });
});

describe.each(testDialects())('training, field visits and POC criteria on %s', (dialect) => {
  let t: TestApp;
  let engineer: SignedIn;
  let trainer: SignedIn;
  let accountId: string;
  let otherAccountId: string;
  let alice: string;
  let bob: string;
  let stranger: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    engineer = await signInAs(t, ['implementation']);
    trainer = await signInAs(t, ['customer_success']);
    accountId = (await createAccountViaService(t.db, { name: 'Globex' })).id;
    otherAccountId = (await createAccountViaService(t.db, { name: 'Hooli' })).id;
    alice = (await createContactViaService(t.db, accountId, { name: 'Alice Admin' })).id;
    bob = (await createContactViaService(t.db, accountId, { name: 'Bob User' })).id;
    stranger = (await createContactViaService(t.db, otherAccountId, { name: 'Gavin Belson' })).id;
  });
  afterAll(async () => t.close());

  const count = async (table: 'training_sessions' | 'field_visits' | 'poc_criteria' | 'interactions' | 'audit_log') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async (recordId: string) =>
    (await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', recordId).orderBy('id').execute()).map(
      (a) => a.action,
    );
  const timeline = async () =>
    (await engineer.request({ method: 'GET', url: `/api/accounts/${accountId}/interactions` })).json().items as {
      id: string;
      kind: string;
      subject: string;
      attendees: { type: string; id: string }[];
    }[];

  const session = (extra: Record<string, unknown> = {}) => ({
    topic: 'Admin console essentials',
    audience: 'it_admins',
    scheduledAt: '2026-03-10T09:00:00Z',
    durationMinutes: 90,
    trainerId: trainer.memberId,
    contactIds: [alice, bob],
    materials: [{ title: 'Admin guide', url: 'https://docs.example.com/admin' }],
    ...extra,
  });

  it('schedules a session for the account’s contacts and refuses another account’s contact without writing anything', async () => {
    const created = await engineer.request({ method: 'POST', url: `/api/accounts/${accountId}/training-sessions`, payload: session() });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'scheduled',
      audience: 'it_admins',
      trainer: { id: trainer.memberId },
      interactionId: null,
      feedback: { count: 0, averageRating: null },
    });
    expect(created.json().attendees.map((a: { contact: { name: string } }) => a.contact.name)).toEqual(['Alice Admin', 'Bob User']);

    const [sessions, auditRows] = [await count('training_sessions'), await count('audit_log')];
    const foreign = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${accountId}/training-sessions`,
      payload: session({ contactIds: [alice, stranger] }),
    });
    expect(expectError(foreign, 422, 'training.attendee_not_on_account').details.field).toBe('contactIds');
    expectError(
      await engineer.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/training-sessions`,
        payload: session({ audience: 'managers' }),
      }),
      400,
      'request.invalid',
    );
    expect([await count('training_sessions'), await count('audit_log')]).toEqual([sessions, auditRows]);
  });

  it('puts a delivered session on the account timeline with trainer and attendees, then takes feedback', async () => {
    const created = (
      await engineer.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/training-sessions`,
        payload: session({ topic: 'Reporting for end users', audience: 'end_users' }),
      })
    ).json();
    expectError(
      await engineer.request({ method: 'PUT', url: `/api/training-sessions/${created.id}/feedback/${alice}`, payload: { rating: 5 } }),
      409,
      'training.not_delivered',
    );

    const delivered = await engineer.request({
      method: 'PATCH',
      url: `/api/training-sessions/${created.id}`,
      payload: { status: 'delivered', contactIds: [alice] },
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json().status).toBe('delivered');
    expect(delivered.json().attendees).toHaveLength(1);
    const interaction = (await timeline()).find((i) => i.id === delivered.json().interactionId)!;
    expect(interaction).toMatchObject({ kind: 'training', subject: 'Training: Reporting for end users (end users)' });
    expect(interaction.attendees.map((a) => `${a.type}:${a.id}`).sort()).toEqual([`contact:${alice}`, `member:${trainer.memberId}`].sort());

    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/training-sessions/${created.id}`, payload: { status: 'scheduled' } }),
      409,
      'training.delivered',
    );
    expectError(
      await engineer.request({ method: 'PUT', url: `/api/training-sessions/${created.id}/feedback/${bob}`, payload: { rating: 4 } }),
      422,
      'training.not_an_attendee',
    );
    expectError(
      await engineer.request({ method: 'PUT', url: `/api/training-sessions/${created.id}/feedback/${alice}`, payload: { rating: 6 } }),
      400,
      'request.invalid',
    );
    const rated = await engineer.request({
      method: 'PUT',
      url: `/api/training-sessions/${created.id}/feedback/${alice}`,
      payload: { rating: 4, comment: 'Clear, wants more on exports' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().attendees[0]).toMatchObject({
      rating: 4,
      comment: 'Clear, wants more on exports',
      feedbackBy: { id: engineer.memberId },
    });
    expect(rated.json().feedback).toEqual({ count: 1, averageRating: 4 });
    // Editing a delivered session's notes writes no second timeline entry.
    const interactions = await count('interactions');
    await engineer.request({
      method: 'PATCH',
      url: `/api/training-sessions/${created.id}`,
      payload: { notes: 'Recording shared', status: 'delivered' },
    });
    expect(await count('interactions')).toBe(interactions);
    expect(await audits(created.id)).toEqual([
      'training_session.scheduled',
      'training_session.delivered',
      'training_session.feedback_recorded',
      'training_session.updated',
    ]);

    const list = (await engineer.request({ method: 'GET', url: `/api/accounts/${accountId}/training-sessions?limit=1` })).json();
    expect(list.items).toHaveLength(1);
    expect(list.nextCursor).not.toBeNull();
  });

  it('plans a field visit, ticks its checklist and completes it onto the account timeline', async () => {
    const engagementId = await insertEngagement(t, accountId);
    const foreignEngagement = await insertEngagement(t, otherAccountId);
    const body = {
      visitDate: '2026-03-12',
      siteAddress: '1 Globex Way, Cypress Creek',
      purpose: 'Rack the appliance and connect the SSO',
      engineerId: engineer.memberId,
      engagementId,
      checklist: [{ label: 'Badge access' }, { label: 'Appliance racked' }],
    };
    const wrong = await engineer.request({
      method: 'POST',
      url: `/api/accounts/${accountId}/field-visits`,
      payload: { ...body, engagementId: foreignEngagement },
    });
    expect(expectError(wrong, 422, 'delivery.engagement_not_on_account').details.field).toBe('engagementId');
    expectError(
      await engineer.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/field-visits`,
        payload: { ...body, visitDate: '12/03/2026' },
      }),
      400,
      'request.invalid',
    );

    const planned = await engineer.request({ method: 'POST', url: `/api/accounts/${accountId}/field-visits`, payload: body });
    expect(planned.statusCode, planned.body).toBe(201);
    const visit = planned.json();
    expect(visit).toMatchObject({
      status: 'planned',
      engagement: { id: engagementId },
      engineer: { id: engineer.memberId },
      checklist: [
        { label: 'Badge access', done: false },
        { label: 'Appliance racked', done: false },
      ],
    });

    const ticked = await engineer.request({
      method: 'PATCH',
      url: `/api/field-visits/${visit.id}`,
      payload: {
        checklist: [
          { label: 'Badge access', done: true },
          { label: 'Appliance racked', done: true },
        ],
      },
    });
    expect(ticked.json().checklist.every((i: { done: boolean }) => i.done)).toBe(true);
    const completed = await engineer.request({
      method: 'PATCH',
      url: `/api/field-visits/${visit.id}`,
      payload: { status: 'completed', report: '## Done\n- Appliance racked in row 4' },
    });
    expect(completed.statusCode, completed.body).toBe(200);
    expect(completed.json()).toMatchObject({ status: 'completed', report: '## Done\n- Appliance racked in row 4' });
    const interaction = (await timeline()).find((i) => i.id === completed.json().interactionId)!;
    expect(interaction).toMatchObject({ kind: 'site_visit', subject: 'Site visit: Rack the appliance and connect the SSO' });
    expect(interaction.attendees).toEqual([{ type: 'member', id: engineer.memberId, name: expect.any(String) }]);

    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/field-visits/${visit.id}`, payload: { status: 'planned' } }),
      409,
      'field_visits.completed',
    );
    expectError(await engineer.request({ method: 'DELETE', url: `/api/field-visits/${visit.id}` }), 409, 'field_visits.completed');
    expect(await audits(visit.id)).toEqual(['field_visit.planned', 'field_visit.updated', 'field_visit.completed']);

    const other = (
      await engineer.request({ method: 'POST', url: `/api/accounts/${accountId}/field-visits`, payload: { ...body, engagementId: null } })
    ).json();
    expect((await engineer.request({ method: 'DELETE', url: `/api/field-visits/${other.id}` })).statusCode).toBe(204);
    expectError(await engineer.request({ method: 'GET', url: `/api/field-visits/${other.id}` }), 404, 'field_visits.not_found');
    const list = (
      await engineer.request({ method: 'GET', url: `/api/accounts/${accountId}/field-visits?engagementId=${engagementId}` })
    ).json();
    expect(list.items.map((v: { id: string }) => v.id)).toEqual([visit.id]);
  });

  it('lists an engineer’s visits across accounts for a week, soonest first', async () => {
    const plan = async (who: SignedIn, account: string, visitDate: string, purpose: string) => {
      const res = await who.request({
        method: 'POST',
        url: `/api/accounts/${account}/field-visits`,
        payload: { visitDate, siteAddress: '1 Main Street', purpose, engineerId: who.memberId },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const later = await plan(engineer, otherAccountId, '2027-05-14', 'Install the second appliance');
    const sooner = await plan(engineer, accountId, '2027-05-11', 'Survey the site');
    await plan(engineer, accountId, '2027-05-20', 'Next week’s upgrade');
    await plan(trainer, accountId, '2027-05-12', 'Someone else’s visit');

    const week = await engineer.request({ method: 'GET', url: '/api/field-visits?engineerId=me&from=2027-05-10&to=2027-05-16' });
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json().items.map((v: { id: string }) => v.id)).toEqual([sooner, later]);
    const paged = (await engineer.request({ method: 'GET', url: '/api/field-visits?engineerId=me&from=2027-05-10&limit=1' })).json();
    const next = (
      await engineer.request({ method: 'GET', url: `/api/field-visits?engineerId=me&from=2027-05-10&limit=1&cursor=${paged.nextCursor}` })
    ).json();
    expect([paged.items[0].id, next.items[0].id]).toEqual([sooner, later]);
    const all = (await trainer.request({ method: 'GET', url: '/api/field-visits?from=2027-05-10&to=2027-05-16' })).json();
    expect(all.items).toHaveLength(3);
    expectError(await engineer.request({ method: 'GET', url: '/api/field-visits?from=next-monday' }), 400, 'request.invalid');
  });

  it('keeps success criteria on a proof of concept, suggests the verdict from them and records the engineer’s verdict', async () => {
    const opportunityId = await insertOpportunity(t.db.kysely, accountId, { name: 'Globex — fleet analytics' });
    const pocId = await insertEngagement(t, accountId, 'proof_of_concept', { opportunityId });
    const implementation = await insertEngagement(t, accountId);
    expectError(
      await engineer.request({ method: 'POST', url: `/api/engagements/${implementation}/poc-criteria`, payload: { statement: 'x' } }),
      409,
      'poc.not_a_poc',
    );
    const foreign = await engineer.request({
      method: 'POST',
      url: `/api/engagements/${pocId}/poc-criteria`,
      payload: { statement: 'SSO works', owner: { type: 'contact', id: stranger } },
    });
    expect(expectError(foreign, 422, 'poc.owner_invalid').details.field).toBe('owner');

    const sso = (
      await engineer.request({
        method: 'POST',
        url: `/api/engagements/${pocId}/poc-criteria`,
        payload: { statement: 'Users sign in with their Okta account', owner: { type: 'contact', id: alice } },
      })
    ).json();
    const speed = (
      await engineer.request({
        method: 'POST',
        url: `/api/engagements/${pocId}/poc-criteria`,
        payload: { statement: 'Search answers in under a second', owner: { type: 'member', id: engineer.memberId } },
      })
    ).json();
    expect([sso.position, speed.position]).toEqual([0, 1]);
    expect(sso.owner).toEqual({ type: 'contact', id: alice, name: 'Alice Admin' });

    let poc = (await engineer.request({ method: 'GET', url: `/api/engagements/${pocId}/poc` })).json();
    expect(poc).toMatchObject({
      opportunity: { id: opportunityId, name: 'Globex — fleet analytics', technicalWin: 'in_progress' },
      verdict: 'pending',
      suggestedVerdict: 'pending',
      counts: { pending: 2, pass: 0, fail: 0 },
    });

    await engineer.request({
      method: 'PATCH',
      url: `/api/poc-criteria/${sso.id}`,
      payload: { status: 'pass', evidence: 'Signed in as 5 pilot users', evidenceUrl: 'https://wiki.example.com/poc/sso' },
    });
    await engineer.request({ method: 'PATCH', url: `/api/poc-criteria/${speed.id}`, payload: { status: 'pass' } });
    poc = (await engineer.request({ method: 'GET', url: `/api/engagements/${pocId}/poc` })).json();
    expect(poc).toMatchObject({ suggestedVerdict: 'pass', verdict: 'pending' });
    expect(poc.criteria[0]).toMatchObject({ evidence: 'Signed in as 5 pilot users', evidenceUrl: 'https://wiki.example.com/poc/sso' });

    await engineer.request({
      method: 'PATCH',
      url: `/api/poc-criteria/${speed.id}`,
      payload: { status: 'fail', evidence: '1.8 s at p95' },
    });
    poc = (await engineer.request({ method: 'GET', url: `/api/engagements/${pocId}/poc` })).json();
    expect(poc.suggestedVerdict).toBe('fail');

    // The engineer decides: the search target was renegotiated, so the PoC passes anyway.
    const verdict = await engineer.request({
      method: 'PUT',
      url: `/api/engagements/${pocId}/poc-verdict`,
      payload: { verdict: 'pass', note: 'Search target moved to 2 s by the customer' },
    });
    expect(verdict.statusCode, verdict.body).toBe(200);
    expect(verdict.json()).toMatchObject({
      verdict: 'pass',
      verdictNote: 'Search target moved to 2 s by the customer',
      suggestedVerdict: 'fail',
      // The deal's technical win follows the verdict (presales, through delivery's port).
      opportunity: { id: opportunityId, technicalWin: 'won' },
    });
    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/poc-criteria/${speed.id}`, payload: { evidenceUrl: 'javascript:alert(1)' } }),
      400,
      'request.invalid',
    );

    expect((await engineer.request({ method: 'DELETE', url: `/api/poc-criteria/${speed.id}` })).statusCode).toBe(204);
    expectError(
      await engineer.request({ method: 'PATCH', url: `/api/poc-criteria/${speed.id}`, payload: { status: 'pass' } }),
      404,
      'poc.criterion_not_found',
    );
    expect(await audits(pocId)).toEqual(['engagement.poc_verdict_set']);
    expect(await audits(speed.id)).toEqual([
      'poc_criterion.created',
      'poc_criterion.updated',
      'poc_criterion.updated',
      'poc_criterion.deleted',
    ]);
  });

  it('lets an attendee see their sessions in the portal and rate a delivered one, and no other', async () => {
    const carol = await createContactViaService(t.db, accountId, { name: 'Carol Customer', email: 'carol@globex.test' });
    const attended = (
      await engineer.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/training-sessions`,
        payload: session({ topic: 'Portal basics', contactIds: [carol.id], notes: 'Internal: Carol is sceptical' }),
      })
    ).json();
    const notHers = (
      await engineer.request({
        method: 'POST',
        url: `/api/accounts/${accountId}/training-sessions`,
        payload: session({ topic: 'Not hers', contactIds: [alice] }),
      })
    ).json();
    await engineer.request({ method: 'PATCH', url: `/api/training-sessions/${notHers.id}`, payload: { status: 'delivered' } });
    const portal = await portalSignIn(t, 'carol@globex.test');

    const listed = (await portal.request({ method: 'GET', url: '/api/portal/training-sessions' })).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ id: attended.id, topic: 'Portal basics', status: 'scheduled', yourFeedback: null }),
    ]);
    expect(JSON.stringify(listed)).not.toContain('sceptical');
    expectError(
      await portal.request({ method: 'PUT', url: `/api/portal/training-sessions/${attended.id}/feedback`, payload: { rating: 5 } }),
      409,
      'training.not_delivered',
    );
    expectError(
      await portal.request({ method: 'PUT', url: `/api/portal/training-sessions/${notHers.id}/feedback`, payload: { rating: 1 } }),
      404,
      'training.not_found',
    );

    await engineer.request({ method: 'PATCH', url: `/api/training-sessions/${attended.id}`, payload: { status: 'delivered' } });
    const rated = await portal.request({
      method: 'PUT',
      url: `/api/portal/training-sessions/${attended.id}/feedback`,
      payload: { rating: 5, comment: 'Loved it' },
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().yourFeedback).toEqual({ rating: 5, comment: 'Loved it' });
    const seen = (await engineer.request({ method: 'GET', url: `/api/training-sessions/${attended.id}` })).json();
    expect(seen.attendees[0]).toMatchObject({ rating: 5, comment: 'Loved it', feedbackBy: null });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'actor_type', 'actor_id'])
      .where('record_id', '=', attended.id)
      .where('action', '=', 'training_session.feedback_recorded')
      .execute();
    expect(audit).toEqual([{ action: 'training_session.feedback_recorded', actor_type: 'contact', actor_id: carol.id }]);
  });

  it('lets a read-only stakeholder read the records but not change them', async () => {
    const stakeholder = await signInAs(t, ['stakeholder']);
    expect((await stakeholder.request({ method: 'GET', url: `/api/accounts/${accountId}/training-sessions` })).statusCode).toBe(200);
    expect((await stakeholder.request({ method: 'GET', url: `/api/accounts/${accountId}/field-visits` })).statusCode).toBe(200);
    expect((await stakeholder.request({ method: 'GET', url: '/api/field-visits?engineerId=me' })).statusCode).toBe(200);
    const refused = await stakeholder.request({ method: 'POST', url: `/api/accounts/${accountId}/training-sessions`, payload: session() });
    expect(expectError(refused, 403, 'auth.forbidden').details.permission).toBe('delivery.write');
  });
});
