import type { CaseSet } from './write-case.js';

const event = (accountId: string) => ({ eventId: 'bad-input-1', accountId, feature: 'reports', timestamp: '2025-01-01T10:00:00Z' });

/**
 * Usage intake and licences (issue 15). A batch's events are checked one by one (bad events are
 * reported per event in a 200), so only the envelope is refused whole here.
 */
export const successUsageCases: CaseSet = {
  cases: {
    'POST /api/usage/events': {
      url: () => '/api/usage/events',
      validBody: (f) => ({ events: [event(f.accountId)] }),
      wrongTypes: { body: { events: 'all of them' }, path: 'events' },
    },
    // multipart/form-data: the JSON cases (malformed, too large) still apply.
    'POST /api/usage/import': { url: () => '/api/usage/import', validBody: null },
    'PUT /api/accounts/:id/usage-settings': {
      url: (f) => `/api/accounts/${f.accountId}/usage-settings`,
      validBody: () => ({ externalId: null, seats: 10, licensedFeatures: ['reports'] }),
      wrongTypes: { body: { externalId: null, seats: 'ten', licensedFeatures: [] }, path: 'seats' },
      unknownId: {
        url: '/api/accounts/no-such-account/usage-settings',
        body: { externalId: null, seats: 1, licensedFeatures: [] },
        code: 'accounts.not_found',
      },
    },
  },
};
