import { portalSignIn } from '../../helpers/portal.js';
import type { CaseSet } from './write-case.js';

const caseBody = () => ({ title: 'Export a month', steps: 'Open Reports, export March', expected: 'A CSV with 31 rows' });

/** UAT rounds, agent and portal side (issue 14). Bill (the portal fixture contact) is invited. */
export const uatCases: CaseSet = {
  async fixtures({ t, admin, f }) {
    const feature = await admin.request({
      method: 'POST',
      url: '/api/feature-requests',
      payload: { title: 'Fixture UAT request', status: 'in_progress' },
    });
    const requestId = feature.json().id as string;
    const round = await admin.request({
      method: 'POST',
      url: `/api/feature-requests/${requestId}/uat-rounds`,
      payload: { title: 'Fixture round', accountId: f.accountId, cases: [caseBody(), caseBody()], contactIds: [f.contactId] },
    });
    const [first, second] = round.json().cases as { id: string }[];
    const bill = await portalSignIn(t, 'bill@initech.com');
    await bill.request({
      method: 'PUT',
      url: `/api/portal/uat-rounds/${round.json().id}/cases/${first!.id}/result`,
      payload: { outcome: 'fail', comment: 'Only 30 rows' },
    });
    const failed = await t.db.kysely.selectFrom('uat_results').select('id').where('case_id', '=', first!.id).executeTakeFirstOrThrow();
    return { uatRequestId: requestId, uatRoundId: round.json().id, uatCaseId: second!.id, uatResultId: failed.id };
  },
  cases: {
    'POST /api/feature-requests/:id/uat-rounds': {
      url: (f) => `/api/feature-requests/${f.uatRequestId}/uat-rounds`,
      validBody: (f) => ({ title: 'Round 2', accountId: f.accountId }),
      wrongTypes: { body: { title: 'Round 2', accountId: 'x', cases: 'all of them' }, path: 'cases' },
      unknownId: {
        url: '/api/feature-requests/no-such-request/uat-rounds',
        body: { title: 'x', accountId: 'x' },
        code: 'feature_requests.not_found',
      },
    },
    'POST /api/uat-rounds/:id/cases': {
      url: (f) => `/api/uat-rounds/${f.uatRoundId}/cases`,
      validBody: caseBody,
      wrongTypes: { body: { ...caseBody(), steps: ['one', 'two'] }, path: 'steps' },
      unknownId: { url: '/api/uat-rounds/no-such-round/cases', body: caseBody(), code: 'uat.round_not_found' },
    },
    'PUT /api/uat-rounds/:id/case-order': {
      url: (f) => `/api/uat-rounds/${f.uatRoundId}/case-order`,
      validBody: (f) => ({ caseIds: [f.uatCaseId] }),
      wrongTypes: { body: { caseIds: 'reverse' }, path: 'caseIds' },
      unknownId: { url: '/api/uat-rounds/no-such-round/case-order', body: { caseIds: ['x'] }, code: 'uat.round_not_found' },
    },
    'PATCH /api/uat-cases/:id': {
      url: (f) => `/api/uat-cases/${f.uatCaseId}`,
      validBody: () => ({ expected: 'A CSV with 31 rows and a header' }),
      wrongTypes: { body: { title: 42 }, path: 'title' },
      unknownId: { url: '/api/uat-cases/no-such-case', body: { title: 'x' }, code: 'uat.case_not_found' },
    },
    'DELETE /api/uat-cases/:id': {
      url: (f) => `/api/uat-cases/${f.uatCaseId}`,
      validBody: null,
      unknownId: { url: '/api/uat-cases/no-such-case', code: 'uat.case_not_found' },
    },
    'POST /api/uat-rounds/:id/invitees': {
      url: (f) => `/api/uat-rounds/${f.uatRoundId}/invitees`,
      validBody: (f) => ({ contactIds: [f.contactId] }),
      wrongTypes: { body: { contactIds: 'everyone' }, path: 'contactIds' },
      unknownId: { url: '/api/uat-rounds/no-such-round/invitees', body: { contactIds: ['x'] }, code: 'uat.round_not_found' },
    },
    'POST /api/uat-rounds/:id/close': {
      url: (f) => `/api/uat-rounds/${f.uatRoundId}/close`,
      validBody: null,
      unknownId: { url: '/api/uat-rounds/no-such-round/close', code: 'uat.round_not_found' },
    },
    'POST /api/uat-results/:id/engineering-issue': {
      url: (f) => `/api/uat-results/${f.uatResultId}/engineering-issue`,
      validBody: () => ({ severity: 'high' }),
      wrongTypes: { body: { severity: 3 }, path: 'severity' },
      unknownId: { url: '/api/uat-results/no-such-result/engineering-issue', body: {}, code: 'uat.result_not_found' },
    },
    'PUT /api/portal/uat-rounds/:id/cases/:caseId/result': {
      asContact: true,
      url: (f) => `/api/portal/uat-rounds/${f.uatRoundId}/cases/${f.uatCaseId}/result`,
      validBody: () => ({ outcome: 'pass' }),
      wrongTypes: { body: { outcome: 'pass', comment: 7 }, path: 'comment' },
      unknownId: {
        url: '/api/portal/uat-rounds/no-such-round/cases/no-such-case/result',
        body: { outcome: 'pass' },
        code: 'uat.round_not_found',
      },
    },
    'POST /api/portal/uat-rounds/:id/sign-off': {
      asContact: true,
      url: (f) => `/api/portal/uat-rounds/${f.uatRoundId}/sign-off`,
      validBody: () => ({ name: 'Bill Lumbergh' }),
      wrongTypes: { body: { name: 42 }, path: 'name' },
      unknownId: { url: '/api/portal/uat-rounds/no-such-round/sign-off', body: { name: 'Bill Lumbergh' }, code: 'uat.round_not_found' },
    },
  },
};
