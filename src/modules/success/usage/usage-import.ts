import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { accountRefs } from '../../accounts/index.js';
import { USAGE_BATCH_MAX, type EventResult, type UsageImportResult } from '../contract/usage.js';
import { ingestUsage } from './usage-intake.js';
import * as repo from './usage-repository.js';
import { sheetRows } from './sheet-rows.js';

/**
 * Historical usage from a CSV file or an Excel workbook (issue 15): each row becomes a usage event and goes through the
 * API's intake in batches of 1,000, so a file is checked, deduplicated and rolled up exactly as
 * posted events are. Errors are reported by the row number a spreadsheet shows (the header is row 1).
 */

export const IMPORT_MAX_ROWS = 200_000;
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

const COLUMNS = [
  'eventId',
  'account',
  'accountId',
  'accountExternalId',
  'accountDomain',
  'feature',
  'userId',
  'activeUsers',
  'quantity',
  'timestamp',
];
const canonical = new Map(COLUMNS.map((c) => [c.toLowerCase().replace(/[^a-z]/g, ''), c]));

function numberOrRaw(value: string | undefined): number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : value;
}

/**
 * Turns rows into events. The `account` column may hold an account id, an external id or an
 * e-mail domain: an id that exists wins, then an external id, else it is taken as a domain.
 */
async function rowsToEvents(db: Kysely<Database>, header: string[], rows: { line: number; cells: string[] }[]) {
  const cell = (cells: string[], column: string) => {
    const at = header.indexOf(column);
    const v = at >= 0 ? cells[at]?.trim() : undefined;
    return v === '' ? undefined : v;
  };
  const accounts = rows.map((r) => cell(r.cells, 'account')).filter((a): a is string => a !== undefined);
  const [ids, externalIds] = await Promise.all([accountRefs(db, accounts), repo.accountsOfExternalIds(db, [...new Set(accounts)])]);
  return rows.map(({ line, cells }) => {
    const account = cell(cells, 'account');
    const key =
      account === undefined
        ? {}
        : ids.has(account)
          ? { accountId: account }
          : externalIds.has(account)
            ? { accountExternalId: account }
            : { accountDomain: account };
    const value: Record<string, unknown> = {
      eventId: cell(cells, 'eventId'),
      ...key,
      accountId: cell(cells, 'accountId') ?? (key as { accountId?: string }).accountId,
      accountExternalId: cell(cells, 'accountExternalId') ?? (key as { accountExternalId?: string }).accountExternalId,
      accountDomain: cell(cells, 'accountDomain') ?? (key as { accountDomain?: string }).accountDomain,
      feature: cell(cells, 'feature'),
      userId: cell(cells, 'userId'),
      activeUsers: numberOrRaw(cell(cells, 'activeUsers')),
      quantity: numberOrRaw(cell(cells, 'quantity')),
      timestamp: cell(cells, 'timestamp'),
    };
    for (const k of Object.keys(value)) if (value[k] === undefined) delete value[k];
    return { index: line, value };
  });
}

/** Imports a CSV or XLSX file; `onBatch` runs after each committed batch with the accounts it touched. */
export async function importUsageFile(
  db: Kysely<Database>,
  file: { filename: string; content: Buffer },
  now: Date,
  onBatch: (accountIds: string[]) => Promise<void>,
): Promise<UsageImportResult> {
  const [headerRow, ...data] = await sheetRows(file);
  if (!headerRow) throw errors.validation('The file is empty: the first row names the columns.', { field: 'file' });
  const header = headerRow.map((h) => canonical.get(h.toLowerCase().replace(/[^a-z]/g, '')) ?? h.trim());
  const missing = ['eventId', 'feature', 'timestamp'].filter((c) => !header.includes(c));
  if (!header.some((h) => h.startsWith('account'))) missing.push('account');
  if (missing.length) throw errors.validation(`The header row lacks the column(s) ${missing.join(', ')}.`, { field: 'file', missing });
  if (data.length > IMPORT_MAX_ROWS)
    throw errors.validation(`A file holds at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows: split it.`, { field: 'file' });

  const total: UsageImportResult = { rows: data.length, accepted: 0, duplicates: 0, rejected: 0, results: [] };
  const rows = data.map((cells, i) => ({ line: i + 2, cells }));
  for (let start = 0; start < rows.length; start += USAGE_BATCH_MAX) {
    const events = await rowsToEvents(db, header, rows.slice(start, start + USAGE_BATCH_MAX));
    const { result, accountIds } = await ingestUsage(db, events, now);
    total.accepted += result.accepted;
    total.duplicates += result.duplicates;
    total.rejected += result.rejected;
    // The report lists the rows that need attention; accepted rows are only counted.
    total.results.push(...result.results.filter((r: EventResult) => r.status !== 'accepted'));
    await onBatch(accountIds);
  }
  return total;
}
