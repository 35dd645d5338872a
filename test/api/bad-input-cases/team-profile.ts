import type { CaseSet } from './write-case.js';

const rules = () => ({ handsOnThreshold: 0.5, minWeeks: 6, minSpanDays: 60, defaultPeriodDays: 90 });

/** Team profile write routes (issue 17): the role-profile thresholds. */
export const teamProfileCases: CaseSet = {
  cases: {
    'PUT /api/admin/role-profile-rules': {
      url: () => '/api/admin/role-profile-rules',
      validBody: () => rules(),
      wrongTypes: { body: { ...rules(), minWeeks: 'six' }, path: 'minWeeks' },
    },
  },
};
