import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../../../../kernel/errors.js';
import { thisUrlWith } from './urls.js';

/**
 * Zendesk's two ways of paging a list (Support API reference, "Pagination"):
 * - offset: `page` (from 1) and `per_page` (≤ 100); the answer carries `next_page`,
 *   `previous_page` (absolute URLs or null) and `count` (the total);
 * - cursor: `page[size]` (≤ 100), `page[after]` / `page[before]`; the answer carries
 *   `meta: {has_more, after_cursor, before_cursor}` and `links: {next, prev}`.
 * A list route spreads `pagingQuery` into its query schema and asks `isCursorPaging` which one the
 * client chose. Cursors are opaque base64url JSON of the last row's sort key.
 */
export const MAX_PAGE_SIZE = 100;

export const pagingQuery = {
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
  per_page: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  'page[size]': z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  'page[after]': z.string().max(1000).optional(),
  'page[before]': z.string().max(1000).optional(),
};
export const pagingQuerySchema = z.object(pagingQuery);
export type PagingQuery = z.infer<typeof pagingQuerySchema>;

export function isCursorPaging(query: PagingQuery): boolean {
  return query['page[size]'] !== undefined || query['page[after]'] !== undefined || query['page[before]'] !== undefined;
}

export interface OffsetPage {
  page: number;
  perPage: number;
  offset: number;
}

export function offsetPage(query: PagingQuery, defaultSize = MAX_PAGE_SIZE): OffsetPage {
  const page = query.page ?? 1;
  const perPage = query.per_page ?? defaultSize;
  return { page, perPage, offset: (page - 1) * perPage };
}

/** `{ <key>: items, next_page, previous_page, count }` */
export function offsetEnvelope<K extends string, T>(request: FastifyRequest, key: K, items: T[], page: OffsetPage, count: number) {
  const hasNext = page.offset + items.length < count;
  return {
    [key]: items,
    next_page: hasNext ? thisUrlWith(request, { page: page.page + 1, per_page: page.perPage }) : null,
    previous_page: page.page > 1 ? thisUrlWith(request, { page: page.page - 1, per_page: page.perPage }) : null,
    count,
  } as { [P in K]: T[] } & { next_page: string | null; previous_page: string | null; count: number };
}

export function cursorSize(query: PagingQuery, defaultSize = MAX_PAGE_SIZE): number {
  return query['page[size]'] ?? defaultSize;
}

/** `{ <key>: items, meta: {has_more, after_cursor, before_cursor}, links: {next, prev} }` */
export function cursorEnvelope<K extends string, T>(
  request: FastifyRequest,
  key: K,
  items: T[],
  cursors: { hasMore: boolean; after: string | null; before: string | null },
) {
  return {
    [key]: items,
    meta: { has_more: cursors.hasMore, after_cursor: cursors.after, before_cursor: cursors.before },
    links: {
      next: cursors.hasMore && cursors.after ? thisUrlWith(request, { 'page[after]': cursors.after, 'page[before]': null }) : null,
      prev: cursors.before ? thisUrlWith(request, { 'page[before]': cursors.before, 'page[after]': null }) : null,
    },
  } as { [P in K]: T[] } & {
    meta: { has_more: boolean; after_cursor: string | null; before_cursor: string | null };
    links: { next: string | null; prev: string | null };
  };
}

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key inside a cursor, checked by `schema`; a cursor that is not ours is a 400. */
export function decodeCursor<T>(cursor: string, schema: z.ZodType<T>): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: not base64url JSON
  }
  throw errors.validation('page[after]: not a cursor this API gave out', { location: 'querystring', field: 'page[after]' });
}
