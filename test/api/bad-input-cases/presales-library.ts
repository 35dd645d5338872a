import type { CaseSet } from './write-case.js';

/** Presales library write routes (issue 16). */
export const presalesLibraryCases: CaseSet = {
  cases: {},
};
