import type { CaseSet } from './write-case.js';

/** Presales collateral write routes (issue 16). */
export const presalesCollateralCases: CaseSet = {
  cases: {},
};
