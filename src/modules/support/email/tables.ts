/** The e-mail channel's inbound log and the attachments' tables (merged into `Database` in src/db/schema.ts). */
export interface EmailTables {
  inbound_emails: InboundEmailsTable;
  quarantined_emails: QuarantinedEmailsTable;
  ticket_attachments: TicketAttachmentsTable;
}

export type InboundOutcome = 'ticket_created' | 'message_added' | 'ignored' | 'quarantined';

export interface InboundEmailsTable {
  message_id: string;
  sender: string;
  subject: string;
  outcome: InboundOutcome;
  ticket_id: string | null;
  ticket_message_id: string | null;
  received_at: string;
  /** The raw message under the data folder (`raw-mail/<yyyy>/<mm>/<id>.eml`); null once retention removed it. */
  raw_path: string | null;
  /** What decoding had to repair (JSON string[]), e.g. NUL characters removed; null when nothing. */
  decode_notes: string | null;
}

export interface QuarantinedEmailsTable {
  id: string;
  message_id: string;
  reason: 'automated' | 'undecodable' | 'refused';
  /** Why, in words: the automated-mail header, the charset or encoding that failed, the refusal's code. */
  detail: string;
  sender: string;
  subject: string;
  raw_path: string | null;
  size_bytes: number;
  received_at: string;
  released_ticket_id: string | null;
  released_at: string | null;
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
