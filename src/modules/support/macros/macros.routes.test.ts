import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';

describe.each(testDialects())('macros API on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  let tier2: SignedIn;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    tier2 = await signInAs(t, ['support_tier2']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initech', domains: ['initech.com'], segment: 'enterprise' },
    });
    groupId = (await admin.request({ method: 'POST', url: '/api/ticket-groups', payload: { name: 'Billing desk', tier: 'tier1' } })).json()
      .id;
  });
  afterAll(async () => t.close());

  async function openTicket(subject: string, tags: string[] = []) {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject, description: 'Help', tags, requesterEmail: 'peter.gibbons@initech.com', requesterName: 'Peter Gibbons' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; number: number };
  }

  const count = async (table: 'ticket_messages' | 'ticket_events' | 'audit_log', ticketId?: string) => {
    let q = t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
    if (ticketId && table !== 'audit_log') q = q.where('ticket_id', '=', ticketId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('previews a macro rendered for the ticket, leaving unknown placeholders visible', async () => {
    const macro = await agent.request({
      method: 'POST',
      url: '/api/macros',
      payload: {
        title: 'Greeting',
        body: 'Hi {{requester.first_name}}, about #{{ticket.number}} ({{account.name}}): {{ticket.eta}} — {{agent.name}}',
      },
    });
    expect(macro.statusCode, macro.body).toBe(201);
    expect(macro.json()).toMatchObject({ shared: false, owner: { id: agent.memberId }, visibility: 'public' });
    const ticket = await openTicket('Preview me');
    const preview = await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/macros/${macro.json().id}/preview` });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().body).toBe(`Hi Peter, about #${ticket.number} (Initech): {{ticket.eta}} — Test support_tier1`);
    expect(preview.json().unknownPlaceholders).toEqual(['ticket.eta']);
  });

  it('applies a macro: the reply and every field change land in one change', async () => {
    const ticket = await openTicket('Refund please', ['billing', 'new-customer']);
    const macro = await tier2.request({
      method: 'POST',
      url: '/api/macros',
      payload: {
        title: 'Refund handed to billing',
        body: 'Hi {{requester.first_name}}, billing will confirm the refund for "{{ticket.subject}}".',
        shared: true,
        actions: {
          status: 'pending',
          priority: 'high',
          addTags: ['refund'],
          removeTags: ['new-customer'],
          assigneeId: 'current_user',
          groupId,
        },
      },
    });
    expect(macro.statusCode, macro.body).toBe(201);
    expect(macro.json().shared).toBe(true);
    const res = await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/macros/${macro.json().id}/apply` });
    expect(res.statusCode, res.body).toBe(200);
    const { ticket: after, message } = res.json();
    expect(after).toMatchObject({
      status: 'pending',
      priority: 'high',
      assignee: { id: agent.memberId },
      group: { id: groupId },
      tags: ['billing', 'refund'],
    });
    expect(message).toMatchObject({ visibility: 'public', body: 'Hi Peter, billing will confirm the refund for "Refund please".' });
    const events = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/events` }))
      .json()
      .items.map((e: { type: string }) => e.type);
    expect(events).toEqual(expect.arrayContaining(['ticket.updated', 'message.replied', 'macro.applied']));
  });

  it('applies nothing when one change is refused: a macro assigning a deleted group gives 422 and writes no message', async () => {
    const doomed = (
      await admin.request({ method: 'POST', url: '/api/ticket-groups', payload: { name: 'Disbanded team', tier: 'tier1' } })
    ).json().id;
    const macro = await agent.request({
      method: 'POST',
      url: '/api/macros',
      payload: {
        title: 'To the old team',
        body: 'Passing this on.',
        actions: { groupId: doomed, priority: 'urgent', addTags: ['handover'] },
      },
    });
    expect(macro.statusCode).toBe(201);
    await t.db.kysely.deleteFrom('ticket_groups').where('id', '=', doomed).execute();
    const ticket = await openTicket('Nothing should change');
    const before = {
      messages: await count('ticket_messages', ticket.id),
      events: await count('ticket_events', ticket.id),
      audit: await count('audit_log'),
    };
    const res = await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/macros/${macro.json().id}/apply` });
    expect(expectError(res, 422, 'request.reference_not_found').details.field).toBe('groupId');
    expect({
      messages: await count('ticket_messages', ticket.id),
      events: await count('ticket_events', ticket.id),
      audit: await count('audit_log'),
    }).toEqual(before);
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(page.ticket).toMatchObject({ priority: 'normal', tags: [], group: null });
  });

  it('rolls back the field changes when the message part fails (a closed ticket)', async () => {
    const ticket = await openTicket('Closed one');
    await agent.request({ method: 'PATCH', url: `/api/tickets/${ticket.id}`, payload: { status: 'closed' } });
    const macro = await agent.request({
      method: 'POST',
      url: '/api/macros',
      payload: { title: 'Bump', body: 'x', actions: { priority: 'urgent' } },
    });
    expectError(
      await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/macros/${macro.json().id}/apply` }),
      409,
      'tickets.closed',
    );
    expect((await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json().ticket.priority).toBe('normal');
  });

  it('applies a fields-only macro, and an internal-note macro that solves', async () => {
    const ticket = await openTicket('Fields only');
    const fields = await agent.request({
      method: 'POST',
      url: '/api/macros',
      payload: { title: 'Urgent', actions: { priority: 'urgent' } },
    });
    const applied = (await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/macros/${fields.json().id}/apply` })).json();
    expect(applied.message).toBeNull();
    expect(applied.ticket.priority).toBe('urgent');
    const note = await agent.request({
      method: 'POST',
      url: '/api/macros',
      payload: { title: 'Solve quietly', body: 'Duplicate of an earlier case.', visibility: 'internal', actions: { status: 'solved' } },
    });
    const solved = (await agent.request({ method: 'POST', url: `/api/tickets/${ticket.id}/macros/${note.json().id}/apply` })).json();
    expect(solved.message.visibility).toBe('internal');
    expect(solved.ticket.status).toBe('solved');
  });

  it('keeps personal macros personal and shared ones for runbooks.manage', async () => {
    const mine = (await agent.request({ method: 'POST', url: '/api/macros', payload: { title: 'Mine only', body: 'x' } })).json();
    const other = await signInAs(t, ['support_tier1']);
    expectError(await other.request({ method: 'GET', url: `/api/macros/${mine.id}` }), 404, 'macros.not_found');
    expectError(
      await other.request({ method: 'PUT', url: `/api/macros/${mine.id}`, payload: { title: 'Hijack', body: 'y' } }),
      404,
      'macros.not_found',
    );
    expect((await other.request({ method: 'GET', url: '/api/macros' })).json().items.map((m: { id: string }) => m.id)).not.toContain(
      mine.id,
    );
    expect(
      expectError(
        await agent.request({ method: 'POST', url: '/api/macros', payload: { title: 'For all', body: 'x', shared: true } }),
        403,
        'auth.forbidden',
      ).details.permission,
    ).toBe('runbooks.manage');
    const shared = (
      await tier2.request({ method: 'POST', url: '/api/macros', payload: { title: 'Team macro', body: 'x', shared: true } })
    ).json();
    expectError(await agent.request({ method: 'DELETE', url: `/api/macros/${shared.id}` }), 403, 'auth.forbidden');
    expect((await agent.request({ method: 'GET', url: '/api/macros' })).json().items.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([mine.id, shared.id]),
    );
    expect((await agent.request({ method: 'DELETE', url: `/api/macros/${mine.id}` })).statusCode).toBe(204);
    expectError(await agent.request({ method: 'GET', url: `/api/macros/${mine.id}` }), 404, 'macros.not_found');
  });

  it('refuses a macro naming a member or group that does not exist, or with neither text nor changes', async () => {
    expectError(
      await agent.request({ method: 'POST', url: '/api/macros', payload: { title: 'x', actions: { assigneeId: 'nobody' } } }),
      422,
      'request.reference_not_found',
    );
    expectError(
      await agent.request({ method: 'POST', url: '/api/macros', payload: { title: 'x', actions: { groupId: 'nothing' } } }),
      422,
      'request.reference_not_found',
    );
    expect(
      expectError(await agent.request({ method: 'POST', url: '/api/macros', payload: { title: 'Empty' } }), 400, 'request.invalid').message,
    ).toContain('reply text or at least one field change');
  });
});
