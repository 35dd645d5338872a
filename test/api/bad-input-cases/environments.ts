import type { CaseSet } from './write-case.js';

export const environmentCases: CaseSet = { cases: {} };
