import type { CaseSet } from './write-case.js';

const itemBody = (accountId: string) => ({ accountId, title: 'Need SAML', quote: 'We cannot roll out without SAML.', impact: 'blocker' });

/** Feedback items and feature requests (issue 14). */
export const feedbackRequestCases: CaseSet = {
  async fixtures({ admin, f }) {
    const request = await admin.request({ method: 'POST', url: '/api/feature-requests', payload: { title: 'Fixture SSO request' } });
    const other = await admin.request({ method: 'POST', url: '/api/feature-requests', payload: { title: 'Fixture merge target' } });
    const item = await admin.request({ method: 'POST', url: '/api/feedback-items', payload: itemBody(f.accountId) });
    return { featureRequestId: request.json().id, mergeTargetId: other.json().id, feedbackItemId: item.json().id };
  },
  cases: {
    'POST /api/feedback-items': {
      url: () => '/api/feedback-items',
      validBody: (f) => itemBody(f.accountId),
      wrongTypes: { body: { title: 'x', quote: 'y', impact: 3 }, path: 'impact' },
    },
    'PATCH /api/feedback-items/:id': {
      url: (f) => `/api/feedback-items/${f.feedbackItemId}`,
      validBody: () => ({ impact: 'important' }),
      wrongTypes: { body: { tags: 'a,b' }, path: 'tags' },
      unknownId: { url: '/api/feedback-items/no-such-item', body: { impact: 'important' }, code: 'feedback.not_found' },
    },
    'PUT /api/feedback-items/:id/request': {
      url: (f) => `/api/feedback-items/${f.feedbackItemId}/request`,
      validBody: (f) => ({ requestId: f.featureRequestId }),
      unknownId: { url: '/api/feedback-items/no-such-item/request', body: { requestId: null }, code: 'feedback.not_found' },
    },
    'DELETE /api/feedback-items/:id': {
      url: () => '/api/feedback-items/no-such-item',
      validBody: null,
      unknownId: { url: '/api/feedback-items/no-such-item', code: 'feedback.not_found' },
    },
    'POST /api/feature-requests': {
      url: () => '/api/feature-requests',
      validBody: () => ({ title: 'Audit log export' }),
      wrongTypes: { body: { title: 42 }, path: 'title' },
    },
    'PATCH /api/feature-requests/:id': {
      url: (f) => `/api/feature-requests/${f.featureRequestId}`,
      validBody: () => ({ status: 'planned' }),
      wrongTypes: { body: { visibility: true }, path: 'visibility' },
      unknownId: { url: '/api/feature-requests/no-such-request', body: { status: 'planned' }, code: 'feature_requests.not_found' },
    },
    'POST /api/feature-requests/:id/merge': {
      url: (f) => `/api/feature-requests/${f.featureRequestId}/merge`,
      validBody: (f) => ({ intoId: f.mergeTargetId }),
      wrongTypes: { body: { intoId: 7 }, path: 'intoId' },
      unknownId: { url: '/api/feature-requests/no-such-request/merge', body: { intoId: 'x' }, code: 'feature_requests.not_found' },
    },
    'PUT /api/feature-requests/:id/blockers': {
      url: (f) => `/api/feature-requests/${f.featureRequestId}/blockers`,
      validBody: (f) => ({ opportunityId: 'opp-1', accountId: f.accountId, arr: 1000 }),
      wrongTypes: { body: { opportunityId: 'opp-1', accountId: 'a', arr: 'lots' }, path: 'arr' },
      unknownId: {
        url: '/api/feature-requests/no-such-request/blockers',
        body: { opportunityId: 'opp-1', accountId: 'a', arr: 1 },
        code: 'feature_requests.not_found',
      },
    },
  },
};
