/** The e-mail channel's inbound log and the attachments' tables (merged into `Database` in src/db/schema.ts). */
export interface EmailTables {
  inbound_emails: InboundEmailsTable;
  ticket_attachments: TicketAttachmentsTable;
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
