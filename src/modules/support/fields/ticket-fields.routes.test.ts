import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../db/test-database.js';
import { signInAs, startTestApp, type SignedIn, type TestApp } from '../../../../test/helpers/test-app.js';
import { expectError } from '../../../../test/factories/index.js';

describe.each(testDialects())('ticket types and custom ticket fields on %s', (dialect) => {
  let t: TestApp;
  let admin: SignedIn;
  let agent: SignedIn;
  const field: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await signInAs(t, ['admin']);
    agent = await signInAs(t, ['support_tier1']);
    await admin.request({
      method: 'POST',
      url: '/api/accounts',
      payload: { name: 'Initrode', domains: ['initrode.com'], segment: 'enterprise' },
    });
    const defs = [
      {
        title: 'Plan',
        fieldType: 'dropdown',
        options: [
          { name: 'Gold plan', value: 'gold' },
          { name: 'Silver plan', value: 'silver' },
        ],
      },
      { title: 'Seats', fieldType: 'integer' },
      { title: 'Budget', fieldType: 'decimal' },
      { title: 'Go-live', fieldType: 'date' },
      { title: 'Under NDA', fieldType: 'checkbox' },
      {
        title: 'Modules',
        fieldType: 'multiselect',
        options: [
          { name: 'Billing', value: 'billing' },
          { name: 'Reports', value: 'reports' },
        ],
      },
      { title: 'Order ref', fieldType: 'regexp', pattern: '^PO-\\d{4}$' },
      { title: 'Serial', fieldType: 'text' },
    ];
    for (const def of defs) {
      const res = await admin.request({ method: 'POST', url: '/api/ticket-fields', payload: def });
      expect(res.statusCode, res.body).toBe(201);
      field[def.title] = res.json().id;
    }
  });
  afterAll(async () => t.close());

  async function openTicket(extra: Record<string, unknown>) {
    return agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { subject: 'Licence question', description: 'How many seats do we have?', requesterEmail: 'bill@initrode.com', ...extra },
    });
  }

  it('lists fields to agents in order, and only support admins may add or change them', async () => {
    const list = await agent.request({ method: 'GET', url: '/api/ticket-fields' });
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .items.map((f: { title: string }) => f.title)
        .slice(0, 3),
    ).toEqual(['Plan', 'Seats', 'Budget']);
    expectError(await agent.request({ method: 'POST', url: '/api/ticket-fields', payload: { title: 'X', fieldType: 'text' } }), 403);
    expectError(
      await admin.request({ method: 'POST', url: '/api/ticket-fields', payload: { title: 'Tier', fieldType: 'dropdown', options: [] } }),
      422,
      'ticket_fields.options_needed',
    );
    expectError(
      await admin.request({ method: 'POST', url: '/api/ticket-fields', payload: { title: 'Ref', fieldType: 'regexp', pattern: '([' } }),
      422,
      'ticket_fields.pattern_needed',
    );
  });

  it('keeps a ticket’s type and custom field values through create, read, update and the list filter', async () => {
    const created = await openTicket({
      type: 'incident',
      customFields: [
        { fieldId: field.Plan, value: 'gold' },
        { fieldId: field.Seats, value: 250 },
        { fieldId: field['Go-live'], value: '2026-09-01' },
        { fieldId: field['Under NDA'], value: true },
        { fieldId: field.Modules, value: ['billing', 'reports'] },
        { fieldId: field['Order ref'], value: 'PO-1234' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json();
    expect(ticket.type).toBe('incident');
    expect(ticket.customFields).toEqual([
      { fieldId: field.Plan, title: 'Plan', value: 'gold' },
      { fieldId: field.Seats, title: 'Seats', value: 250 },
      { fieldId: field['Go-live'], title: 'Go-live', value: '2026-09-01' },
      { fieldId: field['Under NDA'], title: 'Under NDA', value: true },
      { fieldId: field.Modules, title: 'Modules', value: ['billing', 'reports'] },
      { fieldId: field['Order ref'], title: 'Order ref', value: 'PO-1234' },
    ]);
    const page = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}` })).json();
    expect(page.ticket.customFields).toEqual(ticket.customFields);

    const updated = await agent.request({
      method: 'PATCH',
      url: `/api/tickets/${ticket.id}`,
      payload: {
        type: 'problem',
        customFields: [
          { fieldId: field.Plan, value: 'silver' },
          { fieldId: field.Seats, value: null },
        ],
      },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().type).toBe('problem');
    const values = Object.fromEntries(updated.json().customFields.map((f: { title: string; value: unknown }) => [f.title, f.value]));
    expect(values.Plan).toBe('silver');
    expect(values).not.toHaveProperty('Seats');
    expect(values['Order ref']).toBe('PO-1234');

    const events = (await agent.request({ method: 'GET', url: `/api/tickets/${ticket.id}/events` })).json().items;
    const change = events.find((e: { type: string }) => e.type === 'ticket.updated');
    expect(change.data.changes.type).toEqual(['incident', 'problem']);
    expect(change.data.changes.customFields).toEqual([
      { Plan: 'gold', Seats: '250' },
      { Plan: 'silver', Seats: null },
    ]);

    const problems = (await agent.request({ method: 'GET', url: '/api/tickets?type=problem' })).json().items;
    expect(problems.map((p: { id: string }) => p.id)).toContain(ticket.id);
    const questions = (await agent.request({ method: 'GET', url: '/api/tickets?type=question' })).json().items;
    expect(questions.map((p: { id: string }) => p.id)).not.toContain(ticket.id);
  });

  it('refuses a value that does not fit its field, naming the field', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['Plan', 'platinum', /“Plan” takes one of its options \(gold, silver\)/],
      ['Seats', 2.5, /“Seats” takes a whole number/],
      ['Budget', 'lots', /“Budget” takes a number/],
      ['Go-live', '2026-02-30', /“Go-live” takes a date/],
      ['Under NDA', 'yes', /“Under NDA” takes true or false/],
      ['Modules', ['billing', 'payroll'], /“Modules” takes a list of its options/],
      ['Order ref', 'PO-12', /“Order ref” takes text matching/],
    ];
    for (const [title, value, message] of cases) {
      const error = expectError(await openTicket({ customFields: [{ fieldId: field[title], value }] }), 422, 'ticket_fields.value_invalid');
      expect(error.message).toMatch(message);
      expect(error.details.fieldId).toBe(field[title]);
    }
    expectError(await openTicket({ customFields: [{ fieldId: 'no-such-field', value: 'x' }] }), 422, 'ticket_fields.unknown_field');
    expectError(await openTicket({ type: 'complaint' }), 400);
  });

  it('finds a ticket by a custom field value in search', async () => {
    const created = (
      await openTicket({ subject: 'Renewal paperwork', customFields: [{ fieldId: field.Serial, value: 'ZX81SPECTRUM' }] })
    ).json();
    const res = await agent.request({ method: 'GET', url: '/api/search?q=ZX81SPECTRUM&types=ticket' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toContain(created.id);
    // An option's name finds it too, not only its stored value.
    const byName = (await openTicket({ subject: 'Plan check', customFields: [{ fieldId: field.Plan, value: 'silver' }] })).json();
    const hits = (await agent.request({ method: 'GET', url: '/api/search?q=Silver%20plan&types=ticket' })).json().items;
    expect(hits.map((i: { id: string }) => i.id)).toContain(byName.id);
  });

  it('deactivates a field that holds values instead of changing its type, and an inactive field takes no new values', async () => {
    const plan = field.Plan!;
    expectError(
      await admin.request({ method: 'PATCH', url: `/api/ticket-fields/${plan}`, payload: { fieldType: 'text' } }),
      409,
      'ticket_fields.type_locked',
    );
    expectError(
      await admin.request({
        method: 'PATCH',
        url: `/api/ticket-fields/${plan}`,
        payload: { options: [{ name: 'Gold plan', value: 'gold' }] },
      }),
      409,
      'ticket_fields.option_in_use',
    );
    const off = await admin.request({
      method: 'PATCH',
      url: `/api/ticket-fields/${plan}`,
      payload: { active: false, title: 'Plan (old)' },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, title: 'Plan (old)' });
    expect(off.json().valueCount).toBeGreaterThan(0);
    expectError(await openTicket({ customFields: [{ fieldId: plan, value: 'gold' }] }), 422, 'ticket_fields.inactive');
    const active = (await agent.request({ method: 'GET', url: '/api/ticket-fields?active=true' })).json().items;
    expect(active.map((f: { id: string }) => f.id)).not.toContain(plan);
    expectError(
      await admin.request({ method: 'PATCH', url: '/api/ticket-fields/nope', payload: { active: false } }),
      404,
      'ticket_fields.not_found',
    );
  });
});
