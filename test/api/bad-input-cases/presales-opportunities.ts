import type { CaseSet } from './write-case.js';

const opportunityBody = (accountId: string) => ({ accountId, name: 'Fixture deal', stage: 'discovery', arr: 1000, products: ['Core'] });
const interactionBody = () => ({ kind: 'call', occurredAt: '2026-05-01T14:00:00Z', durationMinutes: 30, subject: 'Discovery call' });
const requestBody = () => ({ kind: 'demo', title: 'Demo for the operations team', estimatedHours: 4 });
const demoBody = () => ({ title: 'Platform demo', occurredAt: '2026-05-02T10:00:00Z', followUps: [{ text: 'Send the deck' }] });

/** Presales opportunities write routes (issue 16): opportunities, linked interactions, deal-support requests, demos. */
export const presalesOpportunitiesCases: CaseSet = {
  async fixtures({ admin, f }) {
    const deal = await admin.request({ method: 'POST', url: '/api/opportunities', payload: opportunityBody(f.accountId) });
    const opportunityId = deal.json().id as string;
    const request = await admin.request({
      method: 'POST',
      url: `/api/opportunities/${opportunityId}/deal-support`,
      payload: requestBody(),
    });
    const demo = await admin.request({ method: 'POST', url: `/api/opportunities/${opportunityId}/demos`, payload: demoBody() });
    return { opportunityId, dealSupportId: request.json().id, demoId: demo.json().id, demoInteractionId: demo.json().interactionId };
  },
  cases: {
    'POST /api/opportunities': {
      url: () => '/api/opportunities',
      validBody: (f) => opportunityBody(f.accountId),
      wrongTypes: { body: { accountId: 'x', name: 'Deal', arr: 'a lot' }, path: 'arr' },
    },
    'PATCH /api/opportunities/:id': {
      url: (f) => `/api/opportunities/${f.opportunityId}`,
      validBody: () => ({ stage: 'qualification' }),
      wrongTypes: { body: { products: 'Core' }, path: 'products' },
      unknownId: { url: '/api/opportunities/no-such-deal', body: { arr: 5 }, code: 'opportunities.not_found' },
    },
    'DELETE /api/opportunities/:id': {
      url: () => '/api/opportunities/no-such-deal',
      validBody: null,
      unknownId: { url: '/api/opportunities/no-such-deal', code: 'opportunities.not_found' },
    },
    'POST /api/opportunities/:id/interactions': {
      url: (f) => `/api/opportunities/${f.opportunityId}/interactions`,
      validBody: () => interactionBody(),
      wrongTypes: { body: { ...interactionBody(), durationMinutes: 'half an hour' }, path: 'durationMinutes' },
      unknownId: { url: '/api/opportunities/no-such-deal/interactions', body: interactionBody(), code: 'opportunities.not_found' },
    },
    'DELETE /api/opportunities/:id/interactions/:interactionId': {
      url: (f) => `/api/opportunities/${f.opportunityId}/interactions/no-such-interaction`,
      validBody: null,
      unknownId: { url: '/api/opportunities/no-such-deal/interactions/x', code: 'opportunities.not_found' },
    },
    'POST /api/opportunities/:id/demos': {
      url: (f) => `/api/opportunities/${f.opportunityId}/demos`,
      validBody: () => demoBody(),
      wrongTypes: { body: { ...demoBody(), followUps: [{ text: 'x', done: 'yes' }] }, path: 'followUps.0.done' },
      unknownId: { url: '/api/opportunities/no-such-deal/demos', body: demoBody(), code: 'opportunities.not_found' },
    },
    'PATCH /api/demos/:id': {
      url: (f) => `/api/demos/${f.demoId}`,
      validBody: () => ({ outcome: 'positive' }),
      wrongTypes: { body: { durationMinutes: 'long' }, path: 'durationMinutes' },
      unknownId: { url: '/api/demos/no-such-demo', body: { notes: 'x' }, code: 'demos.not_found' },
    },
    'POST /api/opportunities/:id/deal-support': {
      url: (f) => `/api/opportunities/${f.opportunityId}/deal-support`,
      validBody: () => requestBody(),
      wrongTypes: { body: { ...requestBody(), estimatedHours: 'four' }, path: 'estimatedHours' },
      unknownId: { url: '/api/opportunities/no-such-deal/deal-support', body: requestBody(), code: 'opportunities.not_found' },
    },
    'PATCH /api/deal-support/:id': {
      url: (f) => `/api/deal-support/${f.dealSupportId}`,
      validBody: () => ({ status: 'accepted' }),
      wrongTypes: { body: { dueDate: 20260501 }, path: 'dueDate' },
      unknownId: { url: '/api/deal-support/no-such-request', body: { status: 'accepted' }, code: 'deal_support.not_found' },
    },
  },
};
