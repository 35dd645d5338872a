import type { CaseSet } from './write-case.js';

/** Presales opportunities write routes (issue 16). */
export const presalesOpportunitiesCases: CaseSet = {
  cases: {},
};
