import type nodemailer from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { deliverOutbox } from '../../platform/index.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/helpers/smtp-sink.js';
import { createAccountViaService, createContactViaService, expectError, unique } from '../../../../test/factories/index.js';
import type { CollateralItemDetail, CollateralSend } from '../contract/collateral.js';
import { insertOpportunity } from '../opportunities/test-opportunities.js';
import { createCollateral } from './collateral-service.js';
import { pdfBytes } from './test-files.js';

const FROM = 'Outpost <presales@outpost.local>';

describe.each(testDialects())('collateral sends: e-mail and delete on %s', (dialect) => {
  let t: TestApp;
  let se: SignedIn;
  let stakeholder: SignedIn;
  let sink: SmtpSink;
  let transport: nodemailer.Transporter;
  let accountId: string;
  let contacts: { id: string; email: string }[];
  let dealId: string;
  let otherDealId: string;
  const db = () => t.db.kysely;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    sink = await startSmtpSink();
    transport = sink.transport();
    se = await signInAs(t, ['sales_engineer']);
    stakeholder = await signInAs(t, ['stakeholder']);
    const n = unique();
    accountId = (await createAccountViaService(t.db, { name: `Osprey ${n}`, domains: [`osprey-${n}.test`] })).id;
    const otherAccount = (await createAccountViaService(t.db, { name: `Wren ${n}`, domains: [`wren-${n}.test`] })).id;
    contacts = [];
    for (const [name, local] of [
      ['Ada Reyes', 'ada'],
      ['Ben Ito', 'ben'],
    ] as const) {
      const email = `${local}@osprey-${n}.test`;
      contacts.push({ id: (await createContactViaService(t.db, accountId, { name, email })).id, email });
    }
    dealId = await insertOpportunity(db(), accountId, { name: 'Osprey — Fleet analytics' });
    otherDealId = await insertOpportunity(db(), otherAccount, { name: 'Wren — Security' });
  });
  afterAll(async () => {
    await sink.close();
    await t.close();
  });
  beforeEach(() => {
    sink.messages.length = 0;
  });

  const newItem = async (title: string, content?: Buffer) =>
    createCollateral(
      db(),
      { actorType: 'member', actorId: se.memberId, memberId: se.memberId, ip: null },
      { title, kind: 'whitepaper', productArea: null, tags: [], industries: [], segments: [], description: '', note: null } as Parameters<
        typeof createCollateral
      >[2],
      { filename: `${title}.pdf`, content: content ?? (await pdfBytes(title)) },
      30 * 1024 * 1024,
    );
  const send = (oppId: string, body: Record<string, unknown>, who: SignedIn = se) =>
    who.request({ method: 'POST', url: `/api/opportunities/${oppId}/collateral-sends`, payload: body });
  const deliver = () => deliverOutbox(db(), transport, new Date(Date.now() + 1000), { from: FROM });
  const detail = async (id: string) => (await se.request({ method: 'GET', url: `/api/collateral/${id}` })).json() as CollateralItemDetail;
  const dealSends = async (oppId = dealId) =>
    ((await se.request({ method: 'GET', url: `/api/opportunities/${oppId}/collateral-sends` })).json() as { items: CollateralSend[] })
      .items;

  it('e-mails the version’s file to the contacts, and the send shows the mail went', async () => {
    const bytes = await pdfBytes('Fleet analytics whitepaper', ['Chapter one']);
    const item = await newItem(`Fleet analytics whitepaper ${unique()}`, bytes);
    const version = item.versions[0]!;
    const res = await send(dealId, { versionId: version.id, contactIds: contacts.map((c) => c.id), note: 'As promised on the call.' });
    expect(res.statusCode, res.body).toBe(201);
    const sent = res.json() as CollateralSend;
    expect(sent.email).toEqual({ status: 'queued', sentAt: null, lastError: null });

    expect(await deliver()).toMatchObject({ sent: 1, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.subject).toBe(item.title);
    expect([mail.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual(contacts.map((c) => c.email));
    expect(mail.replyTo?.value[0]?.address).toBe(se.email);
    expect(mail.text).toContain('Hello Ada, Ben,');
    expect(mail.text).toContain('As promised on the call.');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: version.filename, contentType: 'application/pdf' });
    expect(Buffer.compare(mail.attachments[0]!.content, bytes)).toBe(0);

    const listed = (await dealSends()).find((s) => s.id === sent.id)!;
    expect(listed.email).toMatchObject({ status: 'sent', lastError: null });
    expect(listed.email!.sentAt).not.toBeNull();
  });

  it('records a send without contacts without mailing anyone, and refuses a file over the mail limit, writing nothing', async () => {
    const item = await newItem(`Record only ${unique()}`);
    const res = await send(dealId, { versionId: item.versions[0]!.id });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as CollateralSend).email).toBeNull();
    expect(await deliver()).toMatchObject({ sent: 0 });

    const big = await newItem(
      `Big deck ${unique()}`,
      await pdfBytes(
        'Big deck',
        Array.from({ length: 400 }, (_, i) => `Slide ${i}`),
      ),
    );
    process.env.OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES = String(big.versions[0]!.sizeBytes - 1);
    try {
      const mails = (await db().selectFrom('outbox_emails').select('id').execute()).length;
      const refused = expectError(
        await send(dealId, { versionId: big.versions[0]!.id, contactIds: [contacts[0]!.id] }),
        413,
        'collateral.too_large_to_email',
      );
      expect(refused.message).toContain('MiB');
      expect((await detail(big.id)).sendCount).toBe(0);
      expect((await db().selectFrom('outbox_emails').select('id').execute()).length).toBe(mails);
      // Recording it without contacts still works.
      expect((await send(dealId, { versionId: big.versions[0]!.id })).statusCode).toBe(201);
    } finally {
      delete process.env.OUTPOST_MAX_EMAIL_ATTACHMENT_BYTES;
    }
  });

  it('deletes a send under its own opportunity, audited, with the item’s counts following', async () => {
    const item = await newItem(`Deletable ${unique()}`);
    const versionId = item.versions[0]!.id;
    const first = (await send(dealId, { versionId })).json() as CollateralSend;
    await new Promise((r) => setTimeout(r, 5));
    const second = (await send(dealId, { versionId, contactIds: [contacts[0]!.id] })).json() as CollateralSend;
    expect((await detail(item.id)).sendCount).toBe(2);

    // Another deal's path, a stakeholder, an unknown send: nothing changes.
    expectError(
      await se.request({ method: 'DELETE', url: `/api/opportunities/${otherDealId}/collateral-sends/${second.id}` }),
      404,
      'collateral.send_not_found',
    );
    expectError(
      await stakeholder.request({ method: 'DELETE', url: `/api/opportunities/${dealId}/collateral-sends/${second.id}` }),
      403,
      'auth.forbidden',
    );
    expectError(
      await se.request({ method: 'DELETE', url: `/api/opportunities/${dealId}/collateral-sends/no-such-send` }),
      404,
      'collateral.send_not_found',
    );
    expect((await detail(item.id)).sendCount).toBe(2);

    const res = await se.request({ method: 'DELETE', url: `/api/opportunities/${dealId}/collateral-sends/${second.id}` });
    expect(res.statusCode, res.body).toBe(204);
    const after = await detail(item.id);
    expect(after.sendCount).toBe(1);
    expect(after.lastSentAt).toBe(first.sentAt);
    expect(after.versions[0]!.sendCount).toBe(1);
    expect((await dealSends()).map((s) => s.id)).not.toContain(second.id);
    // The e-mail it logged stays on the account's timeline.
    const timeline = (await se.request({ method: 'GET', url: `/api/accounts/${accountId}/interactions` })).json() as {
      items: { id: string }[];
    };
    expect(timeline.items.map((i) => i.id)).toContain(second.interactionId);
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('record_id', '=', item.id)
      .where('action', '=', 'collateral.send_deleted')
      .execute();
    expect(audit).toEqual([{ action: 'collateral.send_deleted', actor_id: se.memberId }]);

    expect((await se.request({ method: 'DELETE', url: `/api/opportunities/${dealId}/collateral-sends/${first.id}` })).statusCode).toBe(204);
    expect(await detail(item.id)).toMatchObject({ sendCount: 0, lastSentAt: null });
  });
});
