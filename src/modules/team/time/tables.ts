import type { TimeCategory } from '../contract/time-entries.js';

/** Time entries (DESIGN §2: the team module owns them); merged into the `Database` interface in src/db/schema.ts. */
export interface TimeEntryTables {
  time_entries: TimeEntriesTable;
}

export interface TimeEntriesTable {
  id: string;
  member_id: string;
  minutes: number;
  category: TimeCategory;
  ticket_id: string | null;
  engagement_id: string | null; // no foreign key until the delivery module's engagements exist
  account_id: string | null;
  task_id: string | null; // an engagement task (delivery module), when the time was logged on one
  opportunity_id: string | null; // a presales opportunity (issue 17)
  interaction_id: string | null; // an accounts interaction (issue 17)
  billable: number; // 0/1 on both dialects
  note: string | null;
  started_at: string;
  created_at: string;
}
