import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { createAccountViaService, createContactViaService } from '../../../../../test/factories/index.js';
import { numericIdOf } from '../numeric-ids.js';

/**
 * Every write route of /api/v2 tickets and tags refuses malformed JSON, a body that is not
 * Zendesk's envelope, unknown fields, wrong types, NUL bytes and huge bodies — in Zendesk's error
 * shape — and writes nothing (no ticket, message, tag, job or audit entry). The shared bad-input
 * suite checks Outpost's own error shape, so /api/v2 routes are checked here instead.
 */
interface Ids {
  ticket: number;
  requester: number;
}
interface Case {
  method: InjectOptions['method'];
  url: (ids: Ids) => string;
  valid: (ids: Ids) => Record<string, unknown>;
  wrongType: { body: Record<string, unknown>; field: string };
  nul: (ids: Ids) => Record<string, unknown>;
}

const newTicket = (ids: Ids, subject = 'Printer') => ({ subject, comment: { body: 'It smokes' }, requester_id: ids.requester });

const CASES: Record<string, Case> = {
  'POST /tickets': {
    method: 'POST',
    url: () => '/api/v2/tickets.json',
    valid: (ids) => ({ ticket: newTicket(ids) }),
    wrongType: { body: { ticket: { subject: 'X', comment: { body: 'Y' }, requester_id: 'bill' } }, field: 'requester_id' },
    nul: (ids) => ({ ticket: newTicket(ids, 'Bad\u0000subject') }),
  },
  'POST /tickets/create_many': {
    method: 'POST',
    url: () => '/api/v2/tickets/create_many.json',
    valid: (ids) => ({ tickets: [newTicket(ids)] }),
    wrongType: { body: { tickets: [{ subject: 'X', comment: { body: 'Y' }, priority: 5 }] }, field: 'priority' },
    nul: (ids) => ({ tickets: [newTicket(ids, 'Bad\u0000subject')] }),
  },
  'PUT /tickets/:id': {
    method: 'PUT',
    url: (ids) => `/api/v2/tickets/${ids.ticket}.json`,
    valid: () => ({ ticket: { status: 'pending' } }),
    wrongType: { body: { ticket: { tags: 'urgent' } }, field: 'tags' },
    nul: () => ({ ticket: { comment: { body: 'Bad\u0000reply' } } }),
  },
  'PUT /tickets/update_many': {
    method: 'PUT',
    url: (ids) => `/api/v2/tickets/update_many.json?ids=${ids.ticket}`,
    valid: () => ({ ticket: { status: 'pending' } }),
    wrongType: { body: { ticket: { status: 'sleeping' } }, field: 'status' },
    nul: () => ({ ticket: { subject: 'Bad\u0000subject' } }),
  },
  'POST /tickets/:id/tags': {
    method: 'POST',
    url: (ids) => `/api/v2/tickets/${ids.ticket}/tags.json`,
    valid: () => ({ tags: ['important'] }),
    wrongType: { body: { tags: [1, 2] }, field: 'tags' },
    nul: () => ({ tags: ['bad\u0000tag'] }),
  },
  'PUT /tickets/:id/tags': {
    method: 'PUT',
    url: (ids) => `/api/v2/tickets/${ids.ticket}/tags.json`,
    valid: () => ({ tags: ['important'] }),
    wrongType: { body: { tags: 'important' }, field: 'tags' },
    nul: () => ({ tags: ['bad\u0000tag'] }),
  },
  'DELETE /tickets/:id/tags': {
    method: 'DELETE',
    url: (ids) => `/api/v2/tickets/${ids.ticket}/tags.json`,
    valid: () => ({ tags: ['important'] }),
    wrongType: { body: { tags: { name: 'important' } }, field: 'tags' },
    nul: () => ({ tags: ['bad\u0000tag'] }),
  },
};

describe.each(testDialects())('bad input to /api/v2 ticket write routes on %s', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let ids: Ids;

  const counts = async () => {
    const db = t.db.kysely;
    const n = async (table: 'audit_log' | 'tickets' | 'ticket_messages' | 'ticket_tags' | 'zendesk_job_statuses' | 'contacts') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const ticket = await agent.get(`/api/v2/tickets/${ids.ticket}.json`);
    return {
      audit: await n('audit_log'),
      tickets: await n('tickets'),
      messages: await n('ticket_messages'),
      tags: await n('ticket_tags'),
      jobs: await n('zendesk_job_statuses'),
      contacts: await n('contacts'),
      status: ticket.json().ticket.status as string,
    };
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier1']);
    const account = await createAccountViaService(t.db, { name: 'Initech', domains: ['initech.com'] });
    const contact = await createContactViaService(t.db, account.id, { email: 'bill@initech.com', name: 'Bill' });
    const requester = await numericIdOf(t.db.kysely, 'user', contact.id);
    const ticket = await agent.post('/api/v2/tickets.json', {
      ticket: { subject: 'Fixture', comment: { body: 'A case' }, requester_id: requester },
    });
    ids = { requester, ticket: ticket.json().ticket.id };
  });
  afterAll(async () => t.close());

  it.each(Object.keys(CASES))('%s refuses bad bodies in Zendesk’s shape and writes nothing', async (route) => {
    const spec = CASES[route]!;
    const url = spec.url(ids);
    const json = { 'content-type': 'application/json' };
    const before = await counts();

    const malformed = await agent.request({ method: spec.method, url, headers: json, payload: '{"ticket": {"subject": "A",' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toBe('InvalidJSON');

    const notEnvelope = await agent.request({ method: spec.method, url, headers: json, payload: '[1, 2, 3]' });
    expect(notEnvelope.statusCode).toBe(422);
    expect(notEnvelope.json().error).toBe('RecordInvalid');

    const unknownTop = await agent.request({ method: spec.method, url, payload: { ...spec.valid(ids), surpriseField: 1 } });
    expect(unknownTop.statusCode, unknownTop.body).toBe(422);
    expect(unknownTop.json().description).toBe('Record validation errors');

    const wrongType = await agent.request({ method: spec.method, url, payload: spec.wrongType.body });
    expect(wrongType.statusCode, wrongType.body).toBe(422);
    expect(wrongType.json().details).toHaveProperty(spec.wrongType.field);

    const nul = await agent.request({ method: spec.method, url, payload: spec.nul(ids) });
    expect(nul.statusCode, nul.body).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    expect(typeof nul.json().error).toBe('string');

    const huge = await agent.request({
      method: spec.method,
      url,
      headers: json,
      payload: JSON.stringify({ ticket: { subject: 'x'.repeat(1024 * 1024 + 10) } }),
    });
    expect(huge.statusCode).toBe(413);
    expect(typeof huge.json().error).toBe('string');

    expect(await counts()).toEqual(before);
  });

  it('refuses more than 100 tickets in one bulk request, and a list of ids that are not numbers, writing nothing', async () => {
    const before = await counts();
    const tooMany = await agent.post('/api/v2/tickets/create_many.json', { tickets: Array.from({ length: 101 }, () => newTicket(ids)) });
    expect(tooMany.statusCode).toBe(422);
    // The envelope key itself is the field: Zendesk's error shape names it `base`.
    expect(tooMany.json()).toMatchObject({
      error: 'RecordInvalid',
      details: { base: [expect.objectContaining({ description: expect.stringContaining('100') })] },
    });
    const badIds = await agent.put('/api/v2/tickets/update_many.json?ids=1,abc', { ticket: { status: 'open' } });
    expect(badIds.statusCode).toBe(400);
    expect(badIds.json().error).toBe('InvalidValue');
    const tooManyIds = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect((await agent.delete(`/api/v2/tickets/destroy_many.json?ids=${tooManyIds}`)).statusCode).toBeGreaterThanOrEqual(400);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 RecordNotFound for an unknown ticket on every write, writing nothing', async () => {
    const before = await counts();
    const missing = { ...ids, ticket: 9_999_999 };
    for (const spec of Object.values(CASES).filter((c) => c.url(missing).includes('9999999') && !c.url(missing).includes('update_many'))) {
      const res = await agent.request({ method: spec.method, url: spec.url(missing), payload: spec.valid(missing) });
      expect(res.statusCode, spec.url(missing)).toBe(404);
      expect(res.json().error).toBe('RecordNotFound');
    }
    expect((await agent.delete('/api/v2/tickets/9999999.json')).statusCode).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('answers a write without credentials 401 in Zendesk’s shape, writing nothing', async () => {
    const before = await counts();
    for (const spec of Object.values(CASES)) {
      const res = await t.app.inject({ method: spec.method, url: spec.url(ids), payload: spec.valid(ids) });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual(expect.objectContaining({ error: "Couldn't authenticate you" }));
    }
    expect(await counts()).toEqual(before);
  });
});
