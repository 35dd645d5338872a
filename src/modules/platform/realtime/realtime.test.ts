import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { openSse, type SseClient } from '../../../../test/scale-out/sse-client.js';
import { expectError } from '../../../../test/factories/index.js';
import type { LiveEvent } from './event-feed.js';

const ticketEvent = (type: string, ticketId?: string) => (m: { event: string; data: string }) => {
  if (m.event !== 'ticket') return false;
  const e = JSON.parse(m.data) as LiveEvent;
  return e.type === type && (!ticketId || e.record.id === ticketId);
};

describe.each(testDialects())('live ticket events on %s', (dialect) => {
  let t: TestApp;
  let agent: SignedIn;
  let base: string;
  let accountId: string;
  const clients: SseClient[] = [];
  const open = async (headers: Record<string, string>) => {
    const client = await openSse(`${base}/api/events/stream`, headers);
    clients.push(client);
    return client;
  };
  const createTicket = async (subject: string) => {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description: 'It broke', requesterEmail: `someone@${dialect}.live.test`, accountId },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; number: number };
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    agent = await signInAs(t, ['support_tier1']);
    const admin = await signInAs(t, ['admin']);
    const account = await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: `Live ${dialect}`, domains: [`${dialect}.live.test`], segment: 'smb' },
    });
    accountId = account.json().id;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await t.close();
  });

  it('pushes a ticket created, updated and replied to a signed-in agent, after the stream says ready', async () => {
    const stream = await open(agent.headers);
    expect(stream.status).toBe(200);
    await stream.waitFor((m) => m.event === 'ready');
    const ticket = await createTicket('Live: printer on fire');
    const created = JSON.parse((await stream.waitFor(ticketEvent('ticket.created', ticket.id))).data) as LiveEvent;
    expect(created).toMatchObject({
      type: 'ticket.created',
      record: { type: 'ticket', id: ticket.id },
      accountId,
      data: { ticketNumber: ticket.number },
    });

    await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { assigneeId: agent.memberId } });
    const updated = JSON.parse((await stream.waitFor(ticketEvent('ticket.updated', ticket.id))).data) as LiveEvent;
    expect(Object.keys(updated.data.changes as object)).toContain('assigneeId');

    await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/messages`, payload: { body: 'On it', visibility: 'public' } });
    await stream.waitFor(ticketEvent('ticket.replied', ticket.id));
  });

  it('replays what a reconnecting browser missed, from Last-Event-ID', async () => {
    const first = await open(agent.headers);
    await first.waitFor((m) => m.event === 'ready');
    const before = await createTicket('Live: before the drop');
    const seen = await first.waitFor(ticketEvent('ticket.created', before.id));
    first.close();
    const missed = await createTicket('Live: while away');
    const again = await open({ ...agent.headers, 'last-event-id': seen.id! });
    await again.waitFor(ticketEvent('ticket.created', missed.id));
    expect(again.messages.some(ticketEvent('ticket.created', before.id))).toBe(false);
  });

  it('refuses anonymous callers, tokens without tickets.read, and clients that do not ask for an event stream', async () => {
    const anonymous = await fetch(`${base}/api/events/stream`, { headers: { accept: 'text/event-stream' } });
    expect(anonymous.status).toBe(401);
    const admin = await signInAs(t, ['admin']);
    const token = await admin.request({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'accounts only', scopes: ['accounts.read'] },
    });
    const scoped = await fetch(`${base}/api/events/stream`, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${token.json().token}` },
    });
    expect(scoped.status).toBe(403);
    const plain = await agent.request({ method: 'GET', url: '/api/events/stream' });
    expectError(plain, 406, 'events.not_acceptable');
  });

  it('ends open streams when the server closes', async () => {
    const other = await startTestApp(dialect);
    try {
      const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
      const member = await signInAs(other, ['stakeholder']);
      const stream = await openSse(`${url}/api/events/stream`, member.headers);
      await stream.waitFor((m) => m.event === 'ready');
      await other.app.close();
      await stream.ended;
    } finally {
      await other.close().catch(() => undefined);
    }
  });
});
