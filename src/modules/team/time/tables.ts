/** Time entries (DESIGN §2: the team module owns them); merged into the `Database` interface in src/db/schema.ts. */
export interface TimeEntryTables {
  time_entries: TimeEntriesTable;
}

/**
 * DESIGN §1: the categories separate hands-on technical work from scripted routine work,
 * customer time, management and internal work, so the team view can tell who works as a
 * customer-facing engineer.
 */
export const TIME_CATEGORIES = ['engineering', 'routine', 'customer', 'management', 'internal'] as const;
export type TimeCategory = (typeof TIME_CATEGORIES)[number];

export interface TimeEntriesTable {
  id: string;
  member_id: string;
  minutes: number;
  category: TimeCategory;
  ticket_id: string | null;
  engagement_id: string | null; // no foreign key until the delivery module's engagements exist
  account_id: string | null;
  task_id: string | null; // an engagement task (delivery module), when the time was logged on one
  note: string | null;
  started_at: string;
  created_at: string;
}
