import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accountRoutes } from './routes.js';
import { spreadsheetImportRoutes } from './spreadsheet-import/routes.js';
import { accountExportRoutes } from './account-export-routes.js';

/** The accounts module's HTTP surface: accounts, contacts, the account team and interactions. */
export const accountsPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(accountRoutes);
  await app.register(spreadsheetImportRoutes);
  await app.register(accountExportRoutes);
};
