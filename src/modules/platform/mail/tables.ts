/** The mail outbox: every outbound e-mail, written in the transaction of the change that sends it. */
export interface MailTables {
  outbox_emails: OutboxEmailsTable;
  outbox_email_attachments: OutboxEmailAttachmentsTable;
}

export type OutboxStatus = 'queued' | 'sent' | 'failed';

export interface OutboxEmailsTable {
  id: string;
  to_addresses: string; // JSON string[]
  cc_addresses: string; // JSON string[]
  subject: string;
  text_body: string;
  html_body: string | null;
  /** JSON: Message-ID, In-Reply-To, References and any other header to send. */
  headers: string;
  ticket_id: string | null;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** A file sent with a queued mail (migration 0036), in the order it is attached. */
export interface OutboxEmailAttachmentsTable {
  id: string;
  email_id: string;
  position: number;
  filename: string;
  content_type: string;
  size_bytes: number;
  /** BLOB on SQLite, bytea on PostgreSQL; both drivers hand back a Buffer. */
  content: Buffer;
}
