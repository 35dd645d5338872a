/** The e-mail channel's and attachments' tables (merged into `Database` in src/db/schema.ts). */
export interface EmailTables {
  outbox_emails: OutboxEmailsTable;
  inbound_emails: InboundEmailsTable;
  ticket_attachments: TicketAttachmentsTable;
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

export type InboundOutcome = 'ticket_created' | 'message_added' | 'ignored';

export interface InboundEmailsTable {
  message_id: string;
  sender: string;
  subject: string;
  outcome: InboundOutcome;
  ticket_id: string | null;
  ticket_message_id: string | null;
  received_at: string;
}

export interface TicketAttachmentsTable {
  id: string;
  ticket_id: string;
  message_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  /** Relative to the data folder, so the folder can move. */
  storage_path: string;
  created_at: string;
}
