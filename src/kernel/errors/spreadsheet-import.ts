import { AppError, make } from './make.js';

/**
 * Errors of spreadsheet import of accounts, contacts and tickets (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under. A bad row is never an error:
 * it is reported in the preview and in the import's result, with its row number and column.
 */
export const spreadsheetImportErrors = {
  spreadsheetFileMissing: make(
    'spreadsheet_import.file_missing',
    400,
    'Send the spreadsheet as multipart/form-data in the field "file" (an .xlsx workbook or a .csv file).',
  ),
  spreadsheetUnreadable: make(
    'spreadsheet_import.file_unreadable',
    422,
    'The file cannot be read as a spreadsheet: upload an .xlsx workbook or a CSV file.',
  ),
  spreadsheetOldExcel: make(
    'spreadsheet_import.old_excel',
    422,
    'Old .xls workbooks cannot be read: open the file in Excel, save it as .xlsx (or CSV) and upload that.',
  ),
  spreadsheetTooManyRows: make(
    'spreadsheet_import.too_many_rows',
    413,
    'The sheet has more rows than one import takes: split the file and import the parts one after the other.',
  ),
  spreadsheetSheetEmpty: make(
    'spreadsheet_import.sheet_empty',
    422,
    'The sheet has no header row and no rows: pick the sheet that holds the records, with the column names in its first row.',
  ),
  /** The reason names what to change: the field left unmapped, the column used twice. */
  spreadsheetMappingInvalid: (field: 'mapping' | 'mode', reason: string) =>
    new AppError('spreadsheet_import.mapping_invalid', 400, `The column mapping is not valid: ${reason}`, { field }),
};
