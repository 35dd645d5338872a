import type { CaseSet } from './write-case.js';

/** Team time write routes (issue 17). */
export const teamTimeCases: CaseSet = {
  cases: {},
};
