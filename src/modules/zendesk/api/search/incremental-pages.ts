import { z } from 'zod';
import { errors } from '../../../../kernel/errors.js';

/**
 * The two page shapes of Zendesk's incremental exports (Support API reference → Incremental
 * Exports), over any records read in (updated_at, id) order.
 *
 * Time-based: `start_time` is a Unix second and a page's `end_time` the next page's start. Many
 * records can share a second, so a full page never ends part-way through one: the records of its
 * last second are left to the next page (which starts at that second), and each record changed
 * since the first start_time comes exactly once until `end_of_stream`. Should one second hold
 * more records than a page, the page takes that whole second. The last page's `end_time` is the
 * second of its last change, so polling again from it repeats that second's records (Zendesk
 * documents such repeats; clients dedupe by id and updated_at) rather than risk missing a change
 * made later in that second.
 *
 * Cursor-based: the cursor is the position after the last record, so nothing repeats and nothing
 * is skipped however many records share a time, and `after_cursor` is given even at the end of the
 * stream, to poll from later. A record changed again after it was exported moves to the end of the
 * order and is exported again, with its new state, as Zendesk does.
 */

export interface ChangeRow {
  id: string;
  updatedAt: string;
}

export interface ChangeWindow {
  from: string;
  to?: string;
  after?: ChangeRow | null;
  limit: number;
}

export type ChangeFetch<T extends ChangeRow = ChangeRow> = (window: ChangeWindow) => Promise<T[]>;

/** The most a time-based page takes when one second holds more changes than a page. */
const WHOLE_SECOND_CAP = 50_000;

const secondOf = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const isoOf = (second: number) => new Date(second * 1000).toISOString();

/** `start_time` checked as Zendesk checks it: a Unix second, not negative, not in the future. */
export function parseStartTime(raw: string | undefined, now: Date): number {
  if (raw === undefined || raw === '') throw errors.incrementalStartTimeMissing();
  if (!/^-?\d{1,12}$/.test(raw.trim())) throw errors.incrementalStartTimeInvalid();
  const value = Number(raw.trim());
  if (value < 0) throw errors.incrementalStartTimeInvalid();
  if (value > Math.floor(now.getTime() / 1000)) throw errors.incrementalStartTimeTooRecent();
  return value;
}

export interface TimeBasedPage<T extends ChangeRow> {
  rows: T[];
  endTime: number;
  endOfStream: boolean;
}

export async function timeBasedPage<T extends ChangeRow>(
  fetch: ChangeFetch<T>,
  startTime: number,
  perPage: number,
): Promise<TimeBasedPage<T>> {
  const from = isoOf(startTime);
  const rows = await fetch({ from, limit: perPage + 1 });
  if (rows.length <= perPage) {
    const last = rows[rows.length - 1];
    return { rows, endTime: last ? Math.max(startTime, secondOf(last.updatedAt)) : startTime, endOfStream: true };
  }
  const page = rows.slice(0, perPage);
  const lastSecond = secondOf(page[page.length - 1]!.updatedAt);
  const kept = page.filter((r) => secondOf(r.updatedAt) < lastSecond);
  if (kept.length) return { rows: kept, endTime: lastSecond, endOfStream: false };
  const whole = await fetch({ from, to: isoOf(lastSecond + 1), limit: WHOLE_SECOND_CAP });
  return { rows: whole, endTime: lastSecond + 1, endOfStream: false };
}

/** Where a cursor-based export stands: its start, and the last record it handed out. */
const cursorSchema = z.tuple([z.iso.datetime(), z.iso.datetime().nullable(), z.string().max(64).nullable()]);

export function encodeExportCursor(from: string, after: ChangeRow | null): string {
  return Buffer.from(JSON.stringify([from, after?.updatedAt ?? null, after?.id ?? null]), 'utf8').toString('base64url');
}

export function decodeExportCursor(cursor: string): { from: string; after: ChangeRow | null } {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) {
      const [from, updatedAt, id] = parsed.data;
      return { from, after: updatedAt !== null && id !== null ? { updatedAt, id } : null };
    }
  } catch {
    // not base64url JSON: refused below
  }
  throw errors.incrementalBadCursor();
}

export interface CursorPage<T extends ChangeRow> {
  rows: T[];
  afterCursor: string;
  endOfStream: boolean;
}

export async function cursorPage<T extends ChangeRow>(
  fetch: ChangeFetch<T>,
  position: { from: string; after: ChangeRow | null },
  perPage: number,
): Promise<CursorPage<T>> {
  const rows = await fetch({ from: position.from, after: position.after, limit: perPage + 1 });
  const page = rows.slice(0, perPage);
  const last: ChangeRow | null = page[page.length - 1] ?? position.after;
  return { rows: page, afterCursor: encodeExportCursor(position.from, last), endOfStream: rows.length <= perPage };
}

/** Two change lists merged in (updated_at, id) order, cut to `limit`: users are members and contacts. */
export function mergeChanges<T extends ChangeRow>(a: T[], b: T[], limit: number): T[] {
  return [...a, ...b]
    .sort((x, y) => (x.updatedAt === y.updatedAt ? (x.id < y.id ? -1 : x.id > y.id ? 1 : 0) : x.updatedAt < y.updatedAt ? -1 : 1))
    .slice(0, limit);
}
