import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { startTestApp, type TestApp } from '../../../../test/helpers/test-app.js';
import { portalSignIn, type PortalSignedIn } from '../../../../test/helpers/portal.js';
import { createAccountViaService, createContactViaService, expectError } from '../../../../test/factories/index.js';
import { closeTheLoop } from './close-the-loop.js';
import { insertItem, insertRequest, shipRequest } from './test-feedback-rows.js';

describe.each(testDialects())('product updates in the portal on %s', (dialect) => {
  let t: TestApp;
  let alice: PortalSignedIn;
  let gina: PortalSignedIn;
  let shipped: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    const acme = (await createAccountViaService(t.db, { name: 'Acme' })).id;
    const globex = (await createAccountViaService(t.db, { name: 'Globex' })).id;
    await createContactViaService(t.db, acme, { name: 'Alice', email: 'alice@acme.test' });
    await createContactViaService(t.db, globex, { name: 'Gina', email: 'gina@globex.test' });
    alice = await portalSignIn(t, 'alice@acme.test');
    gina = await portalSignIn(t, 'gina@globex.test');

    shipped = await insertRequest(db(), { title: 'Dark mode', visibility: 'public', targetRelease: '2.0' });
    await insertItem(db(), { requestId: shipped, accountId: acme, contactId: alice.contactId, quote: 'Acme’s secret wish' });
    await shipRequest(db(), shipped, (trx) => closeTheLoop(trx, SYSTEM_CONTEXT, shipped));
  });
  afterAll(async () => t.close());

  it('shows the contact their own notices only, and marks one read for its owner only', async () => {
    const mine = await alice.request({ method: 'GET', url: '/api/portal/notices' });
    expect(mine.json()).toMatchObject({
      unreadCount: 1,
      items: [{ kind: 'shipped', title: 'Shipped: Dark mode', request: { id: shipped, targetRelease: '2.0' }, readAt: null }],
    });
    const noticeId = mine.json().items[0].id as string;
    expect((await gina.request({ method: 'GET', url: '/api/portal/notices' })).json()).toEqual({ items: [], unreadCount: 0 });
    expectError(await gina.request({ method: 'POST', url: `/api/portal/notices/${noticeId}/read` }), 404, 'feedback_notices.not_found');

    const read = await alice.request({ method: 'POST', url: `/api/portal/notices/${noticeId}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await alice.request({ method: 'GET', url: '/api/portal/notices' })).json().unreadCount).toBe(0);
  });

  it('switches product updates off (audited as the contact), and a later shipment tells the contact nothing', async () => {
    expect((await gina.request({ method: 'GET', url: '/api/portal/feedback-preferences' })).json()).toEqual({
      optOut: false,
      optedOutAt: null,
    });
    const off = await gina.request({ method: 'PUT', url: '/api/portal/feedback-preferences', payload: { optOut: true } });
    expect(off.json()).toMatchObject({ optOut: true, optedOutAt: expect.any(String) });
    const again = await gina.request({ method: 'PUT', url: '/api/portal/feedback-preferences', payload: { optOut: true } });
    expect(again.statusCode).toBe(200);
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_type']).where('record_id', '=', gina.contactId).execute();
    expect(audit.filter((a) => a.action.startsWith('contact.product_updates'))).toEqual([
      { action: 'contact.product_updates_off', actor_type: 'contact' },
    ]);

    const request = await insertRequest(db(), { title: 'Bulk import' });
    await insertItem(db(), { requestId: request, accountId: gina.accountId, contactId: gina.contactId });
    let result: unknown;
    await shipRequest(db(), request, async (trx) => (result = await closeTheLoop(trx, SYSTEM_CONTEXT, request)));
    expect(result).toEqual({ contactsTold: 0, membersTold: 0 });
    expect((await gina.request({ method: 'GET', url: '/api/portal/notices' })).json().items).toEqual([]);

    const on = await gina.request({ method: 'PUT', url: '/api/portal/feedback-preferences', payload: { optOut: false } });
    expect(on.json()).toEqual({ optOut: false, optedOutAt: null });
  });

  it('lists public requests only — not internal, merged or declined — with whether the contact’s account asked, and no quotes', async () => {
    const planned = await insertRequest(db(), {
      title: 'SCIM provisioning',
      visibility: 'public',
      status: 'planned',
      targetRelease: '3.0',
    });
    await insertRequest(db(), { title: 'Internal refactor', visibility: 'internal', status: 'planned' });
    await insertRequest(db(), { title: 'Declined idea', visibility: 'public', status: 'declined' });
    const old = await insertRequest(db(), { title: 'SCIM v1', visibility: 'public', mergedIntoId: planned });
    // Gina asked through the request since merged away; it counts for the survivor.
    await insertItem(db(), { requestId: old, accountId: gina.accountId, contactId: gina.contactId });

    const asGina = await gina.request({ method: 'GET', url: '/api/portal/feature-requests' });
    expect(asGina.statusCode).toBe(200);
    const items = asGina.json().items as { id: string; title: string; askedByYourAccount: boolean; status: string }[];
    expect(items.map((i) => i.title)).toEqual(['SCIM provisioning', 'Dark mode']);
    expect(items.find((i) => i.id === planned)).toMatchObject({ status: 'planned', targetRelease: '3.0', askedByYourAccount: true });
    expect(items.find((i) => i.id === shipped)).toMatchObject({ status: 'shipped', askedByYourAccount: false });
    expect(asGina.body).not.toContain('secret');

    const asAlice = (await alice.request({ method: 'GET', url: '/api/portal/feature-requests' })).json().items as typeof items;
    expect(asAlice.find((i) => i.id === shipped)?.askedByYourAccount).toBe(true);
    expect(asAlice.find((i) => i.id === planned)?.askedByYourAccount).toBe(false);
  });

  it('keeps members and anonymous callers out of the portal routes', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/portal/feature-requests' }), 401);
    expectError(await t.app.inject({ method: 'GET', url: '/api/portal/notices' }), 401);
  });
});
