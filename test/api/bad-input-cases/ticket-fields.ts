import type { CaseSet } from './write-case.js';

const fieldBody = () => ({ title: 'Plan', fieldType: 'dropdown', options: [{ name: 'Gold', value: 'gold' }] });

/** Custom ticket fields (issue 18): support admins add and change them. */
export const ticketFieldCases: CaseSet = {
  async fixtures({ admin }) {
    const field = await admin.request({ method: 'POST', url: '/api/ticket-fields', payload: fieldBody() });
    return { ticketFieldId: field.json().id as string };
  },
  cases: {
    'POST /api/ticket-fields': {
      url: () => '/api/ticket-fields',
      validBody: () => fieldBody(),
      wrongTypes: { body: { ...fieldBody(), options: 'gold' }, path: 'options' },
    },
    'PATCH /api/ticket-fields/:id': {
      url: (f) => `/api/ticket-fields/${f.ticketFieldId}`,
      validBody: () => ({ title: 'Plan tier' }),
      wrongTypes: { body: { active: 'no' }, path: 'active' },
      unknownId: { url: '/api/ticket-fields/no-such-field', body: { active: false }, code: 'ticket_fields.not_found' },
    },
  },
};
