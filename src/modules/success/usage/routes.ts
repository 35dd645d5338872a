import multipart from '@fastify/multipart';
import { readMultipartFile } from '../../../kernel/multipart-file.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { changeContext } from '../../../kernel/request-context.js';
import {
  adoptionQuery,
  adoptionSchema,
  importResultSchema,
  usageBatchBody,
  usageBatchResultSchema,
  usageSettingsBody,
  usageSettingsSchema,
} from '../contract/usage.js';
import { getAdoption } from './adoption-read.js';
import { afterIngest } from './after-ingest.js';
import { IMPORT_MAX_BYTES, importUsageFile } from './usage-import.js';
import { ingestUsage } from './usage-intake.js';
import { getUsageSettings, saveUsageSettings } from './usage-settings.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['usage'];

/** Product usage intake, licences and adoption (issue 15). */
export const usageRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 2, fieldSize: 1000, parts: 3 } });

  app.post(
    '/api/usage/events',
    {
      // A product's API token (scope usage.write, also spelled usage:write) or an admin.
      config: { access: 'usage.write' },
      schema: {
        tags,
        summary: 'Post up to 1,000 usage events; each is accepted, a duplicate (by eventId) or rejected with its reason',
        body: usageBatchBody,
        response: { 200: usageBatchResultSchema },
      },
    },
    async (request) => {
      const now = new Date();
      const { result, accountIds } = await ingestUsage(
        db(),
        request.body.events.map((value, index) => ({ index, value })),
        now,
      );
      afterIngest(db(), accountIds, (err) => request.log.error({ err }, 'health refresh after usage intake failed'));
      return result;
    },
  );

  app.post(
    '/api/usage/import',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary:
          'Import historical usage from a CSV file (multipart field "file"; columns eventId, account, feature, userId, activeUsers, quantity, timestamp)',
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const { file } = await readMultipartFile(request, {
        maxBytes: IMPORT_MAX_BYTES,
        missing: () => errors.validation('Send the file as multipart/form-data in the field "file".', { field: 'file' }),
      });
      const now = new Date();
      return importUsageFile(db(), file, now, async (accountIds) =>
        afterIngest(db(), accountIds, (err) => request.log.error({ err }, 'health refresh after usage import failed')),
      );
    },
  );

  app.get(
    '/api/accounts/:id/usage-settings',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The account’s seats, licensed features and product id',
        params: idParams,
        response: { 200: usageSettingsSchema },
      },
    },
    async (request) => getUsageSettings(db(), request.params.id),
  );

  app.put(
    '/api/accounts/:id/usage-settings',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Replace the account’s seats, licensed features and product id (unique)',
        params: idParams,
        body: usageSettingsBody,
        response: { 200: usageSettingsSchema },
      },
    },
    async (request) => {
      const settings = await saveUsageSettings(db(), changeContext(request), request.params.id, request.body);
      // Feature adoption and seat utilisation are measured against the licences: rescore now.
      afterIngest(db(), [request.params.id], (err) => request.log.error({ err }, 'health refresh after licences failed'));
      return settings;
    },
  );

  app.get(
    '/api/accounts/:id/adoption',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Feature adoption, seat utilisation and the active-user trend, with each licensed feature and a daily series',
        params: idParams,
        querystring: adoptionQuery,
        response: { 200: adoptionSchema },
      },
    },
    async (request) => getAdoption(db(), request.params.id, new Date(), request.query.days),
  );
};
