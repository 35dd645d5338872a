import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { TIME_LINK_FIELDS } from '../contract/time-entries.js';
import { linkLabels } from './time-links.js';
import { daysBetween } from './week-days.js';
import { entriesOnDays, linksOfRow, type TimeMember } from './timesheet-service.js';

export const EXPORT_COLUMNS = [
  'Member',
  'Date',
  'Category',
  'Minutes',
  'Hours',
  'Billable',
  'Account',
  'Engagement',
  'Task',
  'Ticket',
  'Opportunity',
  'Interaction',
  'Note',
] as const;

type ExportRow = [string, string, string, number, number, 'yes' | 'no', string, string, string, string, string, string, string];

/** Text a spreadsheet would run as a formula (= + - @, or a leading tab/CR) is quoted with ' (CSV injection). */
function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * One row per entry of a member between two dates (inclusive, in the member's time zone), oldest
 * first; each link shows the record's name, or its id when the record is gone.
 */
export async function exportRows(db: Kysely<Database>, member: TimeMember, from: string, to: string): Promise<ExportRow[]> {
  if (from > to || daysBetween(from, to) > 366) throw errors.timeExportRangeInvalid({ field: 'to' });
  const entries = await entriesOnDays(db, member, from, to);
  const labels = await linkLabels(db, entries.map(linksOfRow));
  return entries.map((e) => {
    const links = linksOfRow(e);
    const [account, engagement, task, ticket, opportunity, interaction] = TIME_LINK_FIELDS.map((field) => {
      const id = links[field];
      return id ? safeText(labels.get(`${field}:${id}`) ?? id) : '';
    });
    const minutes = Number(e.minutes);
    return [
      safeText(member.name),
      e.day,
      e.category,
      minutes,
      Math.round((minutes / 60) * 100) / 100,
      Number(e.billable) ? 'yes' : 'no',
      account!,
      engagement!,
      task!,
      ticket!,
      opportunity!,
      interaction!,
      safeText(e.note ?? ''),
    ];
  });
}

export function timeCsv(rows: readonly ExportRow[]): string {
  return stringify([[...EXPORT_COLUMNS], ...rows]);
}

export async function timeWorkbook(rows: readonly ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Time');
  sheet.columns = EXPORT_COLUMNS.map((header) => ({ header, width: header === 'Note' ? 50 : header.length < 8 ? 10 : 24 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
