import { z } from 'zod';

/** The files a list screen exports to. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * The one parameter an export route adds to its list's query schema: the export takes exactly the
 * list's filters, so the file holds what the screen shows.
 *
 * @example querystring: ticketListQuery.extend(exportFormatQuery)
 */
export const exportFormatQuery = {
  format: z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with a byte-order mark, for Excel) or xlsx'),
};
