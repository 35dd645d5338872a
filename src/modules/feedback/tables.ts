import type { Generated } from 'kysely';
import type {
  FeedbackSource,
  Impact,
  IssueSeverity,
  IssueStatus,
  IssueTracker,
  MeetingKind,
  RequestStatus,
  RequestVisibility,
  UatOutcome,
  UatRoundStatus,
} from './contract/kinds.js';

/** The feedback module's tables (issue 14, migration 0019); merged into `Database` in src/db/schema.ts. */
export interface FeedbackTables {
  feature_requests: FeatureRequestsTable;
  feedback_items: FeedbackItemsTable;
  feature_request_blockers: FeatureRequestBlockersTable;
  feature_request_group_figures: FeatureRequestGroupFiguresTable;
  engineering_issues: EngineeringIssuesTable;
  engineering_issue_tickets: EngineeringIssueTicketsTable;
  tracker_deliveries: TrackerDeliveriesTable;
  uat_rounds: UatRoundsTable;
  uat_cases: UatCasesTable;
  uat_invitees: UatInviteesTable;
  uat_results: UatResultsTable;
  feedback_notices: FeedbackNoticesTable;
  feedback_opt_outs: FeedbackOptOutsTable;
  internal_meetings: InternalMeetingsTable;
  internal_meeting_attendees: InternalMeetingAttendeesTable;
  internal_meeting_links: InternalMeetingLinksTable;
}

export interface FeatureRequestsTable {
  id: string;
  title: string;
  description: string;
  product_area: string | null;
  status: RequestStatus;
  declined_reason: string | null;
  owner_id: string | null;
  target_release: string | null;
  visibility: RequestVisibility;
  merged_into_id: string | null;
  shipped_at: string | null;
  search_text: Generated<string>;
  score: Generated<number>;
  arr: Generated<number>;
  pipeline_arr: Generated<number>;
  customer_count: Generated<number>;
  item_count: Generated<number>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface FeedbackItemsTable {
  id: string;
  account_id: string;
  contact_id: string | null;
  captured_by: string | null;
  title: string;
  quote: string;
  impact: Impact;
  impact_weight: number;
  source_type: FeedbackSource;
  source_id: string | null;
  source_label: string;
  source_url: string | null;
  product_area: string | null;
  /** JSON array of strings. */
  tags: string;
  request_id: string | null;
  linked_at: string | null;
  linked_by: string | null;
  customer_told_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A request's figures counting only one segment's or one lifecycle stage's customers. */
export interface FeatureRequestGroupFiguresTable {
  request_id: string;
  dimension: 'all' | 'segment' | 'lifecycle_stage' | 'segment_stage';
  value: string;
  score: number;
  arr: number;
  pipeline_arr: number;
  customer_count: number;
  item_count: number;
}

export interface FeatureRequestBlockersTable {
  id: string;
  request_id: string;
  opportunity_id: string;
  account_id: string;
  arr: number;
  /** 1 while the opportunity is open. */
  is_open: number;
  created_at: string;
  updated_at: string;
}

export interface EngineeringIssuesTable {
  id: string;
  key: string;
  title: string;
  tracker: IssueTracker;
  tracker_url: string | null;
  status: IssueStatus;
  severity: IssueSeverity;
  fix_release: string | null;
  repro_steps: string;
  repro_expected: string;
  repro_actual: string;
  environment_id: string | null;
  product_version: string | null;
  /** JSON: the environment's configuration when the issue was written. */
  configuration: string;
  feature_request_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  fix_announced_at: string | null;
}

export interface EngineeringIssueTicketsTable {
  issue_id: string;
  ticket_id: string;
  linked_by: string | null;
  linked_at: string;
  drafted_reply: string | null;
  reply_sent_at: string | null;
}

export interface TrackerDeliveriesTable {
  id: string;
  tracker: string;
  delivery_id: string;
  issue_key: string | null;
  outcome: string;
  received_at: string;
}

export interface UatRoundsTable {
  id: string;
  request_id: string;
  account_id: string;
  title: string;
  status: UatRoundStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  signed_off_contact_id: string | null;
  signed_off_name: string | null;
  signed_off_at: string | null;
}

export interface UatCasesTable {
  id: string;
  round_id: string;
  position: number;
  title: string;
  steps: string;
  expected: string;
}

export interface UatInviteesTable {
  round_id: string;
  contact_id: string;
  invited_at: string;
}

export interface UatResultsTable {
  id: string;
  case_id: string;
  contact_id: string;
  outcome: UatOutcome;
  comment: string | null;
  recorded_at: string;
  engineering_issue_id: string | null;
}

export interface FeedbackNoticesTable {
  id: string;
  request_id: string;
  contact_id: string;
  account_id: string;
  kind: string;
  title: string;
  body: string;
  outbox_email_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface FeedbackOptOutsTable {
  contact_id: string;
  opted_out_at: string;
}

export interface InternalMeetingsTable {
  id: string;
  kind: MeetingKind;
  title: string;
  held_at: string;
  notes: string;
  created_by: string | null;
  created_at: string;
}

export interface InternalMeetingAttendeesTable {
  meeting_id: string;
  member_id: string;
}

export interface InternalMeetingLinksTable {
  meeting_id: string;
  /** 'feature_request' or 'engineering_issue'. */
  target_type: string;
  target_id: string;
}
