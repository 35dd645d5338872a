import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { setAccountTeam } from '../../accounts/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { createAccountViaService, createContactViaService } from '../../../../test/factories/index.js';
import { closeTheLoop } from './close-the-loop.js';
import { composeContactMail, composeTeamMessage } from './loop-mail.js';
import { insertItem, insertRequest, shipRequest } from './test-feedback-rows.js';

describe('close-the-loop wording', () => {
  it('names the release and how to stop updates in the contact’s mail, and the told contacts in the team’s', () => {
    const request = { id: 'r1', title: 'SAML single sign-on', targetRelease: '4.2' };
    const mail = composeContactMail(request, 'Alice', 'https://outpost.test/portal/updates');
    expect(mail.subject).toBe('Shipped: SAML single sign-on');
    expect(mail.text).toContain('shipped in release 4.2');
    expect(mail.text).toContain('switch them off at https://outpost.test/portal/updates');
    const team = composeTeamMessage(request, [
      { name: 'Acme', contactsTold: 2 },
      { name: 'Globex', contactsTold: 1 },
    ]);
    expect(team.body).toContain('Acme (2 contacts told), Globex (1 contact told)');
  });
});

describe.each(testDialects())('closing the loop on %s', (dialect) => {
  let t: TestApp;
  let tam: SignedIn;
  let csm: SignedIn;
  let acme: string;
  let globex: string;
  const c: Record<'alice' | 'bob' | 'carol' | 'dave' | 'erin', { id: string; email: string }> = {} as never;

  const db = () => t.db.kysely;
  const mailsTo = async (email: string) =>
    (await db().selectFrom('outbox_emails').select(['to_addresses', 'subject', 'text_body']).execute()).filter((m) =>
      (JSON.parse(m.to_addresses) as string[]).includes(email),
    );
  const notices = async (requestId: string) =>
    db().selectFrom('feedback_notices').selectAll().where('request_id', '=', requestId).orderBy('contact_id').execute();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    tam = await signInAs(t, ['technical_account_manager']);
    csm = await signInAs(t, ['customer_success']);
    acme = (await createAccountViaService(t.db, { name: 'Acme' })).id;
    globex = (await createAccountViaService(t.db, { name: 'Globex' })).id;
    for (const [name, account] of [
      ['alice', acme],
      ['bob', acme],
      ['carol', globex],
      ['dave', globex],
      ['erin', globex],
    ] as const) {
      const contact = await createContactViaService(t.db, account, { name: name[0]!.toUpperCase() + name.slice(1) });
      c[name] = { id: contact.id, email: contact.email };
    }
    // The same member on both accounts' teams is told once.
    await setAccountTeam(db(), SYSTEM_CONTEXT, acme, [{ role: 'technical_account_manager', memberId: tam.memberId }]);
    await setAccountTeam(db(), SYSTEM_CONTEXT, globex, [
      { role: 'technical_account_manager', memberId: tam.memberId },
      { role: 'customer_success', memberId: csm.memberId },
    ]);
    // Dave switched product updates off; Erin's address was removed.
    await db().insertInto('feedback_opt_outs').values({ contact_id: c.dave.id, opted_out_at: new Date().toISOString() }).execute();
    await db().updateTable('contacts').set({ email: '' }).where('id', '=', c.erin.id).execute();
  });
  afterAll(async () => t.close());

  it('tells each linked contact once across merged requests, skips the opted-out and address-less, and marks their items told', async () => {
    const survivor = await insertRequest(db(), { title: 'Audit log export', targetRelease: '5.1' });
    const merged = await insertRequest(db(), { title: 'Export the audit log as CSV', mergedIntoId: survivor });
    const aliceItems = [
      await insertItem(db(), { requestId: survivor, accountId: acme, contactId: c.alice.id, impact: 'blocker' }),
      await insertItem(db(), { requestId: survivor, accountId: acme, contactId: c.alice.id }),
    ];
    // An item that did not move on merge still counts; Alice asked through both requests.
    await insertItem(db(), { requestId: merged, accountId: acme, contactId: c.bob.id });
    await insertItem(db(), { requestId: merged, accountId: acme, contactId: c.alice.id });
    await insertItem(db(), { requestId: survivor, accountId: globex, contactId: c.carol.id });
    const daveItem = await insertItem(db(), { requestId: survivor, accountId: globex, contactId: c.dave.id });
    await insertItem(db(), { requestId: survivor, accountId: globex, contactId: c.erin.id });
    await insertItem(db(), { requestId: survivor, accountId: globex, contactId: null });

    let result: unknown;
    await shipRequest(db(), survivor, async (trx) => (result = await closeTheLoop(trx, SYSTEM_CONTEXT, survivor)));
    expect(result).toEqual({ contactsTold: 3, membersTold: 2 });

    const written = await notices(survivor);
    expect(written.map((n) => n.contact_id).sort()).toEqual([c.alice.id, c.bob.id, c.carol.id].sort());
    expect(written.every((n) => n.kind === 'shipped' && n.title === 'Shipped: Audit log export' && n.outbox_email_id)).toBe(true);
    expect(await notices(merged)).toEqual([]);
    for (const who of [c.alice, c.bob, c.carol]) {
      const mails = await mailsTo(who.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text_body).toContain('shipped in release 5.1');
      expect(mails[0]!.text_body).toContain('/portal/updates');
    }
    expect(await mailsTo(c.dave.email)).toEqual([]);

    const items = await db().selectFrom('feedback_items').select(['id', 'customer_told_at']).execute();
    const told = new Map(items.map((i) => [i.id, i.customer_told_at]));
    expect(aliceItems.every((id) => told.get(id))).toBe(true);
    expect(told.get(daveItem)).toBeNull();

    // The account team: in the app and by e-mail, the shared member once.
    const tamMails = await mailsTo(tam.email);
    expect(tamMails).toHaveLength(1);
    expect(tamMails[0]!.text_body).toMatch(/Acme \(2 contacts told\), Globex \(1 contact told\)/);
    expect(await mailsTo(csm.email)).toHaveLength(1);
    const bell = await tam.request({ method: 'GET', url: '/api/notifications' });
    expect(bell.json()).toMatchObject({
      unreadCount: 1,
      items: [
        { kind: 'feedback.request_shipped', title: 'Shipped: Audit log export', link: `/feedback/requests/${survivor}`, readAt: null },
      ],
    });
    const audit = await db().selectFrom('audit_log').select('action').where('record_id', '=', survivor).execute();
    expect(audit.map((a) => a.action)).toEqual(['feature_request.customers_told']);
  });

  it('tells nobody twice: again on the same request, through a merged id, or after a merge into a shipped request', async () => {
    const request = await insertRequest(db(), { title: 'Webhooks for invoices' });
    await insertItem(db(), { requestId: request, accountId: acme, contactId: c.alice.id });
    await shipRequest(db(), request, (trx) => closeTheLoop(trx, SYSTEM_CONTEXT, request));
    const outbox = async () => (await db().selectFrom('outbox_emails').select('id').execute()).length;
    const before = await outbox();

    expect(await closeTheLoop(db(), SYSTEM_CONTEXT, request)).toEqual({ contactsTold: 0, membersTold: 0 });
    expect(await outbox()).toBe(before);

    // The shipped request is merged into a new one (its items move); Bob asks through the new one.
    const successor = await insertRequest(db(), { title: 'Invoice events' });
    await db().updateTable('feature_requests').set({ merged_into_id: successor }).where('id', '=', request).execute();
    await db().updateTable('feedback_items').set({ request_id: successor }).where('request_id', '=', request).execute();
    await insertItem(db(), { requestId: successor, accountId: acme, contactId: c.bob.id });
    let result: unknown;
    await shipRequest(db(), successor, async (trx) => (result = await closeTheLoop(trx, SYSTEM_CONTEXT, request)));
    // Called with the merged id, it works on the survivor; Alice already holds a notice of the family.
    expect(result).toEqual({ contactsTold: 1, membersTold: 1 });
    expect((await notices(successor)).map((n) => n.contact_id)).toEqual([c.bob.id]);
    expect(await outbox()).toBe(before + 2);
  });

  it('tells nobody about a request without feedback', async () => {
    const lonely = await insertRequest(db());
    expect(await closeTheLoop(db(), SYSTEM_CONTEXT, lonely)).toEqual({ contactsTold: 0, membersTold: 0 });
  });
});
