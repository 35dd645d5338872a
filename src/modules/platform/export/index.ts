// The list-export helper's public parts, re-exported by the platform module's index.ts in one line.
export { joinNames, type ExportColumn } from './export-columns.js';
export { MAX_EXPORT_ROWS, sendListExport, type ListExport } from './list-export.js';
