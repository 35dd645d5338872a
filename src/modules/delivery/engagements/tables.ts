/** Engagements and their plans (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
export interface EngagementTables {
  engagements: EngagementsTable;
  engagement_members: EngagementMembersTable;
}

export const ENGAGEMENT_KINDS = ['implementation', 'professional_services', 'proof_of_concept', 'field_visit', 'forward_deployment', 'onboarding'] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const ENGAGEMENT_STATUSES = ['planned', 'active', 'at_risk', 'on_hold', 'done', 'cancelled'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export interface EngagementsTable {
  id: string;
  account_id: string;
  kind: EngagementKind;
  name: string;
  description: string | null;
  status: EngagementStatus;
  lead_id: string | null;
  template_id: string | null;
  contract_start_date: string | null;
  start_date: string;
  target_go_live_date: string | null;
  actual_go_live_date: string | null;
  budget_hours: number;
  opportunity_ref: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EngagementMembersTable {
  engagement_id: string;
  member_id: string;
}
