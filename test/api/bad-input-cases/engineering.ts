import type { CaseSet } from './write-case.js';

/** Engineering issues, escalation to engineering, the tracker set-up and its webhooks (issue 14). */
export const engineeringCases: CaseSet = {
  async fixtures({ admin, f }) {
    const issue = await admin.request({
      method: 'POST',
      url: '/api/engineering-issues',
      payload: { title: 'Fixture bug', ticketId: f.ticketId },
    });
    if (issue.statusCode !== 201) throw new Error(`engineering fixture failed: ${issue.body}`);
    return { engineeringIssueId: issue.json().id as string };
  },
  cases: {
    'POST /api/engineering-issues': {
      url: () => '/api/engineering-issues',
      validBody: () => ({ title: 'Export times out' }),
      wrongTypes: { body: { title: 5 }, path: 'title' },
    },
    'PATCH /api/engineering-issues/:id': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}`,
      validBody: () => ({ severity: 'low' }),
      wrongTypes: { body: { severity: 5 }, path: 'severity' },
      unknownId: { url: '/api/engineering-issues/no-such-issue', body: { severity: 'low' }, code: 'engineering_issues.not_found' },
    },
    'POST /api/engineering-issues/:id/tickets': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}/tickets`,
      validBody: (f) => ({ ticketId: f.ticketId }),
      wrongTypes: { body: { ticketId: 5 }, path: 'ticketId' },
      unknownId: { url: '/api/engineering-issues/no-such-issue/tickets', body: { ticketId: 'x' }, code: 'engineering_issues.not_found' },
    },
    'DELETE /api/engineering-issues/:id/tickets/:ticketId': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}/tickets/${f.ticketId}`,
      validBody: null,
      unknownId: { url: '/api/engineering-issues/no-such-issue/tickets/x', code: 'engineering_issues.not_found' },
    },
    'PUT /api/engineering-issues/:id/feature-request': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}/feature-request`,
      validBody: () => ({ featureRequestId: null }),
      wrongTypes: { body: { featureRequestId: 5 }, path: 'featureRequestId' },
      unknownId: {
        url: '/api/engineering-issues/no-such-issue/feature-request',
        body: { featureRequestId: null },
        code: 'engineering_issues.not_found',
      },
    },
    'POST /api/engineering-issues/:id/tickets/:ticketId/reply': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}/tickets/${f.ticketId}/reply`,
      validBody: () => ({}),
      wrongTypes: { body: { body: 5 }, path: 'body' },
      unknownId: { url: '/api/engineering-issues/no-such-issue/tickets/x/reply', body: {}, code: 'engineering_issues.ticket_not_linked' },
    },
    'DELETE /api/engineering-issues/:id/tickets/:ticketId/reply': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}/tickets/${f.ticketId}/reply`,
      validBody: null,
      unknownId: { url: '/api/engineering-issues/no-such-issue/tickets/x/reply', code: 'engineering_issues.ticket_not_linked' },
    },
    'POST /api/engineering-issues/:id/upgrade-campaign': {
      url: (f) => `/api/engineering-issues/${f.engineeringIssueId}/upgrade-campaign`,
      validBody: () => ({}),
      wrongTypes: { body: { name: 5 }, path: 'name' },
      unknownId: { url: '/api/engineering-issues/no-such-issue/upgrade-campaign', body: {}, code: 'engineering_issues.not_found' },
    },
    'POST /api/tickets/:id/engineering-escalation': {
      url: (f) => `/api/tickets/${f.ticketId}/engineering-escalation`,
      validBody: (f) => ({ reason: 'Needs a fix', summary: 'Tried everything', issueId: f.engineeringIssueId }),
      wrongTypes: { body: { reason: 5, summary: 'Tried everything', issueId: 'x' }, path: 'reason' },
      unknownId: {
        url: '/api/tickets/no-such-ticket/engineering-escalation',
        body: { reason: 'Needs a fix', summary: 'Tried everything', issueId: 'x' },
        code: 'tickets.not_found',
      },
    },
    'PUT /api/engineering-trackers': {
      url: () => '/api/engineering-trackers',
      validBody: () => ({ autoSendFixReplies: false }),
      wrongTypes: { body: { autoSendFixReplies: 'no' }, path: 'autoSendFixReplies' },
    },
    // The webhooks take any JSON the tracker sends (checked by signature, not by schema).
    'POST /api/engineering-trackers/github/webhook': { url: () => '/api/engineering-trackers/github/webhook', validBody: null },
    'POST /api/engineering-trackers/jira/webhook': { url: () => '/api/engineering-trackers/jira/webhook', validBody: null },
  },
};
