/** What a member is told in the app (the bell); merged into `Database` in src/db/schema.ts. */
export interface NotificationTables {
  notifications: NotificationsTable;
}

export interface NotificationsTable {
  id: string;
  member_id: string;
  kind: string;
  title: string;
  body: string;
  /** The workbench path the notification opens. */
  link: string | null;
  /** The e-mail that told the member too, when one was sent. */
  outbox_email_id: string | null;
  created_at: string;
  read_at: string | null;
}
