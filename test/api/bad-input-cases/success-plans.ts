import type { CaseSet } from './write-case.js';

const planBody = () => ({
  title: 'Fixture plan',
  outcomes: 'Cut onboarding time',
  objectives: [{ title: 'Onboard faster', baseline: 30, target: 10, current: 20, unit: 'days' }],
});

/** Success plans and renewal forecasts (issue 15). */
export const successPlanCases: CaseSet = {
  async fixtures({ admin, f }) {
    const plan = await admin.request({ method: 'POST', url: `/api/accounts/${f.accountId}/success-plans`, payload: planBody() });
    return { successPlanId: plan.json().id };
  },
  cases: {
    'POST /api/accounts/:id/success-plans': {
      url: (f) => `/api/accounts/${f.accountId}/success-plans`,
      validBody: () => planBody(),
      wrongTypes: { body: { ...planBody(), objectives: [{ title: 'x', target: 'ten' }] }, path: 'objectives.0.target' },
      unknownId: { url: '/api/accounts/no-such-account/success-plans', body: planBody(), code: 'accounts.not_found' },
    },
    'PATCH /api/success-plans/:id': {
      url: (f) => `/api/success-plans/${f.successPlanId}`,
      validBody: () => ({ status: 'active' }),
      wrongTypes: { body: { customerVisible: 'yes' }, path: 'customerVisible' },
      unknownId: { url: '/api/success-plans/no-such-plan', body: { title: 'x' }, code: 'success_plans.not_found' },
    },
    'DELETE /api/success-plans/:id': {
      url: () => '/api/success-plans/no-such-plan',
      validBody: null,
      unknownId: { url: '/api/success-plans/no-such-plan', code: 'success_plans.not_found' },
    },
    'PUT /api/accounts/:id/renewal': {
      url: (f) => `/api/accounts/${f.accountId}/renewal`,
      validBody: () => ({ forecast: 'likely', note: 'Budget approved' }),
      wrongTypes: { body: { forecast: 'likely', note: 42 }, path: 'note' },
      unknownId: { url: '/api/accounts/no-such-account/renewal', body: { forecast: 'commit' }, code: 'accounts.not_found' },
    },
  },
};
