import type { RequirementFit, RequirementPriority, SowStatus } from '../contract/solutions.js';

/** Requirements, solution designs with their versions, the rate card and statements of work (migration 0027). */
export interface SolutionTables {
  requirements: RequirementsTable;
  solution_designs: SolutionDesignsTable;
  solution_design_versions: SolutionDesignVersionsTable;
  solution_design_requirements: SolutionDesignRequirementsTable;
  rate_card_roles: RateCardRolesTable;
  statements_of_work: StatementsOfWorkTable;
  sow_items: SowItemsTable;
}

export interface RequirementsTable {
  id: string;
  opportunity_id: string;
  /** The customer's own id ("R-12"), unique per opportunity ignoring case and spaces around it. */
  reference: string | null;
  /** `reference` trimmed and lower-cased: the unique key. */
  reference_key: string | null;
  text: string;
  section: string | null;
  priority: RequirementPriority;
  fit: RequirementFit;
  notes: string | null;
  position: number;
  /** The feedback item captured the first time the requirement was marked a gap (feedback module). */
  feedback_item_id: string | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SolutionDesignsTable {
  id: string;
  opportunity_id: string;
  /** The latest version's title. */
  title: string;
  /** The latest version number. */
  version: number;
  created_by: string | null;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Every save of a design, never changed after it is written. */
export interface SolutionDesignVersionsTable {
  id: string;
  design_id: string;
  version: number;
  title: string;
  body: string;
  note: string | null;
  author_id: string | null;
  created_at: string;
}

export interface SolutionDesignRequirementsTable {
  design_id: string;
  requirement_id: string;
}

export interface RateCardRolesTable {
  id: string;
  name: string;
  /** `name` trimmed and lower-cased: the unique key. */
  name_key: string;
  description: string | null;
  hourly_rate: number;
  currency: string;
  /** 1 while the role can price new scope items. */
  active: number;
  created_at: string;
  updated_at: string;
}

export interface StatementsOfWorkTable {
  id: string;
  opportunity_id: string;
  title: string;
  summary: string;
  assumptions: string;
  out_of_scope: string;
  currency: string;
  status: SowStatus;
  sent_at: string | null;
  /** When it was accepted or declined. */
  decided_at: string | null;
  decided_by: string | null;
  decline_reason: string | null;
  /** The delivery engagement created on acceptance. */
  engagement_id: string | null;
  engagement_kind: 'professional_services' | 'implementation' | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SowItemsTable {
  id: string;
  sow_id: string;
  position: number;
  description: string;
  role_id: string | null;
  /** The role's name and rate copied when the item was priced. */
  role_name: string;
  hourly_rate: number;
  hours: number;
}
