import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changeContext } from '../../../kernel/request-context.js';
import { previewSpreadsheetImport, runSpreadsheetImport } from '../../../kernel/spreadsheet/spreadsheet-import.js';
import { acceptSpreadsheetUploads, readSpreadsheetUpload } from '../../../kernel/spreadsheet/upload.js';
import { importPreviewSchema, importResultSchema } from '../contract/spreadsheet-import.js';
import { ticketImport } from './ticket-import.js';

const tags = ['spreadsheet import'];
const UPLOAD = 'multipart/form-data: the .xlsx or .csv in "file", the column mapping in "mapping" (JSON)';

/** Spreadsheet import of tickets (tickets.write), issue 18: the same preview and import as accounts and contacts. */
export const ticketSpreadsheetImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await acceptSpreadsheetUploads(app);

  app.post(
    '/api/imports/tickets/preview',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: `Preview a spreadsheet import of tickets: each row’s problems by row and column; nothing is written (${UPLOAD})`,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => {
      const upload = await readSpreadsheetUpload(request);
      return previewSpreadsheetImport(db(), ticketImport, upload.file, upload.mapping);
    },
  );

  app.post(
    '/api/imports/tickets',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: `Import tickets from a spreadsheet: every valid row in one transaction, or nothing when "mode" is all_or_nothing and a row is bad (${UPLOAD}, "mode")`,
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const upload = await readSpreadsheetUpload(request);
      return runSpreadsheetImport(db(), changeContext(request), ticketImport, upload.file, upload.mapping, upload.mode);
    },
  );
};
