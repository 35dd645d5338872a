import { make } from './make.js';

/**
 * Errors of list exports to CSV and XLSX (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under.
 */
export const listExportErrors = {
  /** details: { field: 'format', limit } — the list holds more rows than one export carries. */
  listExportTooLarge: make(
    'list_export.too_large',
    422,
    'This list has more than 100,000 rows, more than one export holds: narrow the filters and export each part.',
  ),
};
