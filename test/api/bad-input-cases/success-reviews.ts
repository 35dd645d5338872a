import type { CaseSet } from './write-case.js';

const period = () => ({ periodStart: '2026-09-01', periodEnd: '2026-11-30' });

/** Business reviews (issue 15): generate, edit, delete and send. */
export const successReviewCases: CaseSet = {
  async fixtures({ admin, f }) {
    const review = await admin.request({ method: 'POST', url: `/api/accounts/${f.accountId}/business-reviews`, payload: period() });
    const draft = await admin.request({ method: 'POST', url: `/api/accounts/${f.accountId}/business-reviews`, payload: period() });
    return { businessReviewId: review.json().id, draftReviewId: draft.json().id };
  },
  cases: {
    'POST /api/accounts/:id/business-reviews': {
      url: (f) => `/api/accounts/${f.accountId}/business-reviews`,
      validBody: () => period(),
      wrongTypes: { body: { periodStart: 20260901, periodEnd: '2026-11-30' }, path: 'periodStart' },
      unknownId: { url: '/api/accounts/no-such-account/business-reviews', body: period(), code: 'accounts.not_found' },
    },
    'PATCH /api/business-reviews/:id': {
      url: (f) => `/api/business-reviews/${f.businessReviewId}`,
      validBody: () => ({ sections: [{ key: 'summary', markdown: 'A good quarter.' }] }),
      wrongTypes: { body: { sections: [{ key: 'summary', markdown: 42 }] }, path: 'sections.0.markdown' },
      unknownId: { url: '/api/business-reviews/no-such-review', body: { title: 'x' }, code: 'business_reviews.not_found' },
    },
    'DELETE /api/business-reviews/:id': {
      url: () => '/api/business-reviews/no-such-review',
      validBody: null,
      unknownId: { url: '/api/business-reviews/no-such-review', code: 'business_reviews.not_found' },
    },
    'POST /api/business-reviews/:id/send': {
      url: (f) => `/api/business-reviews/${f.draftReviewId}`.concat('/send'),
      validBody: (f) => ({ contactIds: [f.contactId] }),
      wrongTypes: { body: { contactIds: 'everyone' }, path: 'contactIds' },
      unknownId: { url: '/api/business-reviews/no-such-review/send', body: { contactIds: ['x'] }, code: 'business_reviews.not_found' },
    },
  },
};
