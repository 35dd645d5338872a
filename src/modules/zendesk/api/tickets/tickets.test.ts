import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { SYSTEM_CONTEXT } from '../../../../kernel/actor.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import { createAccountViaService, createContactViaService } from '../../../../../test/factories/index.js';
import { createTicketField } from '../../../support/fields/ticket-field-service.js';
import { numericIdOf } from '../numeric-ids.js';
import {
  CREATE_MANY_REQUEST,
  CREATE_TICKET_NEW_REQUESTER_REQUEST,
  CREATE_TICKET_REQUEST,
  CREATE_TICKET_RESPONSE,
  INTERNAL_NOTE_REQUEST,
  LIST_COMMENTS_EXAMPLE,
  SHOW_JOB_STATUS_EXAMPLE,
  SHOW_TICKET_EXAMPLE,
  UPDATE_MANY_SAME_CHANGE,
  UPDATE_TICKET_REQUEST,
  UPDATE_TICKET_RESPONSE,
  keysOf,
  updateManyEachOwnChange,
} from './reference-examples.js';

interface Ticket {
  id: number;
  status: string;
  subject: string;
  tags: string[];
  requester_id: number;
  assignee_id: number | null;
  organization_id: number;
  custom_fields: { id: number; value: unknown }[];
  url: string;
}

describe.each(testDialects())('/api/v2 tickets on %s', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let requesterId: number;
  let organizationId: number;
  let fieldId: number;

  const create = async (extra: Record<string, unknown> = {}) => {
    const res = await agent.post('/api/v2/tickets.json', {
      ticket: { ...CREATE_TICKET_REQUEST.ticket, requester_id: requesterId, ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().ticket as Ticket;
  };

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier2']);
    const account = await createAccountViaService(t.db, { name: 'Example Corp', domains: ['example.com'] });
    const contact = await createContactViaService(t.db, account.id, { email: 'jane@example.com', name: 'Jane Customer' });
    requesterId = await numericIdOf(t.db.kysely, 'user', contact.id);
    organizationId = await numericIdOf(t.db.kysely, 'organization', account.id);
    const field = await createTicketField(t.db.kysely, SYSTEM_CONTEXT, {
      title: 'Plan',
      fieldType: 'dropdown',
      options: [
        { name: 'Gold', value: 'gold' },
        { name: 'Silver', value: 'silver' },
      ],
      active: true,
    });
    fieldId = await numericIdOf(t.db.kysely, 'ticket_field', field.id);
  });
  afterAll(async () => t.close());

  it('answers an anonymous caller 401 in Zendesk’s shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v2/tickets.json' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: "Couldn't authenticate you" });
  });

  it('creates the reference’s ticket (Create Ticket) with every key the reference’s ticket shows, and an audit', async () => {
    const res = await agent.post('/api/v2/tickets.json', { ticket: { ...CREATE_TICKET_REQUEST.ticket, requester_id: requesterId } });
    expect(res.statusCode, res.body).toBe(201);
    const { ticket, audit } = res.json();
    expect(ticket).toMatchObject(CREATE_TICKET_RESPONSE.ticket);
    expect(keysOf(ticket)).toEqual(expect.arrayContaining(keysOf(SHOW_TICKET_EXAMPLE.ticket)));
    expect(ticket).toMatchObject({ status: 'new', requester_id: requesterId, submitter_id: requesterId, organization_id: organizationId });
    expect(ticket.via.channel).toBe('api');
    expect(ticket.url).toMatch(new RegExp(`/api/v2/tickets/${ticket.id}\\.json$`));
    expect(ticket.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(audit.ticket_id).toBe(ticket.id);
    expect(audit.events[0]).toMatchObject({ type: 'Comment', body: 'The smoke is very colorful.', public: true });
    expect(audit.events).toContainEqual(expect.objectContaining({ type: 'Create', field_name: 'priority', value: 'urgent' }));

    const shown = await agent.get(`/api/v2/tickets/${ticket.id}.json`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().ticket).toEqual(ticket);
    // Without the suffix too, as some clients call.
    expect((await agent.get(`/api/v2/tickets/${ticket.id}`)).json().ticket.id).toBe(ticket.id);
  });

  it('creates a ticket for a new requester by e-mail, as a contact of the account owning the domain', async () => {
    const body = structuredClone(CREATE_TICKET_NEW_REQUESTER_REQUEST);
    body.ticket.requester.email = 'pablo@example.com';
    const res = await agent.post('/api/v2/tickets.json', body);
    expect(res.statusCode, res.body).toBe(201);
    const ticket = res.json().ticket as Ticket;
    expect(ticket).toMatchObject({ subject: 'Hello', organization_id: organizationId, priority: 'normal' });
    expect(ticket.requester_id).not.toBe(requesterId);
  });

  it('refuses a ticket without a requester with 422 RecordInvalid naming requester_id, and writes nothing', async () => {
    const before = (await agent.get('/api/v2/tickets.json')).json().count as number;
    const res = await agent.post('/api/v2/tickets.json', CREATE_TICKET_REQUEST);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      error: 'RecordInvalid',
      details: { requester_id: [expect.objectContaining({ description: expect.any(String) })] },
    });
    expect((await agent.get('/api/v2/tickets.json')).json().count).toBe(before);
  });

  it('answers 404 RecordNotFound for a ticket that does not exist, and 400 for an id that is not a number', async () => {
    const missing = await agent.get('/api/v2/tickets/999999.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'RecordNotFound', description: 'Not found' });
    expect((await agent.get('/api/v2/tickets/abc.json')).statusCode).toBe(400);
  });

  it('takes type, tags, custom fields, hold status and an assignee on create, and shows them back', async () => {
    const me = await numericIdOf(t.db.kysely, 'user', agent.memberId);
    const ticket = await create({
      type: 'incident',
      tags: ['vip', 'printer'],
      custom_fields: [{ id: fieldId, value: 'gold' }],
      status: 'hold',
      assignee_id: me,
    });
    expect(ticket).toMatchObject({ type: 'incident', tags: ['printer', 'vip'], status: 'hold', assignee_id: me });
    expect(ticket.custom_fields).toEqual([{ id: fieldId, value: 'gold' }]);
    const bad = await agent.post('/api/v2/tickets.json', {
      ticket: { ...CREATE_TICKET_REQUEST.ticket, requester_id: requesterId, custom_fields: [{ id: fieldId, value: 'platinum' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toBe('RecordInvalid');
  });

  it('updates with the reference’s comment and solves (Update Ticket); the audit lists the comment and the change', async () => {
    const ticket = await create();
    const res = await agent.put(`/api/v2/tickets/${ticket.id}.json`, UPDATE_TICKET_REQUEST);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ticket).toMatchObject(UPDATE_TICKET_RESPONSE.ticket);
    for (const event of UPDATE_TICKET_RESPONSE.audit.events) expect(res.json().audit.events).toContainEqual(expect.objectContaining(event));
  });

  it('adds an internal note; comments list the conversation in order, notes as public: false (List Comments)', async () => {
    const ticket = await create();
    expect((await agent.put(`/api/v2/tickets/${ticket.id}.json`, INTERNAL_NOTE_REQUEST)).statusCode).toBe(200);
    expect(
      (await agent.put(`/api/v2/tickets/${ticket.id}.json`, { ticket: { comment: { html_body: '<p>We are <b>on it</b>.</p>' } } }))
        .statusCode,
    ).toBe(200);
    const res = await agent.get(`/api/v2/tickets/${ticket.id}/comments.json`);
    expect(res.statusCode).toBe(200);
    const comments = res.json().comments as { body: string; public: boolean; author_id: number; id: number }[];
    expect(comments.map((c) => [c.body, c.public])).toEqual([
      ['The smoke is very colorful.', true],
      ['Customer is on the Enterprise plan.', false],
      ['We are on it.', true],
    ]);
    const expectedKeys = keysOf(LIST_COMMENTS_EXAMPLE.comments[0]!);
    for (const c of comments) expect(keysOf(c)).toEqual(expect.arrayContaining(expectedKeys));
    expect(comments[0]!.author_id).toBe(requesterId);
    expect(comments[1]!.author_id).toBe(await numericIdOf(t.db.kysely, 'user', agent.memberId));
    expect(res.json().count).toBe(3);
    // The note did not reach the customer: the ticket is still the agent's to answer.
    const paged = await agent.get(`/api/v2/tickets/${ticket.id}/comments.json?page[size]=2`);
    expect(paged.json().comments).toHaveLength(2);
    expect(paged.json().meta.has_more).toBe(true);
    const next = await agent.get(paged.json().links.next.replace(/^https?:\/\/[^/]+/, ''));
    expect(next.json().comments.map((c: { id: number }) => c.id)).toEqual([comments[2]!.id]);
  });

  it('sets, adds and removes tags (Tags), and GET /tags counts them', async () => {
    const ticket = await create();
    const set = await agent.post(`/api/v2/tickets/${ticket.id}/tags.json`, { tags: ['important'] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ tags: ['important'] });
    expect((await agent.put(`/api/v2/tickets/${ticket.id}/tags.json`, { tags: ['customer'] })).json()).toEqual({
      tags: ['customer', 'important'],
    });
    const removed = await agent.request({
      method: 'DELETE',
      url: `/api/v2/tickets/${ticket.id}/tags.json`,
      payload: { tags: ['customer'] },
    });
    expect(removed.json()).toEqual({ tags: ['important'] });
    expect((await agent.get(`/api/v2/tickets/${ticket.id}/tags.json`)).json()).toEqual({ tags: ['important'] });
    const update = await agent.put(`/api/v2/tickets/${ticket.id}.json`, {
      ticket: { additional_tags: ['escalated'], remove_tags: ['important'] },
    });
    expect(update.json().ticket.tags).toEqual(['escalated']);
    const all = await agent.get('/api/v2/tags.json');
    expect(all.statusCode).toBe(200);
    expect(all.json().tags).toContainEqual({ name: 'escalated', count: 1 });
    expect(typeof all.json().count).toBe('number');
  });

  it('updates many tickets with one change (?ids=) and with a change each, answering job statuses it keeps (Update Many, Job Statuses)', async () => {
    const [a, b] = [await create(), await create()];
    const same = await agent.put(`/api/v2/tickets/update_many.json?ids=${a.id},${b.id}`, UPDATE_MANY_SAME_CHANGE);
    expect(same.statusCode, same.body).toBe(200);
    const job = same.json().job_status;
    expect(keysOf(job)).toEqual(expect.arrayContaining(keysOf(SHOW_JOB_STATUS_EXAMPLE.job_status)));
    expect(job).toMatchObject({ status: 'completed', total: 2, progress: 2 });
    expect(job.results).toEqual([
      { id: a.id, index: 0, action: 'update', success: true, status: 'Updated' },
      { id: b.id, index: 1, action: 'update', success: true, status: 'Updated' },
    ]);
    expect((await agent.get(`/api/v2/tickets/${a.id}.json`)).json().ticket.status).toBe('solved');

    const shown = await agent.get(`/api/v2/job_statuses/${job.id}.json`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().job_status).toEqual(job);

    const each = await agent.put('/api/v2/tickets/update_many.json', updateManyEachOwnChange(a.id, 999_999));
    const results = each.json().job_status.results;
    expect(results[0]).toMatchObject({ id: a.id, success: true });
    expect(results[1]).toMatchObject({ id: 999_999, index: 1, error: 'TicketNotFound' });
    const many = await agent.get(`/api/v2/job_statuses/show_many.json?ids=${job.id},${each.json().job_status.id}`);
    expect(many.json().job_statuses.map((j: { id: string }) => j.id)).toEqual([job.id, each.json().job_status.id]);
    // Another member does not see this member's jobs.
    const other = await zendeskClient(t, ['support_tier1']);
    expect((await other.get(`/api/v2/job_statuses/${job.id}.json`)).statusCode).toBe(404);
  });

  it('creates many tickets in one job (Create Many); an item that fails is reported and the rest are created', async () => {
    const tickets = CREATE_MANY_REQUEST.tickets.map((ticket) => ({ ...ticket, requester_id: requesterId }));
    const res = await agent.post('/api/v2/tickets/create_many.json', { tickets: [...tickets, { comment: { body: 'No one asked' } }] });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().job_status.results as { id?: number; index: number; success?: boolean; error?: string }[];
    expect(results.slice(0, 2).every((r) => r.success)).toBe(true);
    expect(results[2]).toMatchObject({ index: 2, error: 'RecordInvalid' });
    const shown = await agent.get(`/api/v2/tickets/show_many.json?ids=${results[0]!.id},${results[1]!.id}`);
    expect(shown.json().tickets.map((x: Ticket) => x.subject)).toEqual(['My printer is on fire!', 'Help']);
  });

  it('deletes a ticket (audited) and many tickets in a job; they answer 404 afterwards', async () => {
    const [a, b, c] = [await create(), await create(), await create()];
    const res = await agent.delete(`/api/v2/tickets/${a.id}.json`);
    expect(res.statusCode).toBe(204);
    expect((await agent.get(`/api/v2/tickets/${a.id}.json`)).statusCode).toBe(404);
    expect((await agent.get(`/api/v2/tickets/${a.id}/comments.json`)).statusCode).toBe(404);
    const audit = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'ticket.deleted').execute();
    expect(audit.some((row) => JSON.parse(row.changes ?? '{}').number?.[0] === a.id)).toBe(true);

    const job = await agent.delete(`/api/v2/tickets/destroy_many.json?ids=${b.id},${c.id}`);
    expect(job.statusCode).toBe(200);
    expect(job.json().job_status.results.map((r: { status: string }) => r.status)).toEqual(['Deleted', 'Deleted']);
    expect((await agent.get(`/api/v2/tickets/show_many.json?ids=${b.id},${c.id}`)).json().tickets).toEqual([]);
  });

  it('lists tickets by offset (page, per_page, sort_by, sort_order) and by cursor (page[size], links.next)', async () => {
    const first = await agent.get('/api/v2/tickets.json?per_page=2');
    expect(first.statusCode).toBe(200);
    const count = first.json().count as number;
    expect(first.json().tickets).toHaveLength(2);
    expect(first.json().next_page).toContain('page=2');
    const desc = await agent.get('/api/v2/tickets.json?sort_by=id&sort_order=desc&per_page=100');
    const ids = desc.json().tickets.map((x: Ticket) => x.id);
    expect(ids).toEqual([...ids].sort((x: number, y: number) => y - x));
    expect(ids).toHaveLength(count);

    const seen: number[] = [];
    let url: string | null = '/api/v2/tickets.json?page[size]=3';
    while (url) {
      const page = await agent.get(url);
      expect(page.statusCode, page.body).toBe(200);
      seen.push(...page.json().tickets.map((x: Ticket) => x.id));
      url = page.json().meta.has_more ? (page.json().links.next as string).replace(/^https?:\/\/[^/]+/, '') : null;
    }
    expect(seen).toEqual([...ids].reverse());
    const byStatus = await agent.get('/api/v2/tickets.json?sort=-status&page[size]=100');
    const order = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
    const ranks = byStatus.json().tickets.map((x: Ticket) => order.indexOf(x.status));
    expect(ranks).toEqual([...ranks].sort((x: number, y: number) => y - x));
    expect((await agent.get('/api/v2/tickets.json?page[after]=not-a-cursor')).statusCode).toBe(400);
  });

  it('lets a role without tickets.write read but not write (403 Forbidden, nothing written)', async () => {
    const reader = await zendeskClient(t, ['stakeholder']);
    const ticket = await create();
    expect((await reader.get(`/api/v2/tickets/${ticket.id}.json`)).statusCode).toBe(200);
    const writes = [
      reader.post('/api/v2/tickets.json', { ticket: { ...CREATE_TICKET_REQUEST.ticket, requester_id: requesterId } }),
      reader.put(`/api/v2/tickets/${ticket.id}.json`, UPDATE_TICKET_REQUEST),
      reader.delete(`/api/v2/tickets/${ticket.id}.json`),
      reader.post(`/api/v2/tickets/${ticket.id}/tags.json`, { tags: ['x'] }),
      reader.put(`/api/v2/tickets/update_many.json?ids=${ticket.id}`, UPDATE_MANY_SAME_CHANGE),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('Forbidden');
    }
    expect((await agent.get(`/api/v2/tickets/${ticket.id}.json`)).json().ticket.status).toBe('new');
  });

  it('takes the payloads zenpy and node-zendesk send: ids of null, `description` as the first comment, DELETE with a JSON body or none', async () => {
    // zenpy serialises every object with its id (null while new) and only the attributes set.
    const created = await agent.post('/api/v2/tickets.json', {
      ticket: {
        id: null,
        subject: 'From zenpy',
        description: 'Made with Ticket(description=…)',
        requester: { id: null, name: 'Zed', email: 'zed@example.com' },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json().ticket as Ticket & { description: string };
    expect(ticket.description).toBe('Made with Ticket(description=…)');
    const reply = await agent.put(`/api/v2/tickets/${ticket.id}.json`, {
      ticket: { id: ticket.id, comment: { id: null, body: 'Looking', public: false } },
    });
    expect(reply.statusCode, reply.body).toBe(200);
    // A ticket read back and sent again (read-only keys and all) is accepted.
    const again = await agent.put(`/api/v2/tickets/${ticket.id}.json`, { ticket: { ...reply.json().ticket, status: 'pending' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().ticket.status).toBe('pending');
    // zenpy deletes with the object as the body; requests sends Content-Length: 0 when there is none.
    const withBody = await agent.request({
      method: 'DELETE',
      url: `/api/v2/tickets/${ticket.id}.json`,
      payload: { ticket: { id: ticket.id } },
    });
    expect(withBody.statusCode, withBody.body).toBe(204);
    const other = await create();
    const empty = await agent.request({
      method: 'DELETE',
      url: `/api/v2/tickets/${other.id}.json`,
      headers: { 'content-type': 'application/json', 'content-length': '0' },
    });
    expect(empty.statusCode, empty.body).toBe(204);
  });

  it('records a comment with an end user’s author_id as the customer’s own message, and lists a user’s requested and assigned tickets', async () => {
    const ticket = await create();
    const res = await agent.put(`/api/v2/tickets/${ticket.id}.json`, {
      ticket: { comment: { body: 'Still smoking', author_id: requesterId } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const comments = (await agent.get(`/api/v2/tickets/${ticket.id}/comments.json`)).json().comments as {
      author_id: number;
      body: string;
    }[];
    expect(comments.at(-1)).toMatchObject({ author_id: requesterId, body: 'Still smoking' });

    const requested = await agent.get(`/api/v2/users/${requesterId}/tickets/requested.json?per_page=100`);
    expect(requested.statusCode).toBe(200);
    expect(requested.json().tickets.map((x: Ticket) => x.id)).toContain(ticket.id);
    expect(requested.json().tickets.every((x: Ticket) => x.requester_id === requesterId)).toBe(true);
    const me = await numericIdOf(t.db.kysely, 'user', agent.memberId);
    const mine = await create({ assignee_id: me });
    const assigned = await agent.get(`/api/v2/users/${me}/tickets/assigned.json`);
    expect(assigned.json().tickets.map((x: Ticket) => x.id)).toContain(mine.id);
    expect(assigned.json().tickets.every((x: Ticket) => x.assignee_id === me)).toBe(true);
    expect((await agent.get('/api/v2/users/99999999/tickets/requested.json')).statusCode).toBe(404);
  });

  it('keeps a ticket’s external_id: shown, found with ?external_id=, one ticket per id, freed when the ticket is deleted', async () => {
    const ticket = await create({ external_id: 'CRM-77' });
    expect((await agent.get(`/api/v2/tickets/${ticket.id}.json`)).json().ticket.external_id).toBe('CRM-77');
    const found = await agent.get('/api/v2/tickets.json?external_id=crm-77');
    expect(found.json().tickets.map((x: Ticket) => x.id)).toEqual([ticket.id]);
    const clash = await agent.post('/api/v2/tickets.json', {
      ticket: { ...CREATE_TICKET_REQUEST.ticket, requester_id: requesterId, external_id: 'CRM-77' },
    });
    expect(clash.statusCode).toBe(422);
    expect(clash.json().details).toHaveProperty('external_id');
    expect((await agent.delete(`/api/v2/tickets/${ticket.id}.json`)).statusCode).toBe(204);
    const reused = await create({ external_id: 'CRM-77' });
    const cleared = await agent.put(`/api/v2/tickets/${reused.id}.json`, { ticket: { external_id: null } });
    expect(cleared.json().ticket.external_id).toBeNull();
    expect((await agent.get('/api/v2/tickets.json?external_id=CRM-77')).json().tickets).toEqual([]);
  });
});
