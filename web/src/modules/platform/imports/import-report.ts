import type { ImportResult } from './api';

/**
 * The rows an import did not write, as a CSV a person opens in Excel: row number, column, reason.
 * A cell starting with = + - or @ is prefixed with an apostrophe so a spreadsheet shows it as text
 * instead of running it (the report quotes values from the customer's file).
 */
export function reportCsv(rejected: ImportResult['rejected']): string {
  const cell = (value: string | number | null) => {
    const text = value === null ? '' : String(value);
    const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
    return `"${safe.replace(/"/g, '""')}"`;
  };
  const lines = [['Row', 'Column', 'Reason'].map(cell).join(',')];
  for (const r of rejected) lines.push([r.row, r.column ?? '(whole row)', r.message].map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Saves the report as a file, as a download link does. */
export function downloadReport(filename: string, rejected: ImportResult['rejected']): void {
  const url = URL.createObjectURL(new Blob([reportCsv(rejected)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
