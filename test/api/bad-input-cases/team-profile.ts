import type { CaseSet } from './write-case.js';

/** Team profile write routes (issue 17). */
export const teamProfileCases: CaseSet = {
  cases: {},
};
