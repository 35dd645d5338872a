import fs from 'node:fs';
import { exportLines, readLineAt } from './export-lines.js';
import { recordsOf } from './export-records.js';
import { idKey, type ZendeskComment, type ZendeskTicketEvent } from './zendesk-records.js';

/** A batch's comments are read in one piece up to this size; beyond it, line by line. */
const MAX_SPAN_BYTES = 32 << 20;

/**
 * Comments kept apart from their tickets (a `ticket_comments` file with `ticket_id`, or the ticket
 * event export whose child events of type Comment are the conversation). One pass notes where each
 * ticket's lines sit; a ticket's comments are then read back by offset, so a million tickets' four
 * million comments never sit in memory at once.
 */
export class CommentIndex {
  private readonly lines = new Map<string, number[]>();
  private readonly inMemory = new Map<string, ZendeskComment[]>();
  private handle: fs.promises.FileHandle | null = null;
  private cached: { offset: number; records: unknown[] } | null = null;
  private span: { start: number; bytes: Buffer } | null = null;

  private constructor(
    private readonly file: string,
    private readonly shape: 'comments' | 'ticket_events',
  ) {}

  static async build(file: string, shape: 'comments' | 'ticket_events'): Promise<CommentIndex> {
    const index = new CommentIndex(file, shape);
    await index.scan();
    return index;
  }

  private async scan(): Promise<void> {
    let first = true;
    for await (const line of exportLines(this.file)) {
      const text = line.text.trim();
      if (!text) continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        if (first) return this.loadWhole();
        continue; // a broken line holds no comment this index could return; the ticket falls back to its description
      }
      first = false;
      const seen = new Set<string>();
      for (const record of recordsOf(value, this.shape) as { ticket_id?: string | number }[]) {
        const key = idKey(record.ticket_id);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        const at = this.lines.get(key);
        if (at) at.push(line.offset, line.length);
        else this.lines.set(key, [line.offset, line.length]);
      }
    }
  }

  /** A pretty-printed file is small enough to hold (Zendesk pages are; a big export is JSON Lines). */
  private async loadWhole(): Promise<void> {
    const records = recordsOf(JSON.parse(await fs.promises.readFile(this.file, 'utf8')), this.shape);
    for (const record of records) {
      for (const comment of this.commentsIn(record)) {
        const key = idKey(comment.ticket_id);
        if (!key) continue;
        this.inMemory.set(key, [...(this.inMemory.get(key) ?? []), comment]);
      }
    }
  }

  async commentsOf(ticketId: string): Promise<ZendeskComment[]> {
    const held = this.inMemory.get(ticketId);
    if (held) return sortComments(held);
    const at = this.lines.get(ticketId);
    if (!at) return [];
    this.handle ??= await fs.promises.open(this.file, 'r');
    const found: ZendeskComment[] = [];
    for (let i = 0; i < at.length; i += 2) {
      const records = await this.recordsAt(at[i]!, at[i + 1]!);
      for (const record of records)
        for (const comment of this.commentsIn(record)) if (idKey(comment.ticket_id) === ticketId) found.push(comment);
    }
    return sortComments(found);
  }

  /**
   * Reads the stretch of the file holding a batch of tickets' comments in one go. Exports list
   * comments ticket by ticket, so a batch's lines are usually neighbours: one read instead of
   * one per line (which left the importer waiting on the disk thread pool).
   */
  async prefetch(ticketIds: string[]): Promise<void> {
    let start = Infinity;
    let end = 0;
    for (const id of ticketIds) {
      const at = this.lines.get(id) ?? [];
      for (let i = 0; i < at.length; i += 2) {
        start = Math.min(start, at[i]!);
        end = Math.max(end, at[i]! + at[i + 1]!);
      }
    }
    this.span = null;
    if (end <= start || end - start > MAX_SPAN_BYTES) return;
    this.handle ??= await fs.promises.open(this.file, 'r');
    const bytes = Buffer.alloc(end - start);
    await this.handle.read(bytes, 0, bytes.length, start);
    this.span = { start, bytes };
  }

  private async recordsAt(offset: number, length: number): Promise<unknown[]> {
    // A page-per-line file puts many tickets' comments on one line: parse it once for all of them.
    if (this.cached?.offset === offset) return this.cached.records;
    const span = this.span;
    const text =
      span && offset >= span.start && offset + length <= span.start + span.bytes.length
        ? span.bytes.toString('utf8', offset - span.start, offset - span.start + length)
        : await readLineAt(this.handle!, offset, length);
    const records = recordsOf(JSON.parse(text), this.shape);
    this.cached = { offset, records };
    return records;
  }

  /** A comments-file record is a comment; an event's Comment child events are, with the event's ticket and time. */
  private commentsIn(record: unknown): ZendeskComment[] {
    if (this.shape === 'comments') return [record as ZendeskComment];
    const event = record as ZendeskTicketEvent;
    return (event.child_events ?? [])
      .filter((child) => child.event_type === 'Comment' || child.event_type === 'VoiceComment')
      .map((child) => ({
        ...child,
        ticket_id: event.ticket_id,
        author_id: child.author_id ?? event.updater_id,
        created_at: child.created_at ?? event.created_at ?? (event.timestamp ? new Date(event.timestamp * 1000).toISOString() : null),
      }));
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }
}

/** Oldest first; Zendesk's ids grow with time, so they break ties between comments of one second. */
export function sortComments(comments: ZendeskComment[]): ZendeskComment[] {
  return [...comments].sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? '') || Number(a.id ?? 0) - Number(b.id ?? 0));
}
