import { insertOpportunity } from '../../../src/modules/presales/opportunities/test-opportunities.js';
import { unique } from '../../factories/index.js';
import type { CaseSet } from './write-case.js';

const NO = 'no-such-record';

/** Presales solutions write routes (issue 16): requirements and their import, designs, the rate card, statements of work. */
export const presalesSolutionsCases: CaseSet = {
  async fixtures({ t, admin, f }) {
    const opportunityId = await insertOpportunity(t.db.kysely, f.accountId, { name: 'Bad-input deal' });
    const post = async (url: string, payload: Record<string, unknown>) => (await admin.request({ method: 'POST', url, payload })).json();
    const requirement = await post(`/api/opportunities/${opportunityId}/requirements`, { reference: 'BI-1', text: 'Fixture requirement' });
    const design = await post(`/api/opportunities/${opportunityId}/solution-designs`, { title: 'Fixture design' });
    const role = await post('/api/rate-card', { name: `Fixture role ${unique()}`, hourlyRate: 100 });
    const sowBody = { title: 'Fixture SOW', items: [{ description: 'Work', roleId: role.id, hours: 2 }] };
    const sow = await post(`/api/opportunities/${opportunityId}/statements-of-work`, sowBody);
    return {
      opportunityId,
      requirementId: requirement.requirement.id,
      designId: design.id,
      rateCardRoleId: role.id,
      sowId: sow.id,
    };
  },
  cases: {
    'POST /api/opportunities/:id/requirements': {
      url: (f) => `/api/opportunities/${f.opportunityId}/requirements`,
      validBody: () => ({ text: 'Single sign-on', priority: 'must' }),
      wrongTypes: { body: { text: 'Single sign-on', priority: 1 }, path: 'priority' },
      unknownId: { url: `/api/opportunities/${NO}/requirements`, body: { text: 'x' }, code: 'opportunities.not_found' },
    },
    'PATCH /api/requirements/:id': {
      url: (f) => `/api/requirements/${f.requirementId}`,
      validBody: () => ({ fit: 'native' }),
      wrongTypes: { body: { notes: ['a'] }, path: 'notes' },
      unknownId: { url: `/api/requirements/${NO}`, body: { fit: 'native' }, code: 'requirements.not_found' },
    },
    'DELETE /api/requirements/:id': {
      url: () => `/api/requirements/${NO}`,
      validBody: null,
      unknownId: { url: `/api/requirements/${NO}`, code: 'requirements.not_found' },
    },
    'PUT /api/opportunities/:id/requirements/order': {
      url: (f) => `/api/opportunities/${f.opportunityId}/requirements/order`,
      validBody: (f) => ({ ids: [f.requirementId] }),
      wrongTypes: { body: { ids: 'all' }, path: 'ids' },
      unknownId: { url: `/api/opportunities/${NO}/requirements/order`, body: { ids: ['x'] }, code: 'opportunities.not_found' },
    },
    'POST /api/opportunities/:id/requirements/fit': {
      url: (f) => `/api/opportunities/${f.opportunityId}/requirements/fit`,
      validBody: (f) => ({ ids: [f.requirementId], fit: 'configuration' }),
      wrongTypes: { body: { ids: ['x'], fit: true }, path: 'fit' },
      unknownId: { url: `/api/opportunities/${NO}/requirements/fit`, body: { ids: ['x'], fit: 'gap' }, code: 'opportunities.not_found' },
    },
    // Multipart uploads: a JSON body is refused before the handler (malformed, too large).
    'POST /api/opportunities/:id/requirements/import/preview': {
      url: (f) => `/api/opportunities/${f.opportunityId}/requirements/import/preview`,
      validBody: null,
      unknownId: { url: `/api/opportunities/${NO}/requirements/import/preview`, code: 'opportunities.not_found' },
    },
    'POST /api/opportunities/:id/requirements/import': {
      url: (f) => `/api/opportunities/${f.opportunityId}/requirements/import`,
      validBody: null,
      unknownId: { url: `/api/opportunities/${NO}/requirements/import`, code: 'opportunities.not_found' },
    },
    'POST /api/opportunities/:id/solution-designs': {
      url: (f) => `/api/opportunities/${f.opportunityId}/solution-designs`,
      validBody: () => ({ title: 'Architecture', body: '# Plan' }),
      wrongTypes: { body: { title: 'Architecture', requirementIds: 'R-1' }, path: 'requirementIds' },
      unknownId: { url: `/api/opportunities/${NO}/solution-designs`, body: { title: 'x' }, code: 'opportunities.not_found' },
    },
    'POST /api/solution-designs/:id/versions': {
      url: (f) => `/api/solution-designs/${f.designId}/versions`,
      validBody: () => ({ body: '# Plan v2', note: 'More detail' }),
      wrongTypes: { body: { body: '# v2', baseVersion: 'one' }, path: 'baseVersion' },
      unknownId: { url: `/api/solution-designs/${NO}/versions`, body: { body: 'x' }, code: 'solution_designs.not_found' },
    },
    'PUT /api/solution-designs/:id/requirements': {
      url: (f) => `/api/solution-designs/${f.designId}/requirements`,
      validBody: (f) => ({ requirementIds: [f.requirementId] }),
      wrongTypes: { body: { requirementIds: [1] }, path: 'requirementIds.0' },
      unknownId: { url: `/api/solution-designs/${NO}/requirements`, body: { requirementIds: [] }, code: 'solution_designs.not_found' },
    },
    'DELETE /api/solution-designs/:id': {
      url: () => `/api/solution-designs/${NO}`,
      validBody: null,
      unknownId: { url: `/api/solution-designs/${NO}`, code: 'solution_designs.not_found' },
    },
    'POST /api/rate-card': {
      url: () => '/api/rate-card',
      validBody: () => ({ name: `Role ${unique()}`, hourlyRate: 150 }),
      wrongTypes: { body: { name: 'Role', hourlyRate: '150' }, path: 'hourlyRate' },
    },
    'PATCH /api/rate-card/:id': {
      url: (f) => `/api/rate-card/${f.rateCardRoleId}`,
      validBody: () => ({ hourlyRate: 110 }),
      wrongTypes: { body: { active: 'yes' }, path: 'active' },
      unknownId: { url: `/api/rate-card/${NO}`, body: { hourlyRate: 1 }, code: 'rate_card.not_found' },
    },
    'DELETE /api/rate-card/:id': {
      url: () => `/api/rate-card/${NO}`,
      validBody: null,
      unknownId: { url: `/api/rate-card/${NO}`, code: 'rate_card.not_found' },
    },
    'POST /api/opportunities/:id/statements-of-work': {
      url: (f) => `/api/opportunities/${f.opportunityId}/statements-of-work`,
      validBody: () => ({ title: 'Rollout' }),
      wrongTypes: { body: { title: 'Rollout', items: [{ description: 'Work', roleId: 'r', hours: 'ten' }] }, path: 'items.0.hours' },
      unknownId: { url: `/api/opportunities/${NO}/statements-of-work`, body: { title: 'x' }, code: 'opportunities.not_found' },
    },
    'PATCH /api/statements-of-work/:id': {
      url: (f) => `/api/statements-of-work/${f.sowId}`,
      validBody: () => ({ assumptions: 'VPN access' }),
      wrongTypes: { body: { repriceItems: 'yes' }, path: 'repriceItems' },
      unknownId: { url: `/api/statements-of-work/${NO}`, body: { title: 'x' }, code: 'statements_of_work.not_found' },
    },
    'DELETE /api/statements-of-work/:id': {
      url: () => `/api/statements-of-work/${NO}`,
      validBody: null,
      unknownId: { url: `/api/statements-of-work/${NO}`, code: 'statements_of_work.not_found' },
    },
    'POST /api/statements-of-work/:id/send': {
      url: (f) => `/api/statements-of-work/${f.sowId}/send`,
      validBody: null,
      unknownId: { url: `/api/statements-of-work/${NO}/send`, code: 'statements_of_work.not_found' },
    },
    'POST /api/statements-of-work/:id/accept': {
      url: (f) => `/api/statements-of-work/${f.sowId}/accept`,
      validBody: () => ({ engagementKind: 'implementation', startDate: '2026-09-01' }),
      wrongTypes: { body: { engagementKind: 'implementation', startDate: 20260901 }, path: 'startDate' },
      unknownId: {
        url: `/api/statements-of-work/${NO}/accept`,
        body: { engagementKind: 'implementation', startDate: '2026-09-01' },
        code: 'statements_of_work.not_found',
      },
    },
    'POST /api/statements-of-work/:id/decline': {
      url: (f) => `/api/statements-of-work/${f.sowId}/decline`,
      validBody: () => ({ reason: 'Budget' }),
      wrongTypes: { body: { reason: 5 }, path: 'reason' },
      unknownId: { url: `/api/statements-of-work/${NO}/decline`, body: { reason: 'Budget' }, code: 'statements_of_work.not_found' },
    },
    'POST /api/statements-of-work/:id/copy': {
      url: (f) => `/api/statements-of-work/${f.sowId}/copy`,
      validBody: null,
      unknownId: { url: `/api/statements-of-work/${NO}/copy`, code: 'statements_of_work.not_found' },
    },
  },
};
