import type { CaseSet } from './write-case.js';

export const engagementCases: CaseSet = { cases: {} };
