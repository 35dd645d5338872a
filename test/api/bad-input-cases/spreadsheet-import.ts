import type { CaseSet } from './write-case.js';

/**
 * Spreadsheet import (issue 18): multipart uploads, so a JSON body is refused before the handler
 * (malformed, too large); a file's bad rows are reported, never errors (see the routes' tests).
 */
export const spreadsheetImportCases: CaseSet = {
  cases: Object.fromEntries(
    ['accounts', 'contacts', 'tickets'].flatMap((kind) => [
      [`POST /api/imports/${kind}/preview`, { url: () => `/api/imports/${kind}/preview`, validBody: null }],
      [`POST /api/imports/${kind}`, { url: () => `/api/imports/${kind}`, validBody: null }],
    ]),
  ),
};
