import type { CaseSet } from './write-case.js';

const modelBody = () => ({
  measures: [{ metric: 'open_tickets', weight: 10, good: 0, bad: 15 }],
  greenMin: 70,
  yellowMin: 40,
});
const overrideBody = () => ({
  grade: 'green',
  reason: 'Exec sponsor confirmed the renewal',
  expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
});

/** The health model and overrides (issue 15). */
export const successHealthCases: CaseSet = {
  cases: {
    'PUT /api/health-models/:scope': {
      url: () => '/api/health-models/smb',
      validBody: modelBody,
      wrongTypes: { body: { ...modelBody(), greenMin: 'high' }, path: 'greenMin' },
    },
    'DELETE /api/health-models/:scope': {
      url: () => '/api/health-models/smb',
      validBody: null,
    },
    'POST /api/accounts/:id/health/override': {
      url: (f) => `/api/accounts/${f.accountId}/health/override`,
      validBody: overrideBody,
      wrongTypes: { body: { ...overrideBody(), grade: 3 }, path: 'grade' },
      unknownId: { url: '/api/accounts/no-such-account/health/override', body: overrideBody(), code: 'accounts.not_found' },
    },
    'DELETE /api/accounts/:id/health/override': {
      url: (f) => `/api/accounts/${f.accountId}/health/override`,
      validBody: null,
      unknownId: { url: '/api/accounts/no-such-account/health/override', code: 'accounts.not_found' },
    },
  },
};
