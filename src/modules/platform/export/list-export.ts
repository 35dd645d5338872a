import type { FastifyReply } from 'fastify';
import { errors } from '../../../kernel/errors.js';
import type { Page } from '../../../kernel/pagination.js';
import type { ExportFormat } from '../contract/list-export.js';
import { csvStream } from './csv-export.js';
import type { ColumnKind, ExportColumn, ExportValue } from './export-columns.js';
import { xlsxStream } from './xlsx-export.js';

/** The most rows one export carries (the catalogue's `listExportTooLarge` message names it). */
export const MAX_EXPORT_ROWS = 100_000;
/** Each page the export asks its list for: the largest page every list's query schema accepts. */
const EXPORT_PAGE_SIZE = 200;

/**
 * A list to export: its file name, its columns, and how to read one page of it. `page` calls the
 * list route's own service with the request's filters, so the export shows what the screen shows,
 * to the same member, in the same order.
 */
export interface ListExport<T> {
  /** The file name's stem, e.g. `tickets` → `tickets-2026-12-04.xlsx`; also the XLSX sheet's name. */
  name: string;
  columns: ExportColumn<T>[];
  page: (paging: { cursor: string | undefined; limit: number }) => Promise<Page<T>>;
  /** Tests lower it; every route keeps the default. */
  maxRows?: number;
}

/**
 * Every row of a list, walking its keyset pages to the end, as cell values. Read before a byte is
 * sent, so a list over the limit is refused with a 422 rather than cut off mid-file.
 */
export async function exportRows<T>(list: ListExport<T>): Promise<ExportValue[][]> {
  const maxRows = list.maxRows ?? MAX_EXPORT_ROWS;
  const rows: ExportValue[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list.page({ cursor, limit: EXPORT_PAGE_SIZE });
    if (rows.length + page.items.length > maxRows) throw errors.listExportTooLarge({ field: 'format', limit: maxRows });
    for (const item of page.items) rows.push(list.columns.map((column) => column.value(item)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** `tickets-2026-12-04.csv`: what the list is and the day it was taken (UTC). */
export function exportFileName(name: string, format: ExportFormat, now = new Date()): string {
  return `${name}-${now.toISOString().slice(0, 10)}.${format}`;
}

/**
 * Answers an export route: the whole filtered list as a CSV or XLSX download.
 *
 * @example
 * async (request, reply) => sendListExport(reply, request.query.format, {
 *   name: 'accounts', columns: ACCOUNT_COLUMNS, page: (paging) => listAccounts(db(), { ...request.query, ...paging }),
 * })
 */
export async function sendListExport<T>(reply: FastifyReply, format: ExportFormat, list: ListExport<T>): Promise<FastifyReply> {
  const rows = await exportRows(list);
  const headers = list.columns.map((c) => c.header);
  const kinds: ColumnKind[] = list.columns.map((c) => c.kind ?? 'text');
  const body = format === 'csv' ? csvStream(headers, kinds, rows) : xlsxStream(list.name, headers, kinds, rows);
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${exportFileName(list.name, format)}"`)
    .header('cache-control', 'no-store')
    .send(body);
}
