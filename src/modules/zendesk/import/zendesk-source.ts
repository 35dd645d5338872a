import type { ExportRecord } from './export-records.js';
import type { ZendeskAttachment, ZendeskComment, ZendeskTicket } from './zendesk-records.js';

/** The record sets an import reads, in the order it reads them (each one needs the ones before). */
export const EXPORT_KINDS = [
  'organizations',
  'groups',
  'group_memberships',
  'users',
  'ticket_fields',
  'macros',
  'satisfaction_ratings',
  'tickets',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * Where an import reads Zendesk's records: an export folder or a live Zendesk-compatible API. Both
 * hand back the reference's JSON objects, so the mapping and the writing are the same for both.
 */
export interface ZendeskSource {
  /** Names the source in `import_external_ids`: the same folder or site imports idempotently. */
  readonly name: string;
  /** The records of one kind after the first `from` (a resumed run's checkpoint); empty when the export has none. */
  records<T>(kind: ExportKind, from: number): AsyncIterable<ExportRecord<T>>;
  /** A hint before a batch's commentsOf calls, so a source can read them in one go. */
  prefetchComments?(tickets: ZendeskTicket[]): Promise<void>;
  /** Comments of a ticket, oldest first: inline, from a comments or events file, or fetched. */
  commentsOf(ticket: ZendeskTicket): Promise<ZendeskComment[]>;
  /** An attachment's bytes, or null when the export does not hold them. */
  attachment(attachment: ZendeskAttachment): Promise<Buffer | null>;
  close(): Promise<void>;
}
