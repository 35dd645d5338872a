import type { CaseSet } from './write-case.js';

export const deliveryRecordCases: CaseSet = { cases: {} };
