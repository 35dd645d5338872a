import type { UatRoundSummary } from './api';

export const ROUND_STATUS: Record<UatRoundSummary['status'], { label: string; color: string }> = {
  open: { label: 'Testing', color: 'blue' },
  signed_off: { label: 'Signed off', color: 'teal' },
  closed: { label: 'Closed', color: 'gray' },
};

export const OUTCOME: Record<'pass' | 'fail', { label: string; color: string }> = {
  pass: { label: 'Pass', color: 'teal' },
  fail: { label: 'Fail', color: 'red' },
};

export const SEVERITIES = [
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
];
