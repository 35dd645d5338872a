import type { EngagementKind, EngagementStatus, PocVerdict, TaskStatus } from '../contract/kinds.js';

/** Engagements and their plans (DESIGN §2, delivery); merged into `Database` in src/db/schema.ts. */
export interface EngagementTables {
  engagements: EngagementsTable;
  engagement_members: EngagementMembersTable;
  engagement_templates: EngagementTemplatesTable;
  template_phases: TemplatePhasesTable;
  template_tasks: TemplateTasksTable;
  template_task_dependencies: TemplateTaskDependenciesTable;
  engagement_phases: EngagementPhasesTable;
  engagement_tasks: EngagementTasksTable;
  task_dependencies: TaskDependenciesTable;
  task_comments: TaskCommentsTable;
}

// The value lists live in the contract (the web app shares them); re-exported for the server's files.
export { ENGAGEMENT_KINDS, ENGAGEMENT_STATUSES, POC_VERDICTS, TASK_STATUSES } from '../contract/kinds.js';
export type { EngagementKind, EngagementStatus, PocVerdict, TaskStatus } from '../contract/kinds.js';

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
  /** The presales opportunity (deal) this engagement serves; a proof of concept's verdict sets its technical win. */
  opportunity_id: string | null;
  poc_verdict: PocVerdict | null;
  poc_verdict_note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface EngagementMembersTable {
  engagement_id: string;
  member_id: string;
}

export interface EngagementTemplatesTable {
  id: string;
  name: string;
  kind: EngagementKind;
  description: string | null;
  archived: number; // 0/1 on both dialects
  created_at: string;
  updated_at: string;
}

export interface TemplatePhasesTable {
  id: string;
  template_id: string;
  name: string;
  position: number;
}

export interface TemplateTasksTable {
  id: string;
  template_id: string;
  phase_id: string;
  key: string;
  position: number;
  title: string;
  description: string | null;
  owner_side: 'team' | 'customer';
  owner_role: string | null;
  start_offset_days: number;
  duration_days: number;
  customer_visible: number;
  milestone: number;
}

export interface TemplateTaskDependenciesTable {
  template_id: string;
  task_key: string;
  depends_on_key: string;
}

export interface EngagementPhasesTable {
  id: string;
  engagement_id: string;
  name: string;
  position: number;
}

export interface EngagementTasksTable {
  id: string;
  engagement_id: string;
  phase_id: string | null;
  position: number;
  title: string;
  description: string | null;
  owner_type: 'member' | 'contact' | null;
  owner_id: string | null;
  customer_visible: number;
  milestone: number;
  start_date: string;
  due_date: string;
  status: TaskStatus;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface TaskDependenciesTable {
  task_id: string;
  depends_on_id: string;
  engagement_id: string;
}

export interface TaskCommentsTable {
  id: string;
  task_id: string;
  author_type: 'member' | 'contact';
  author_id: string;
  body: string;
  created_at: string;
}
