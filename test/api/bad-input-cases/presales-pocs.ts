import type { CaseSet } from './write-case.js';

const pocBody = () => ({ name: 'Fixture PoC', startDate: '2026-03-02', budgetHours: 40, criteria: ['Sign in with SSO'] });

/** Presales pocs write routes (issue 16): starting a proof of concept from a deal. */
export const presalesPocsCases: CaseSet = {
  async fixtures({ admin, f }) {
    const deal = await admin.request({
      method: 'POST',
      url: '/api/opportunities',
      payload: { accountId: f.accountId, name: 'Fixture PoC deal', stage: 'technical_validation', arr: 1000 },
    });
    if (deal.statusCode !== 201) throw new Error(`opportunity fixture: ${deal.body}`);
    return { pocOpportunityId: deal.json().id };
  },
  cases: {
    'POST /api/opportunities/:id/pocs': {
      url: (f) => `/api/opportunities/${f.pocOpportunityId}/pocs`,
      validBody: () => pocBody(),
      wrongTypes: { body: { ...pocBody(), criteria: 'Sign in with SSO' }, path: 'criteria' },
      unknownId: { url: '/api/opportunities/no-such-deal/pocs', body: pocBody(), code: 'opportunities.not_found' },
    },
  },
};
