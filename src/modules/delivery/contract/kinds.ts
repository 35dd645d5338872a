/**
 * The delivery module's value lists, shared by its tables, its zod contract and the web app. No
 * zod here, so a screen that needs a list (a select's options) does not bundle the schemas.
 */

// ---------------------------------------------------------------- engagements

export const ENGAGEMENT_KINDS = [
  'implementation',
  'professional_services',
  'proof_of_concept',
  'field_visit',
  'forward_deployment',
  'onboarding',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_STATUSES = ['planned', 'active', 'at_risk', 'on_hold', 'done', 'cancelled'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const TASK_STATUSES = ['todo', 'in_progress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const POC_VERDICTS = ['pending', 'pass', 'fail'] as const;
export type PocVerdict = (typeof POC_VERDICTS)[number];

// ---------------------------------------------------------------- environments

export const HOSTING_KINDS = ['cloud', 'on_premises', 'hybrid'] as const;
export type Hosting = (typeof HOSTING_KINDS)[number];

export const DEPLOYMENT_STATUSES = ['active', 'decommissioned'] as const;
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number];

export const CAMPAIGN_STATUSES = ['active', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const UPGRADE_STATES = ['scheduled', 'in_progress', 'done', 'failed', 'rolled_back'] as const;
export type UpgradeState = (typeof UPGRADE_STATES)[number];

/**
 * Where an environment's upgrade may go next. A done upgrade can only be rolled back; a rollback
 * or a failure can be scheduled or tried again. Staying in a state with a note records the note.
 * The server enforces it; the campaign screen offers only these moves.
 */
export const UPGRADE_TRANSITIONS: Record<UpgradeState, readonly UpgradeState[]> = {
  scheduled: ['in_progress', 'done', 'failed'],
  in_progress: ['scheduled', 'done', 'failed', 'rolled_back'],
  failed: ['scheduled', 'in_progress', 'done', 'rolled_back'],
  done: ['rolled_back'],
  rolled_back: ['scheduled', 'in_progress'],
};

// ---------------------------------------------------------------- records

export const OVERALL_STATUSES = ['on_track', 'at_risk', 'off_track'] as const;
export type OverallStatus = (typeof OVERALL_STATUSES)[number];

export const REPORT_STATUSES = ['draft', 'sent'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** The sections of a status report, in the order a reader meets them. */
export const REPORT_SECTIONS = ['summary', 'done', 'next', 'risks', 'decisions', 'budget', 'milestones'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const CRITERION_STATUSES = ['pending', 'pass', 'fail'] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];

export const TRAINING_AUDIENCES = ['end_users', 'it_admins'] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const TRAINING_STATUSES = ['scheduled', 'delivered', 'cancelled'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const VISIT_STATUSES = ['planned', 'completed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
