import type { OpportunityStage, TechnicalWinStatus } from '../contract/kinds.js';

/** Opportunities, deal-support requests and demos (migration 0025). */
export interface OpportunityTables {
  opportunities: OpportunitiesTable;
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
