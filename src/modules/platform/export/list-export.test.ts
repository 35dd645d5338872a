import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.js';
import { neutraliseFormula } from './csv-export.js';
import { exportFileName, exportRows, MAX_EXPORT_ROWS, type ListExport } from './list-export.js';

interface Row {
  id: number;
}

/** A list of `total` rows served in keyset pages, counting how often it was read. */
function listOf(total: number, maxRows?: number): ListExport<Row> & { reads: number } {
  const list = {
    reads: 0,
    name: 'rows',
    maxRows,
    columns: [{ header: 'Id', kind: 'number' as const, value: (r: Row) => r.id }],
    page: async ({ cursor, limit }: { cursor: string | undefined; limit: number }) => {
      list.reads += 1;
      const from = cursor ? Number(cursor) : 0;
      const items = Array.from({ length: Math.max(0, Math.min(limit, total - from)) }, (_, i) => ({ id: from + i }));
      return { items, nextCursor: from + limit < total ? String(from + limit) : null };
    },
  };
  return list;
}

describe('list export', () => {
  it('walks every keyset page to the end, in order', async () => {
    const list = listOf(450);
    const rows = await exportRows(list);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 450 }, (_, i) => i));
    expect(list.reads).toBe(3);
  });

  it('refuses a list over the limit with a 422 naming the limit, before anything is sent', async () => {
    const error = await exportRows(listOf(401, 400)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'list_export.too_large', statusCode: 422, details: { limit: 400 } });
    expect((error as AppError).message).toContain('100,000');
    expect(MAX_EXPORT_ROWS).toBe(100_000);
    await expect(exportRows(listOf(400, 400))).resolves.toHaveLength(400);
  });

  it('quotes text a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('Plain – café')).toBe('Plain – café');
  });

  it('names the file after the list and the day', () => {
    expect(exportFileName('tickets', 'xlsx', new Date('2026-12-04T23:59:00Z'))).toBe('tickets-2026-12-04.xlsx');
  });
});
