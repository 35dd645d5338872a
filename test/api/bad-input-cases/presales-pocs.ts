import type { CaseSet } from './write-case.js';

/** Presales pocs write routes (issue 16). */
export const presalesPocsCases: CaseSet = {
  cases: {},
};
