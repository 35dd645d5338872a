import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachmentRoutes } from './attachments/routes.js';
import { csatRoutes } from './csat/routes.js';
import { ticketFieldRoutes } from './fields/ticket-field-routes.js';
import { inboundEmailRoutes } from './email/routes.js';
import { quarantineRoutes } from './email/quarantine-routes.js';
import { knowledgeRoutes } from './knowledge/routes.js';
import { macroRoutes } from './macros/routes.js';
import { runbookRoutes } from './runbooks/routes.js';
import { supportSettingsRoutes } from './settings/settings-routes.js';
import { ticketRoutes } from './tickets/ticket-routes.js';
import { ticketSpreadsheetImportRoutes } from './spreadsheet-import/routes.js';
import { ticketTimeRoutes } from './tickets/ticket-time-routes.js';
import { ticketExportRoutes } from './queues/ticket-export-routes.js';
import { articleExportRoutes } from './knowledge/article-export-routes.js';

/** The support module's HTTP surface: tickets, queues and settings, knowledge, e-mail intake, runbooks, macros, CSAT, custom ticket fields. */
export const supportPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(ticketRoutes);
  await app.register(ticketTimeRoutes);
  await app.register(ticketExportRoutes);
  await app.register(articleExportRoutes);
  await app.register(supportSettingsRoutes);
  await app.register(knowledgeRoutes);
  await app.register(attachmentRoutes);
  await app.register(inboundEmailRoutes);
  await app.register(quarantineRoutes);
  await app.register(runbookRoutes);
  await app.register(macroRoutes);
  await app.register(csatRoutes);
  await app.register(ticketSpreadsheetImportRoutes);
  await app.register(ticketFieldRoutes);
};
