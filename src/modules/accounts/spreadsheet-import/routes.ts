import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeContext } from '../../../kernel/request-context.js';
import { previewSpreadsheetImport, runSpreadsheetImport, type ImportKind } from '../../../kernel/spreadsheet/spreadsheet-import.js';
import { acceptSpreadsheetUploads, readSpreadsheetUpload } from '../../../kernel/spreadsheet/upload.js';
import { importPreviewSchema, importResultSchema } from '../contract/spreadsheet-import.js';
import { accountImport } from './account-import.js';
import { contactImport } from './contact-import.js';

const tags = ['spreadsheet import'];
const UPLOAD = 'multipart/form-data: the .xlsx or .csv in "file", the column mapping in "mapping" (JSON)';

/**
 * Spreadsheet import of accounts (accounts.write) and contacts (contacts.write), issue 18: a
 * preview that validates every row and writes nothing, then the import of the valid rows in one
 * transaction (or nothing, in the all_or_nothing mode, when a row is bad).
 */
export const spreadsheetImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await acceptSpreadsheetUploads(app);

  const routesOf = <T>(kind: string, definition: ImportKind<T>, access: 'accounts.write' | 'contacts.write') => {
    app.post(
      `/api/imports/${kind}/preview`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Preview a spreadsheet import of ${kind}: each row’s action (create, update) or its problems, by row and column; nothing is written (${UPLOAD})`,
          response: { 200: importPreviewSchema },
        },
      },
      async (request) => {
        const upload = await readSpreadsheetUpload(request);
        return previewSpreadsheetImport(db(), definition, upload.file, upload.mapping);
      },
    );

    app.post(
      `/api/imports/${kind}`,
      {
        config: { access },
        schema: {
          tags,
          summary: `Import ${kind} from a spreadsheet: every valid row in one transaction, or nothing when "mode" is all_or_nothing and a row is bad; the rows not written are reported (${UPLOAD}, "mode")`,
          response: { 200: importResultSchema },
        },
      },
      async (request) => {
        const upload = await readSpreadsheetUpload(request);
        return runSpreadsheetImport(db(), changeContext(request), definition, upload.file, upload.mapping, upload.mode);
      },
    );
  };
  routesOf('accounts', accountImport, 'accounts.write');
  routesOf('contacts', contactImport, 'contacts.write');
};
