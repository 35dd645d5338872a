import { z } from 'zod';

// Shared by every module's contract and by the web app: how a list is asked for and answered.

/** Query parameters of a cursor-paged list. */
export const pageQuery = {
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page’s nextCursor'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
