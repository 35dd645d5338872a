/** The mail outbox: every outbound e-mail, written in the transaction of the change that sends it. */
export interface MailTables {
  outbox_emails: OutboxEmailsTable;
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
