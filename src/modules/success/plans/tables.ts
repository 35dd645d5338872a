/** Success plans and renewal forecasts (migration 0022). */
export interface PlanTables {
  success_plans: SuccessPlansTable;
  success_plan_objectives: SuccessPlanObjectivesTable;
  success_plan_engagements: SuccessPlanEngagementsTable;
  renewal_forecasts: RenewalForecastsTable;
}

export type PlanStatus = 'draft' | 'active' | 'achieved' | 'abandoned';
export type ObjectiveStatus = 'on_track' | 'at_risk' | 'off_track' | 'achieved';
export type RenewalForecast = 'commit' | 'likely' | 'at_risk';

export interface SuccessPlansTable {
  id: string;
  account_id: string;
  title: string;
  /** The customer's desired outcomes, in their words. */
  outcomes: string;
  status: PlanStatus;
  owner_id: string | null;
  /** 1 when the customer's contacts see it in the portal. */
  customer_visible: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SuccessPlanObjectivesTable {
  id: string;
  plan_id: string;
  title: string;
  measure: string | null;
  baseline: number | null;
  target: number | null;
  current: number | null;
  unit: string | null;
  due_on: string | null;
  status: ObjectiveStatus;
  position: number;
}

export interface SuccessPlanEngagementsTable {
  plan_id: string;
  engagement_id: string;
}

export interface RenewalForecastsTable {
  account_id: string;
  forecast: RenewalForecast;
  note: string | null;
  updated_by: string | null;
  updated_at: string;
}
