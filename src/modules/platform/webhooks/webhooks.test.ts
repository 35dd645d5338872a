import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { deliverDueWebhooks, fanOutEvents, PAUSE_AFTER_FAILURES, retryDelayMs } from './webhook-dispatcher.js';
import { verifySignature } from './webhook-signature.js';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A receiver on loopback that answers with the next status in `statuses` (then 200). */
async function receiver(statuses: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe.each(testDialects())('webhooks on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let contactId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Hooli', domains: ['hooli.com'], segment: 'enterprise' },
    });
    const contact = await admin.request({
      method: 'POST',
      url: `/api/accounts/${account.json().id}/contacts`,
      payload: { name: 'Gavin', email: 'gavin@hooli.com' },
    });
    contactId = contact.json().id;
  });
  afterAll(async () => t.close());

  async function subscribe(url: string, eventTypes: string[]) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/webhooks',
      payload: { name: `Receiver ${Math.random()}`, url, eventTypes },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { webhook: { id: string }; secret: string };
  }

  it('delivers a signed event after two failures and backoff, and logs all three attempts', async () => {
    const hook = await receiver([500, 503]);
    const { webhook, secret } = await subscribe(hook.url, ['ticket.created']);
    expect(secret).toMatch(/^whsec_/);
    const listed = (await admin.request({ method: 'GET', url: '/api/webhooks' })).json();
    expect(JSON.stringify(listed)).not.toContain(secret);

    const ticket = await admin.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Webhook me', description: 'Body', requesterId: contactId },
    });
    expect(ticket.statusCode).toBe(201);
    const start = new Date();
    await fanOutEvents(t.db.kysely, start);

    const first = await deliverDueWebhooks(t.db.kysely, t.app.secretBox, start);
    expect(first).toMatchObject({ attempted: 1, failed: 1 });
    // Not due again until the backoff has passed.
    expect((await deliverDueWebhooks(t.db.kysely, t.app.secretBox, new Date(start.getTime() + retryDelayMs(1) - 1000))).attempted).toBe(0);
    const second = await deliverDueWebhooks(t.db.kysely, t.app.secretBox, new Date(start.getTime() + retryDelayMs(1)));
    expect(second).toMatchObject({ attempted: 1, failed: 1 });
    const third = await deliverDueWebhooks(t.db.kysely, t.app.secretBox, new Date(start.getTime() + retryDelayMs(1) + retryDelayMs(2)));
    expect(third).toMatchObject({ attempted: 1, succeeded: 1 });

    expect(hook.received).toHaveLength(3);
    const accepted = hook.received[2]!;
    const event = JSON.parse(accepted.body);
    expect(event).toMatchObject({ type: 'ticket.created', record: { type: 'ticket', id: ticket.json().id } });
    const signedAt = Math.floor((start.getTime() + retryDelayMs(1) + retryDelayMs(2)) / 1000);
    expect(verifySignature(secret, String(accepted.headers['outpost-signature']), accepted.body, signedAt)).toBe(true);
    expect(verifySignature('whsec_wrong', String(accepted.headers['outpost-signature']), accepted.body, signedAt)).toBe(false);

    const log = (await admin.request({ method: 'GET', url: `/api/webhooks/${webhook.id}/deliveries` })).json().items;
    expect(log).toHaveLength(1);
    expect(log[0].status).toBe('succeeded');
    expect(log[0].attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 503, 200]);
    await hook.close();
  });

  it('redelivers on request, keeping the earlier attempts in the log', async () => {
    const hook = await receiver([]);
    // The test ping reaches the subscription it tests, even one not subscribed to pings.
    const { webhook } = await subscribe(hook.url, ['ticket.escalated']);
    expect((await admin.request({ method: 'POST', url: `/api/webhooks/${webhook.id}/ping` })).statusCode).toBe(202);
    const now = new Date();
    await fanOutEvents(t.db.kysely, now);
    await deliverDueWebhooks(t.db.kysely, t.app.secretBox, now);
    const [delivery] = (await admin.request({ method: 'GET', url: `/api/webhooks/${webhook.id}/deliveries` })).json().items;
    expect((await admin.request({ method: 'POST', url: `/api/webhook-deliveries/${delivery.id}/redeliver` })).statusCode).toBe(202);
    await deliverDueWebhooks(t.db.kysely, t.app.secretBox, new Date(now.getTime() + 1000));
    const [again] = (await admin.request({ method: 'GET', url: `/api/webhooks/${webhook.id}/deliveries` })).json().items;
    expect(again.attempts).toHaveLength(2);
    expect(hook.received).toHaveLength(2);
    await hook.close();
  });

  it('pauses a subscription that keeps failing, audits it, and resumes on request', async () => {
    const hook = await receiver(Array(50).fill(500));
    const { webhook } = await subscribe(hook.url, ['webhook.ping']);
    for (let i = 0; i < PAUSE_AFTER_FAILURES; i++) await admin.request({ method: 'POST', url: `/api/webhooks/${webhook.id}/ping` });
    const now = new Date();
    await fanOutEvents(t.db.kysely, now);
    await deliverDueWebhooks(t.db.kysely, t.app.secretBox, now);
    const paused = (await admin.request({ method: 'GET', url: `/api/webhooks/${webhook.id}` })).json();
    expect(paused.status).toBe('paused');
    expect(paused.pausedReason).toContain('HTTP 500');
    // The pass stopped sending as soon as the subscription was paused.
    expect(hook.received).toHaveLength(PAUSE_AFTER_FAILURES);
    const audit = (await admin.request({ method: 'GET', url: `/api/audit?recordId=${webhook.id}` })).json().items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('webhook.paused');
    // Paused: nothing more is sent.
    const sent = hook.received.length;
    expect((await deliverDueWebhooks(t.db.kysely, t.app.secretBox, new Date(now.getTime() + 3_600_000))).attempted).toBe(0);
    expect(hook.received.length).toBe(sent);
    const resumed = await admin.request({ method: 'PATCH', url: `/api/webhooks/${webhook.id}`, payload: { status: 'active' } });
    expect(resumed.json()).toMatchObject({ status: 'active', consecutiveFailures: 0 });
    await hook.close();
  });

  it('refuses URLs that are not http(s) and lets only admins manage webhooks', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: '/api/webhooks',
      payload: { name: 'x', url: 'ftp://example.com/x', eventTypes: ['ticket.created'] },
    });
    expect(bad.statusCode).toBe(400);
    const tam = await signInAs(t, ['technical_account_manager']);
    expect((await tam.request({ method: 'GET', url: '/api/webhooks' })).statusCode).toBe(403);
  });

  it('fans out an event whose transaction committed after a later id was already handled', async () => {
    const hook = await receiver([]);
    const { webhook } = await subscribe(hook.url, ['webhook.ping']);
    const event = (id: number) => ({
      id,
      type: 'webhook.ping',
      occurred_at: new Date().toISOString(),
      record_type: 'webhook_subscription',
      record_id: webhook.id,
      account_id: null,
      payload: '{}',
      fanned_out_at: null,
    });
    // Ids are taken at insert: a slow transaction can commit id 900 after id 901 was fanned out.
    await t.db.kysely.insertInto('events').values(event(900_001)).execute();
    await fanOutEvents(t.db.kysely);
    await t.db.kysely.insertInto('events').values(event(900_000)).execute();
    await fanOutEvents(t.db.kysely);
    const deliveries = await t.db.kysely
      .selectFrom('webhook_deliveries')
      .select('event_id')
      .where('subscription_id', '=', webhook.id)
      .execute();
    expect(deliveries.map((d) => Number(d.event_id)).sort()).toEqual([900_000, 900_001]);
    await hook.close();
  });
});
