import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { errors } from './errors.js';

/** A page of a list plus the opaque cursor for the next one (null on the last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export { pageQuery, pageSchema } from './contract/page.js';

/**
 * Keyset cursors: the sort value and id of the last row, so the next page starts strictly after
 * it in one indexed range scan, however deep the page.
 */
export function encodeCursor(sortValue: string | number | null, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

/** What a cursor's sort value must be for the column it pages over. */
export type CursorKind = 'string' | 'integer' | 'number' | 'date' | 'timestamp';

function fitsKind(value: string | number | null, kind: CursorKind): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
    case 'timestamp':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
  }
}

/**
 * The sort value and id a cursor carries. With `kind`, a cursor whose sort value does not fit the
 * column (hand-edited, or from another list) is refused with 400 rather than reaching the database.
 */
export function decodeCursor(cursor: string, kind?: CursorKind): { sortValue: string | number | null; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string') {
      const [sortValue, id] = parsed as [unknown, string];
      if (sortValue === null || typeof sortValue === 'string' || typeof sortValue === 'number') {
        if (!kind || fitsKind(sortValue, kind)) return { sortValue, id };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw errors.invalidCursor();
}

/**
 * The keyset predicate of a list ordered by (sort column, id), both in `direction`: rows strictly
 * after the cursor's row. One indexed range scan however deep the page; every paged list uses it
 * instead of writing `(sort < x) or (sort = x and id < y)` by hand.
 *
 * @example query.where(keysetAfter('tickets.updated_at', 'tickets.id', decodeCursor(cursor, 'timestamp'), 'desc'))
 */
export function keysetAfter(
  sortColumn: string | RawBuilder<unknown>,
  idColumn: string,
  after: { sortValue: string | number | null; id: string },
  direction: 'asc' | 'desc',
): RawBuilder<SqlBool> {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  const sort = typeof sortColumn === 'string' ? sql.ref(sortColumn) : sortColumn;
  return sql<SqlBool>`(${sort} ${op} ${after.sortValue} or (${sort} = ${after.sortValue} and ${sql.ref(idColumn)} ${op} ${after.id}))`;
}

/** Splits the `limit + 1` rows a query fetched into a page and its next cursor. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * `column` contains (or starts with) `text` literally, case as given: the user's % and _ are not
 * wildcards. SQLite has no default LIKE escape character, so the clause names one.
 */
export function likeText(column: string | RawBuilder<string>, text: string, mode: 'contains' | 'prefix'): RawBuilder<SqlBool> {
  const pattern = mode === 'contains' ? `%${escapeLike(text)}%` : `${escapeLike(text)}%`;
  return sql<SqlBool>`${typeof column === 'string' ? sql.ref(column) : column} like ${pattern} escape '\\'`;
}
