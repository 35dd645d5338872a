import type ExcelJS from 'exceljs';

/** Text either database can hold: no NUL or other control characters (tabs and line breaks stay; PostgreSQL refuses NUL). */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}

/**
 * An XLSX cell's value as the text a person sees: a formula gives the result Excel saved with it
 * (never evaluated here; one never calculated is empty), a date becomes ISO 8601 (a date alone
 * when it has no time of day), rich text and hyperlinks their text, an error value (#N/A) nothing.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('error' in value) return '';
    if ('richText' in value) return cleanText(value.richText.map((r) => r.text).join(''));
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    return '';
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return cleanText(String(value));
}
