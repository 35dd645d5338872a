import type { CaseSet } from './write-case.js';

const sessionBody = () => ({ topic: 'Admin console', audience: 'it_admins', scheduledAt: '2026-03-10T09:00:00Z', durationMinutes: 60 });
const reportBody = () => ({ periodStart: '2026-03-02', periodEnd: '2026-03-13' });
const visitBody = () => ({ visitDate: '2026-03-12', siteAddress: '1 Initech Way', purpose: 'Install the appliance' });

/** Status reports, POC criteria, training sessions and field visits (issue 5). */
export const deliveryRecordCases: CaseSet = {
  async fixtures({ admin, f }) {
    const engagement = await admin.request({
      method: 'POST',
      url: '/api/engagements',
      payload: { accountId: f.accountId, kind: 'proof_of_concept', name: 'Fixture PoC', startDate: '2026-03-02', budgetHours: 20 },
    });
    const pocId = engagement.json().id as string;
    const report = await admin.request({ method: 'POST', url: `/api/engagements/${pocId}/status-reports`, payload: reportBody() });
    const criterion = await admin.request({
      method: 'POST',
      url: `/api/engagements/${pocId}/poc-criteria`,
      payload: { statement: 'Fixture criterion' },
    });
    const session = await admin.request({
      method: 'POST',
      url: `/api/accounts/${f.accountId}/training-sessions`,
      payload: { ...sessionBody(), contactIds: [f.contactId] },
    });
    await admin.request({ method: 'PATCH', url: `/api/training-sessions/${session.json().id}`, payload: { status: 'delivered' } });
    const visit = await admin.request({ method: 'POST', url: `/api/accounts/${f.accountId}/field-visits`, payload: visitBody() });
    return {
      pocEngagementId: pocId,
      statusReportId: report.json().id,
      criterionId: criterion.json().id,
      trainingSessionId: session.json().id,
      fieldVisitId: visit.json().id,
    };
  },
  cases: {
    'POST /api/engagements/:id/status-reports': {
      url: (f) => `/api/engagements/${f.pocEngagementId}/status-reports`,
      validBody: reportBody,
      wrongTypes: { body: { periodStart: '2026-03-02', periodEnd: 20260313 }, path: 'periodEnd' },
      unknownId: { url: '/api/engagements/no-such-engagement/status-reports', body: reportBody(), code: 'engagements.not_found' },
    },
    'PATCH /api/status-reports/:id': {
      url: (f) => `/api/status-reports/${f.statusReportId}`,
      validBody: () => ({ overallStatus: 'at_risk' }),
      wrongTypes: { body: { sections: { risks: ['late'] } }, path: 'sections.risks' },
      unknownId: { url: '/api/status-reports/no-such-report', body: { title: 'x' }, code: 'status_reports.not_found' },
    },
    'POST /api/status-reports/:id/send': {
      url: (f) => `/api/status-reports/${f.statusReportId}/send`,
      validBody: (f) => ({ contactIds: [f.contactId] }),
      wrongTypes: { body: { contactIds: 'everyone' }, path: 'contactIds' },
      unknownId: { url: '/api/status-reports/no-such-report/send', body: { contactIds: ['x'] }, code: 'status_reports.not_found' },
    },
    'DELETE /api/status-reports/:id': {
      url: (f) => `/api/status-reports/${f.statusReportId}`,
      validBody: null,
      unknownId: { url: '/api/status-reports/no-such-report', code: 'status_reports.not_found' },
    },
    'POST /api/engagements/:id/poc-criteria': {
      url: (f) => `/api/engagements/${f.pocEngagementId}/poc-criteria`,
      validBody: () => ({ statement: 'Users sign in with SSO' }),
      wrongTypes: { body: { statement: 'Users sign in with SSO', status: true }, path: 'status' },
      unknownId: { url: '/api/engagements/no-such-engagement/poc-criteria', body: { statement: 'x' }, code: 'engagements.not_found' },
    },
    'PATCH /api/poc-criteria/:id': {
      url: (f) => `/api/poc-criteria/${f.criterionId}`,
      validBody: () => ({ status: 'pass' }),
      wrongTypes: { body: { evidence: 42 }, path: 'evidence' },
      unknownId: { url: '/api/poc-criteria/no-such-criterion', body: { status: 'pass' }, code: 'poc.criterion_not_found' },
    },
    'DELETE /api/poc-criteria/:id': {
      url: (f) => `/api/poc-criteria/${f.criterionId}`,
      validBody: null,
      unknownId: { url: '/api/poc-criteria/no-such-criterion', code: 'poc.criterion_not_found' },
    },
    'PUT /api/engagements/:id/poc-verdict': {
      url: (f) => `/api/engagements/${f.pocEngagementId}/poc-verdict`,
      validBody: () => ({ verdict: 'pass' }),
      wrongTypes: { body: { verdict: 'pass', note: ['good'] }, path: 'note' },
      unknownId: { url: '/api/engagements/no-such-engagement/poc-verdict', body: { verdict: 'pass' }, code: 'engagements.not_found' },
    },
    'POST /api/accounts/:id/training-sessions': {
      url: (f) => `/api/accounts/${f.accountId}/training-sessions`,
      validBody: sessionBody,
      wrongTypes: { body: { ...sessionBody(), durationMinutes: '60' }, path: 'durationMinutes' },
      unknownId: { url: '/api/accounts/no-such-account/training-sessions', body: sessionBody(), code: 'accounts.not_found' },
    },
    'PATCH /api/training-sessions/:id': {
      url: (f) => `/api/training-sessions/${f.trainingSessionId}`,
      validBody: () => ({ topic: 'Admin console, part 2' }),
      wrongTypes: { body: { contactIds: 'everyone' }, path: 'contactIds' },
      unknownId: { url: '/api/training-sessions/no-such-session', body: { topic: 'x' }, code: 'training.not_found' },
    },
    'PUT /api/training-sessions/:id/feedback/:contactId': {
      url: (f) => `/api/training-sessions/${f.trainingSessionId}/feedback/${f.contactId}`,
      validBody: () => ({ rating: 5 }),
      wrongTypes: { body: { rating: 'five' }, path: 'rating' },
      unknownId: {
        url: '/api/training-sessions/no-such-session/feedback/no-such-contact',
        body: { rating: 5 },
        code: 'training.not_found',
      },
    },
    'PUT /api/portal/training-sessions/:id/feedback': {
      asContact: true,
      url: (f) => `/api/portal/training-sessions/${f.trainingSessionId}/feedback`,
      validBody: () => ({ rating: 4 }),
      wrongTypes: { body: { rating: 4, comment: 7 }, path: 'comment' },
      unknownId: { url: '/api/portal/training-sessions/no-such-session/feedback', body: { rating: 4 }, code: 'training.not_found' },
    },
    'POST /api/accounts/:id/field-visits': {
      url: (f) => `/api/accounts/${f.accountId}/field-visits`,
      validBody: visitBody,
      wrongTypes: { body: { ...visitBody(), checklist: [{ label: 'Badge', done: 'yes' }] }, path: 'checklist.0.done' },
      unknownId: { url: '/api/accounts/no-such-account/field-visits', body: visitBody(), code: 'accounts.not_found' },
    },
    'PATCH /api/field-visits/:id': {
      url: (f) => `/api/field-visits/${f.fieldVisitId}`,
      validBody: () => ({ report: 'All done' }),
      wrongTypes: { body: { status: 'done' }, path: 'status' },
      unknownId: { url: '/api/field-visits/no-such-visit', body: { report: 'x' }, code: 'field_visits.not_found' },
    },
    'DELETE /api/field-visits/:id': {
      url: (f) => `/api/field-visits/${f.fieldVisitId}`,
      validBody: null,
      unknownId: { url: '/api/field-visits/no-such-visit', code: 'field_visits.not_found' },
    },
  },
};
