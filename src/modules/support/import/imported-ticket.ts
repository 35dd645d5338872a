import type { Channel, TicketPriority, TicketStatus, TicketType } from '../contract/kinds.js';

/**
 * What the bulk import writer takes (issue 18): a ticket from another desk (a Zendesk export) with
 * its whole history, already mapped to Outpost's ids by the importer.
 */

export interface ImportedAttachment {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface ImportedMessage {
  visibility: 'public' | 'internal';
  author: { type: 'member' | 'contact' | 'system'; id: string | null };
  body: string;
  via: 'web' | 'email' | 'portal' | 'api';
  /** ISO-8601: kept as the message's time. */
  createdAt: string;
  attachments: ImportedAttachment[];
}

export interface ImportedTicket {
  /** The source desk's number (Zendesk's id), kept when no ticket has it yet. */
  preferredNumber: number | null;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType | null;
  channel: Channel;
  /** A contact. */
  requesterId: string;
  accountId: string;
  assigneeId: string | null;
  groupId: string | null;
  tags: string[];
  customFields: { fieldId: string; value: string | number | boolean | string[] | null }[];
  createdAt: string;
  updatedAt: string;
  solvedAt: string | null;
  /** In any order: they are written oldest first. */
  messages: ImportedMessage[];
  satisfaction: { rating: 'good' | 'bad'; comment: string | null; ratedAt: string } | null;
}

export interface ImportedTicketResult {
  id: string;
  number: number;
  /** The messages' new ids, in the order the ticket's `messages` gave them. */
  messageIds: string[];
}
