import type {
  CriterionStatus,
  OverallStatus,
  ReportSection,
  TrainingAudience,
  TrainingStatus,
} from '../../../../../src/modules/delivery/contract/kinds';

export const AUDIENCE_LABELS: Record<TrainingAudience, string> = { end_users: 'End users', it_admins: 'IT admins' };
export const AUDIENCE_COLORS: Record<TrainingAudience, string> = { end_users: 'cyan', it_admins: 'grape' };

export const TRAINING_STATUS_LABELS: Record<TrainingStatus, string> = {
  scheduled: 'Scheduled',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
};
export const TRAINING_STATUS_COLORS: Record<TrainingStatus, string> = { scheduled: 'blue', delivered: 'teal', cancelled: 'gray' };

export const OVERALL_LABELS: Record<OverallStatus, string> = { on_track: 'On track', at_risk: 'At risk', off_track: 'Off track' };
export const OVERALL_COLORS: Record<OverallStatus, string> = { on_track: 'teal', at_risk: 'yellow', off_track: 'red' };

export const SECTION_LABELS: Record<ReportSection, string> = {
  summary: 'Summary',
  done: 'Done',
  next: 'Next',
  risks: 'Risks',
  decisions: 'Decisions needed',
  budget: 'Budget',
  milestones: 'Milestones',
};

export const CRITERION_LABELS: Record<CriterionStatus, string> = { pending: 'Pending', pass: 'Pass', fail: 'Fail' };
export const CRITERION_COLORS: Record<CriterionStatus, string> = { pending: 'gray', pass: 'teal', fail: 'red' };
