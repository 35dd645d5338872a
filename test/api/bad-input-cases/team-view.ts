import type { CaseSet } from './write-case.js';

/** Team view write routes (issue 17). */
export const teamViewCases: CaseSet = {
  cases: {},
};
