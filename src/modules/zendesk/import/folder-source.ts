import fs from 'node:fs';
import path from 'node:path';
import { CommentIndex, sortComments } from './comment-index.js';
import { exportRecords, type ExportRecord } from './export-records.js';
import type { ExportKind, ZendeskSource } from './zendesk-source.js';
import { idKey, type ZendeskAttachment, type ZendeskComment, type ZendeskTicket } from './zendesk-records.js';

const EXTENSIONS = ['.jsonl', '.ndjson', '.json'];

/** The file names each kind goes by, as Zendesk's export APIs and common export tools name them. */
const FILE_NAMES: Record<ExportKind | 'comments' | 'ticket_events', string[]> = {
  organizations: ['organizations'],
  groups: ['groups'],
  group_memberships: ['group_memberships'],
  users: ['users'],
  ticket_fields: ['ticket_fields'],
  macros: ['macros'],
  satisfaction_ratings: ['satisfaction_ratings'],
  tickets: ['tickets'],
  comments: ['ticket_comments', 'comments'],
  ticket_events: ['ticket_events'],
};

/** An export folder: `<kind>.json` or `.jsonl` files and, when present, an `attachments/` folder. */
export class FolderSource implements ZendeskSource {
  readonly name: string;
  private comments: CommentIndex | null | undefined;
  private attachmentFiles: Map<string, string> | undefined;

  constructor(private readonly folder: string) {
    this.name = `zendesk:${path.basename(path.resolve(folder))}`;
  }

  /** The export's file for a kind, or null when it has none. */
  fileOf(kind: keyof typeof FILE_NAMES): string | null {
    for (const base of FILE_NAMES[kind])
      for (const ext of EXTENSIONS) {
        const file = path.join(this.folder, base + ext);
        if (fs.existsSync(file)) return file;
      }
    return null;
  }

  async *records<T>(kind: ExportKind, from: number): AsyncGenerator<ExportRecord<T>> {
    const file = this.fileOf(kind);
    if (file) yield* exportRecords<T>(file, kind, from);
  }

  async prefetchComments(tickets: ZendeskTicket[]): Promise<void> {
    const apart = tickets.filter((t) => !t.comments?.length);
    if (!apart.length) return;
    await this.commentIndex();
    await this.comments?.prefetch(apart.map((t) => idKey(t.id)!).filter(Boolean));
  }

  private async commentIndex(): Promise<void> {
    if (this.comments === undefined) {
      const comments = this.fileOf('comments');
      const events = comments ? null : this.fileOf('ticket_events');
      this.comments = comments
        ? await CommentIndex.build(comments, 'comments')
        : events
          ? await CommentIndex.build(events, 'ticket_events')
          : null;
    }
  }

  async commentsOf(ticket: ZendeskTicket): Promise<ZendeskComment[]> {
    if (ticket.comments?.length) return sortComments(ticket.comments);
    await this.commentIndex();
    const key = idKey(ticket.id);
    return this.comments && key ? this.comments.commentsOf(key) : [];
  }

  async attachment(attachment: ZendeskAttachment): Promise<Buffer | null> {
    this.attachmentFiles ??= listAttachments(path.join(this.folder, 'attachments'));
    for (const name of candidateNames(attachment)) {
      const file = this.attachmentFiles.get(name);
      if (file) return fs.promises.readFile(file);
    }
    return null;
  }

  async close(): Promise<void> {
    await this.comments?.close();
  }
}

/**
 * The names an attachment's file may have in the folder, most specific first: by Zendesk id
 * (`123`, `123-report.pdf`, `123/report.pdf`), then by file name or content_url's last segment.
 */
function candidateNames(attachment: ZendeskAttachment): string[] {
  const id = idKey(attachment.id);
  const name = attachment.file_name ?? null;
  const urlName = attachment.content_url ? decodeURIComponent(attachment.content_url.split('?')[0]!.split('/').pop() ?? '') : null;
  return [
    ...(id ? [id, ...(name ? [`${id}-${name}`, `${id}_${name}`, `${id}/${name}`] : [])] : []),
    ...(name ? [name] : []),
    ...(urlName ? [urlName] : []),
  ];
}

/** Every file under attachments/, by its path there and by its bare name. */
function listAttachments(folder: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!fs.existsSync(folder)) return files;
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, full).split(path.sep).join('/'), full);
    if (!files.has(entry.name)) files.set(entry.name, full);
  }
  return files;
}
