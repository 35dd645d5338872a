/** Runbooks and their runs on tickets (merged into the one `Database` interface in src/db/schema.ts). */
export interface RunbookTables {
  runbooks: RunbooksTable;
  runbook_runs: RunbookRunsTable;
  runbook_run_steps: RunbookRunStepsTable;
}

export type RunbookStatus = 'active' | 'archived';
export type RunStatus = 'in_progress' | 'resolved' | 'escalated';
export type StepOutcome = 'done' | 'failed' | 'skipped';

export interface RunbooksTable {
  id: string;
  title: string;
  description: string;
  tags: string; // JSON string[]
  keywords: string; // JSON string[]
  steps: string; // JSON RunbookStep[]
  status: RunbookStatus;
  owner_id: string;
  created_at: string;
  updated_at: string;
}

export interface RunbookRunsTable {
  id: string;
  runbook_id: string;
  ticket_id: string;
  /** The title and steps as they were when the run started: editing the runbook later does not rewrite a run. */
  runbook_title: string;
  steps: string; // JSON RunbookStep[]
  status: RunStatus;
  started_by: string | null;
  started_at: string;
  finished_by: string | null;
  finished_at: string | null;
}

export interface RunbookRunStepsTable {
  run_id: string;
  step_index: number;
  outcome: StepOutcome;
  input: string | null;
  note: string | null;
  member_id: string | null;
  at: string;
}
