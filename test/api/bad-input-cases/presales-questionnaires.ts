import type { CaseSet } from './write-case.js';

/** Presales questionnaires write routes (issue 16). */
export const presalesQuestionnairesCases: CaseSet = {
  cases: {},
};
