import { SYSTEM_CONTEXT } from '../../../src/kernel/actor.js';
import { closeTheLoop } from '../../../src/modules/feedback/loop/close-the-loop.js';
import { insertItem, insertRequest, shipRequest } from '../../../src/modules/feedback/loop/test-feedback-rows.js';
import { notifyMembers } from '../../../src/modules/platform/index.js';
import type { CaseSet } from './write-case.js';

const meetingBody = () => ({ kind: 'product_review', title: 'Product review', heldAt: '2026-03-10T09:00:00Z' });

/** Closing the loop, members' notifications, the portal's product updates and internal meetings (issue 14). */
export const feedbackLoopCases: CaseSet = {
  async fixtures({ t, admin, f }) {
    const db = t.db.kysely;
    const [notificationMember] = await notifyMembers(
      db,
      [{ memberId: admin.memberId, email: admin.email, name: 'Admin' }],
      { kind: 'test.fixture', title: 'Fixture', body: 'A notification', link: null },
      { email: false },
    );
    const notification = await db
      .selectFrom('notifications')
      .select('id')
      .where('member_id', '=', notificationMember!)
      .executeTakeFirstOrThrow();
    // A shipped request the fixture contact asked for, so they hold a notice.
    const request = await insertRequest(db, { title: 'Fixture request', visibility: 'public' });
    await insertItem(db, { requestId: request, accountId: f.accountId, contactId: f.contactId });
    await shipRequest(db, request, (trx) => closeTheLoop(trx, SYSTEM_CONTEXT, request));
    const notice = await db.selectFrom('feedback_notices').select('id').where('contact_id', '=', f.contactId).executeTakeFirstOrThrow();
    const meeting = await admin.request({ method: 'POST', url: '/api/internal-meetings', payload: meetingBody() });
    return { notificationId: notification.id, noticeId: notice.id, meetingId: meeting.json().id, shippedRequestId: request };
  },
  cases: {
    'POST /api/notifications/:id/read': {
      url: (f) => `/api/notifications/${f.notificationId}/read`,
      validBody: null,
      unknownId: { url: '/api/notifications/no-such-notification/read', code: 'notifications.not_found' },
    },
    'POST /api/notifications/read-all': { url: () => '/api/notifications/read-all', validBody: null },
    'POST /api/portal/notices/:id/read': {
      url: (f) => `/api/portal/notices/${f.noticeId}/read`,
      validBody: null,
      unknownId: { url: '/api/portal/notices/no-such-notice/read', code: 'feedback_notices.not_found' },
      asContact: true,
    },
    'PUT /api/portal/feedback-preferences': {
      url: () => '/api/portal/feedback-preferences',
      validBody: () => ({ optOut: true }),
      wrongTypes: { body: { optOut: 'yes' }, path: 'optOut' },
      asContact: true,
    },
    'POST /api/internal-meetings': {
      url: () => '/api/internal-meetings',
      validBody: meetingBody,
      wrongTypes: { body: { ...meetingBody(), attendeeIds: 'everyone' }, path: 'attendeeIds' },
    },
    'PATCH /api/internal-meetings/:id': {
      url: (f) => `/api/internal-meetings/${f.meetingId}`,
      validBody: () => ({ title: 'Renamed review' }),
      wrongTypes: { body: { heldAt: 20260310 }, path: 'heldAt' },
      unknownId: { url: '/api/internal-meetings/no-such-meeting', body: { title: 'x' }, code: 'internal_meetings.not_found' },
    },
  },
};
