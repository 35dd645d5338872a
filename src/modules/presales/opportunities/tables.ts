import type { DealSupportKind, DealSupportStatus, DemoOutcome, OpportunityStage, TechnicalWinStatus } from '../contract/kinds.js';

/** Opportunities, their stage history and linked interactions, deal-support requests and demos (migration 0025). */
export interface OpportunityTables {
  opportunities: OpportunitiesTable;
  opportunity_stage_changes: OpportunityStageChangesTable;
  opportunity_interactions: OpportunityInteractionsTable;
  deal_support_requests: DealSupportRequestsTable;
  demos: DemosTable;
}

export interface OpportunitiesTable {
  id: string;
  account_id: string;
  name: string;
  stage: OpportunityStage;
  /** Annual recurring revenue the deal would bring, in the workspace currency. */
  arr: number;
  close_date: string | null;
  sales_owner_id: string | null;
  sales_engineer_id: string | null;
  solutions_architect_id: string | null;
  technical_win: TechnicalWinStatus;
  /** Why the technical win was lost (required then), or a note on how it was won. */
  technical_win_reason: string | null;
  /** JSON array of product names. */
  products: string;
  description: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One move of a deal's stage or technical win (the first row of each is its value at creation, `from_value` null). */
export interface OpportunityStageChangesTable {
  id: string;
  opportunity_id: string;
  field: 'stage' | 'technical_win';
  from_value: string | null;
  to_value: string;
  reason: string | null;
  changed_by: string | null;
  changed_at: string;
}

/** An account interaction (accounts module) that was about this deal. */
export interface OpportunityInteractionsTable {
  opportunity_id: string;
  interaction_id: string;
  linked_by: string | null;
  linked_at: string;
}

export interface DealSupportRequestsTable {
  id: string;
  opportunity_id: string;
  kind: DealSupportKind;
  title: string;
  status: DealSupportStatus;
  requested_by: string | null;
  assignee_id: string | null;
  due_date: string | null;
  estimated_hours: number | null;
  notes: string | null;
  /** Why the engineer declined (required then). */
  decline_reason: string | null;
  created_at: string;
  updated_at: string;
  status_changed_at: string;
  completed_at: string | null;
}

export interface DemosTable {
  id: string;
  opportunity_id: string;
  title: string;
  occurred_at: string;
  duration_minutes: number;
  /** JSON array of contact ids of the opportunity's account. */
  contact_ids: string;
  /** JSON array of member ids who presented. */
  presenter_ids: string;
  /** JSON array of attendees named in free text (not contacts in Outpost). */
  other_attendees: string;
  script: string | null;
  /** A customer environment (delivery's deployments) of the same account the demo ran on. */
  environment_id: string | null;
  outcome: DemoOutcome | null;
  notes: string | null;
  /** JSON array of { text, done }. */
  follow_ups: string;
  /** The `demo` interaction logged on the account when the demo was recorded. */
  interaction_id: string | null;
  deal_support_request_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
