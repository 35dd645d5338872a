import type { Generated } from 'kysely';

/** The zendesk module's tables (migration 0040; merged into `Database` in src/db/schema.ts). */
export interface ZendeskTables {
  zendesk_numeric_ids: ZendeskNumericIdsTable;
  import_external_ids: ImportExternalIdsTable;
  import_runs: ImportRunsTable;
  import_skips: ImportSkipsTable;
  zendesk_job_statuses: ZendeskJobStatusesTable;
}

/** The kinds of record the API shows by number; tickets use `tickets.number` instead. */
export type NumericIdKind =
  'user' | 'organization' | 'group' | 'comment' | 'view' | 'ticket_field' | 'macro' | 'attachment' | 'satisfaction_rating';

export interface ZendeskNumericIdsTable {
  kind: NumericIdKind;
  numeric_id: number;
  /** A member's or a contact's id for kind `user`; the record's own id otherwise. */
  outpost_id: string;
}

export interface ImportExternalIdsTable {
  /** Where the rows came from: `zendesk:<subdomain or folder name>`. */
  source: string;
  kind: string;
  external_id: string;
  outpost_id: string;
  imported_at: string;
}

export interface ImportRunsTable {
  id: string;
  source: string;
  status: 'running' | 'finished' | 'failed';
  counts: string; // JSON {kind: {imported, unchanged, skipped}}
  checkpoint: string; // JSON: per export file, how far the run got
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface ImportSkipsTable {
  id: Generated<number>;
  run_id: string;
  kind: string;
  external_id: string | null;
  reason: string;
  at: string;
}

export interface ZendeskJobStatusesTable {
  id: string;
  member_id: string;
  job_type: string;
  status: 'queued' | 'working' | 'completed' | 'failed';
  total: number;
  progress: number;
  results: string; // JSON: Zendesk's job results [{id, index, action, success, status, error?}]
  message: string | null;
  created_at: string;
  updated_at: string;
}
