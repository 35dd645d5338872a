/** The feedback module's value lists (issue 14), shared by the server, the contract and the web app. */

/** How much a customer said a need matters; the weight is what the ranking multiplies ARR by. */
export const IMPACTS = ['blocker', 'important', 'nice_to_have'] as const;
export type Impact = (typeof IMPACTS)[number];
export const IMPACT_WEIGHTS: Record<Impact, number> = { blocker: 3, important: 2, nice_to_have: 1 };

/** Where an item was captured; `sourceId` names the record of that kind it links back to. */
export const FEEDBACK_SOURCES = [
  'ticket',
  'interaction',
  'poc_criterion',
  'engagement_task',
  'opportunity',
  'questionnaire_question',
  'uat_result',
  'manual',
] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

export const REQUEST_STATUSES = ['under_review', 'planned', 'in_progress', 'shipped', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_VISIBILITIES = ['internal', 'public'] as const;
export type RequestVisibility = (typeof REQUEST_VISIBILITIES)[number];
export const REQUEST_SORTS = ['score', 'customers', 'arr', 'pipeline', 'newest', 'title'] as const;

export const ISSUE_TRACKERS = ['outpost', 'github', 'jira'] as const;
export type IssueTracker = (typeof ISSUE_TRACKERS)[number];
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed', 'wont_fix'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const ISSUE_SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

export const UAT_ROUND_STATUSES = ['open', 'signed_off', 'closed'] as const;
export type UatRoundStatus = (typeof UAT_ROUND_STATUSES)[number];
export const UAT_OUTCOMES = ['pass', 'fail'] as const;
export type UatOutcome = (typeof UAT_OUTCOMES)[number];

export const MEETING_KINDS = ['product_review', 'engineering_sync', 'roadmap_review', 'other'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
