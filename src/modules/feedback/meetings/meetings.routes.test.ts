import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import { insertRequest } from '../loop/test-feedback-rows.js';

describe.each(testDialects())('internal meetings on %s', (dialect) => {
  let t: TestApp;
  let pm: SignedIn;
  let engineer: SignedIn;
  let stakeholder: SignedIn;
  let requestId: string;
  const db = () => t.db.kysely;
  const count = async () => (await db().selectFrom('internal_meetings').select('id').execute()).length;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    pm = await signInAs(t, ['technical_account_manager']);
    engineer = await signInAs(t, ['forward_deployed']);
    stakeholder = await signInAs(t, ['stakeholder']);
    requestId = await insertRequest(db(), { title: 'Audit log export', status: 'planned' });
  });
  afterAll(async () => t.close());

  it('records a product review with attendees and linked requests, audited, and shows it on the request', async () => {
    const created = await pm.request({
      method: 'POST',
      url: '/api/internal-meetings',
      payload: {
        kind: 'product_review',
        title: 'March product review',
        heldAt: '2026-03-10T09:00:00+01:00',
        notes: 'Agreed to plan the export for 5.1',
        attendeeIds: [pm.memberId, engineer.memberId, pm.memberId],
        featureRequestIds: [requestId],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const meeting = created.json();
    expect(meeting).toMatchObject({
      kind: 'product_review',
      heldAt: '2026-03-10T08:00:00.000Z',
      featureRequests: [{ id: requestId, title: 'Audit log export', status: 'planned' }],
      engineeringIssues: [],
      createdBy: { id: pm.memberId },
    });
    expect(meeting.attendees.map((a: { id: string }) => a.id).sort()).toEqual([pm.memberId, engineer.memberId].sort());
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', meeting.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['internal_meeting.created']);

    // A request merged into this one brings its meetings along.
    const merged = await insertRequest(db(), { title: 'CSV audit export', mergedIntoId: requestId });
    const onRequest = await stakeholder.request({ method: 'GET', url: `/api/feature-requests/${merged}/meetings` });
    expect(onRequest.json().items.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expectError(
      await stakeholder.request({ method: 'GET', url: '/api/feature-requests/nope/meetings' }),
      404,
      'feature_requests.not_found',
    );
  });

  it('changes a meeting, replacing the lists that are sent', async () => {
    const list = await stakeholder.request({ method: 'GET', url: '/api/internal-meetings' });
    const id = list.json().items[0].id as string;
    const res = await engineer.request({
      method: 'PATCH',
      url: `/api/internal-meetings/${id}`,
      payload: { kind: 'engineering_sync', attendeeIds: [engineer.memberId], featureRequestIds: [] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      kind: 'engineering_sync',
      title: 'March product review',
      featureRequests: [],
      attendees: [{ id: engineer.memberId }],
    });
    expect((await stakeholder.request({ method: 'GET', url: `/api/feature-requests/${requestId}/meetings` })).json().items).toEqual([]);
  });

  it('pages most recent first and filters by kind', async () => {
    for (const day of [1, 2, 3]) {
      await pm.request({
        method: 'POST',
        url: '/api/internal-meetings',
        payload: { kind: 'roadmap_review', title: `Roadmap ${day}`, heldAt: `2026-04-0${day}T10:00:00Z` },
      });
    }
    const first = (await stakeholder.request({ method: 'GET', url: '/api/internal-meetings?kind=roadmap_review&limit=2' })).json();
    expect(first.items.map((m: { title: string }) => m.title)).toEqual(['Roadmap 3', 'Roadmap 2']);
    const next = await stakeholder.request({
      method: 'GET',
      url: `/api/internal-meetings?kind=roadmap_review&limit=2&cursor=${first.nextCursor}`,
    });
    expect(next.json()).toMatchObject({ items: [{ title: 'Roadmap 1' }], nextCursor: null });
  });

  it('refuses unknown attendees and links, and read-only stakeholders, writing nothing', async () => {
    const before = await count();
    const body = { kind: 'other', title: 'Sync', heldAt: '2026-03-10T09:00:00Z' };
    expectError(
      await pm.request({ method: 'POST', url: '/api/internal-meetings', payload: { ...body, attendeeIds: ['nobody'] } }),
      422,
      'internal_meetings.attendee_unknown',
    );
    const link = await pm.request({ method: 'POST', url: '/api/internal-meetings', payload: { ...body, engineeringIssueIds: ['ENG-0'] } });
    expect(expectError(link, 422, 'internal_meetings.link_unknown').details).toEqual({ field: 'engineeringIssueIds' });
    expectError(await stakeholder.request({ method: 'POST', url: '/api/internal-meetings', payload: body }), 403);
    expectError(
      await pm.request({ method: 'PATCH', url: '/api/internal-meetings/nope', payload: { title: 'x' } }),
      404,
      'internal_meetings.not_found',
    );
    expect(await count()).toBe(before);
  });
});
