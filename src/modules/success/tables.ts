import type { Generated } from 'kysely';
import type { HealthGrade, PlaybookTrigger, TaskCloseReason, TaskStatus } from './contract/kinds.js';

import type { PlanTables } from './plans/tables.js';
import type { ReviewTables } from './reviews/tables.js';

/** The success module's tables (issue 15, migrations 0021–0023); merged into `Database` in src/db/schema.ts. */
export interface SuccessTables extends PlanTables, ReviewTables {
  usage_account_settings: UsageAccountSettingsTable;
  licensed_features: LicensedFeaturesTable;
  usage_events: UsageEventsTable;
  usage_daily: UsageDailyTable;
  usage_daily_users: UsageDailyUsersTable;
  usage_account_days: UsageAccountDaysTable;
  health_models: HealthModelsTable;
  account_health: AccountHealthTable;
  health_snapshots: HealthSnapshotsTable;
  health_overrides: HealthOverridesTable;
  playbook_rules: PlaybookRulesTable;
  success_tasks: SuccessTasksTable;
}

export interface UsageAccountSettingsTable {
  account_id: string;
  external_id: string | null;
  seats: number | null;
  updated_at: string;
}

export interface LicensedFeaturesTable {
  account_id: string;
  feature_key: string;
}

export interface UsageEventsTable {
  event_id: string;
  account_id: string;
  received_at: string;
}

export interface UsageDailyTable {
  account_id: string;
  day: string;
  feature_key: string;
  quantity: number;
  events: number;
}

export interface UsageDailyUsersTable {
  account_id: string;
  day: string;
  user_key: string;
}

export interface UsageAccountDaysTable {
  account_id: string;
  day: string;
  active_users: number;
  reported_active_users: number;
}

export interface HealthModelsTable {
  /** 'default' or an account segment. */
  scope: string;
  measures: string; // JSON HealthMeasure[]
  green_min: number;
  yellow_min: number;
  updated_by: string | null;
  updated_at: string;
}

export interface AccountHealthTable {
  account_id: string;
  /** What the portfolio shows: the computed score and grade, or the override's grade while it lasts. */
  score: number | null;
  grade: HealthGrade | null;
  computed_score: number | null;
  computed_grade: HealthGrade | null;
  score_30_days_ago: number | null;
  change_30_days: number | null;
  measures: string; // JSON MeasureResult[]
  metric_values: string; // JSON Partial<Record<HealthMetric, number | null>>
  /** 'default' or the segment whose model scored it. */
  model_scope: Generated<string>;
  /** When the override behind `grade` ends; null without one. */
  override_expires_at: string | null;
  computed_at: string;
}

export interface HealthSnapshotsTable {
  account_id: string;
  day: string;
  /** The account's segment on that day. */
  segment: string;
  score: number | null;
  grade: HealthGrade | null;
  measures: string; // JSON MeasureResult[]
}

export interface HealthOverridesTable {
  id: string;
  account_id: string;
  grade: HealthGrade;
  reason: string;
  expires_at: string;
  created_by: string | null;
  created_at: string;
  ended_at: string | null;
  ended_by: string | null;
}

export interface PlaybookRulesTable {
  id: string;
  name: string;
  trigger: PlaybookTrigger;
  params: string; // JSON PlaybookParams
  role: string;
  task_title: string;
  steps: string; // JSON string[]
  due_in_days: number;
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuccessTasksTable {
  id: string;
  account_id: string;
  rule_id: string | null;
  title: string;
  reason: string;
  steps: string; // JSON { text: string; done: boolean }[]
  role: string;
  assignee_id: string | null;
  due_on: string;
  status: TaskStatus;
  close_reason: TaskCloseReason | null;
  close_note: string | null;
  closed_by: string | null;
  closed_at: string | null;
  open_key: string | null;
  created_at: string;
}
