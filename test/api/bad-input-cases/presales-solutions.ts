import type { CaseSet } from './write-case.js';

/** Presales solutions write routes (issue 16). */
export const presalesSolutionsCases: CaseSet = {
  cases: {},
};
