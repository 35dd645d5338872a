import { z } from 'zod';
import { errors } from '../../app/errors.js';

/** A page of a list plus the opaque cursor for the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageQuery = {
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Keyset cursors: the sort value and id of the last row, so the next page starts strictly after
 * it in one indexed range scan, however deep the page.
 */
export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { sortValue: string | number | null; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const [sortValue, id] = parsed as [unknown, string];
      if (sortValue === null || typeof sortValue === 'string' || typeof sortValue === 'number') return { sortValue, id };
    }
  } catch {
    // fall through to the error below
  }
  throw errors.invalidCursor();
}

/** Splits the `limit + 1` rows a query fetched into a page and its next cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}
