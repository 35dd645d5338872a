import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';
import { notifyMembers } from './notification-service.js';

describe.each(testDialects())('members’ notifications on %s', (dialect) => {
  let t: TestApp;
  let ann: SignedIn;
  let ben: SignedIn;
  const recipient = (m: SignedIn) => ({ memberId: m.memberId, email: m.email, name: 'Someone' });
  const message = (n: number) => ({ kind: 'test.event', title: `Event ${n}`, body: `Body ${n}`, link: `/things/${n}` });
  const outboxTo = async (email: string) =>
    (await t.db.kysely.selectFrom('outbox_emails').select(['to_addresses', 'text_body']).execute()).filter((m) =>
      m.to_addresses.includes(email),
    );

  beforeAll(async () => {
    t = await startTestApp(dialect);
    ann = await signInAs(t, ['stakeholder']);
    ben = await signInAs(t, ['support_tier1']);
  });
  afterAll(async () => t.close());

  it('tells each member once however often they are named, by e-mail only when asked, and `once` skips those already told', async () => {
    const first = await notifyMembers(t.db.kysely, [recipient(ann), recipient(ann), recipient(ben)], message(1), { email: true });
    expect(first.sort()).toEqual([ann.memberId, ben.memberId].sort());
    const mails = await outboxTo(ann.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain('/things/1');
    await notifyMembers(t.db.kysely, [recipient(ann)], message(2), { email: false });
    expect(await outboxTo(ann.email)).toHaveLength(1);
    expect(await notifyMembers(t.db.kysely, [recipient(ann)], message(1), { email: true, once: true })).toEqual([]);
    expect(await outboxTo(ann.email)).toHaveLength(1);
  });

  it('lists only the member’s own notifications, newest first, with the unread count', async () => {
    const mine = await ann.request({ method: 'GET', url: '/api/notifications' });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ unreadCount: 2, items: [{ title: 'Event 2' }, { title: 'Event 1', readAt: null }] });
    const bens = await ben.request({ method: 'GET', url: '/api/notifications?limit=5' });
    expect(bens.json().items.map((n: { title: string }) => n.title)).toEqual(['Event 1']);
  });

  it('marks one read for its owner only: another member’s notification is 404 and stays unread', async () => {
    const annsFirst = (await ann.request({ method: 'GET', url: '/api/notifications' })).json().items[1].id as string;
    expectError(await ben.request({ method: 'POST', url: `/api/notifications/${annsFirst}/read` }), 404, 'notifications.not_found');
    expect((await ann.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(2);

    const read = await ann.request({ method: 'POST', url: `/api/notifications/${annsFirst}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await ann.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(1);
  });

  it('marks all of the member’s own read and leaves others’ alone', async () => {
    const all = await ann.request({ method: 'POST', url: '/api/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 1 });
    expect((await ann.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(0);
    expect((await ben.request({ method: 'GET', url: '/api/notifications' })).json().unreadCount).toBe(1);
  });

  it('answers 401 to anyone not signed in', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/notifications' }), 401);
  });
});
