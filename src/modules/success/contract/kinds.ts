/** The success module's value lists (issue 15), shared by the server, the contract and the web app. */

export const HEALTH_GRADES = ['green', 'yellow', 'red'] as const;
export type HealthGrade = (typeof HEALTH_GRADES)[number];

/**
 * What a health measure reads (DESIGN §3 "Health"). Each is one figure per account; a measure
 * without data for an account (no CSAT answers, no environments, no licences) is left out of its
 * score rather than counted as zero.
 */
export const HEALTH_METRICS = [
  'open_tickets', // tickets not solved or closed
  'sla_breaches_30d', // SLA targets breached in the last 30 days
  'csat_average', // average CSAT rating (1–5) over 90 days
  'days_since_interaction', // days since the last recorded interaction
  'feature_adoption', // % of licensed features used in the last 30 days
  'active_user_trend', // % change of active users, last 30 days against the 30 before
  'seat_utilisation', // % of seats active in the last 30 days
  'versions_behind', // the most releases any production environment is behind
  'schedule_slip_days', // days the live engagements' milestones are late (worst)
  'open_blocker_feedback', // open feature requests the account called a blocker
  'training_attendance', // % of invited contacts who attended training in 180 days
] as const;
export type HealthMetric = (typeof HEALTH_METRICS)[number];

export const PLAYBOOK_TRIGGERS = [
  'health_red', // the grade falls to red
  'health_drop', // the score drops by at least `points` against 30 days ago
  'renewal_within', // the renewal date is within `days`
  'no_interaction', // no interaction for `days`
  'usage_drop', // active users down by at least `percent` % (30 days against the 30 before)
  'sla_breach_strategic', // an SLA breach in the last `days` on a strategic account
  'onboarding_late', // an onboarding engagement's milestone is late by at least `days`
] as const;
export type PlaybookTrigger = (typeof PLAYBOOK_TRIGGERS)[number];

export const TASK_STATUSES = ['open', 'done', 'dismissed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_CLOSE_REASONS = ['resolved', 'customer_unresponsive', 'not_needed', 'duplicate', 'other'] as const;
export type TaskCloseReason = (typeof TASK_CLOSE_REASONS)[number];
