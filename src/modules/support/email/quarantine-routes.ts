import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { quarantineListQuery, quarantinePageSchema, quarantineReleaseSchema, quarantinedMailSchema } from '../contract/mail-quarantine.js';
import { addressOf, mailSettings } from '../../platform/index.js';
import { getQuarantined, listQuarantine } from './quarantine.js';
import { deleteQuarantined, quarantinedRaw, releaseQuarantined } from './quarantine-actions.js';

const tags = ['email'];
const idParams = z.object({ id: z.string().max(64) });

/**
 * The mail quarantine for admins (`support.manage`, which admins hold): what was ignored, could
 * not be decoded cleanly or was refused after it was received — look at it raw, release it as a
 * ticket, or delete it.
 */
export const quarantineRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const access = 'support.manage' as const;

  app.get(
    '/api/inbound/quarantine',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List quarantined mail, newest first',
        querystring: quarantineListQuery,
        response: { 200: quarantinePageSchema },
      },
    },
    async (request) => listQuarantine(db(), request.query),
  );

  app.get(
    '/api/inbound/quarantine/:id',
    { config: { access }, schema: { tags, summary: 'One quarantined mail', params: idParams, response: { 200: quarantinedMailSchema } } },
    async (request) => getQuarantined(db(), request.params.id),
  );

  app.get(
    '/api/inbound/quarantine/:id/raw',
    { config: { access }, schema: { tags, summary: 'The raw message as received (text/plain, never rendered)', params: idParams } },
    async (request, reply) => {
      const raw = await quarantinedRaw(db(), request.params.id);
      return reply
        .header('content-type', 'text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="${request.params.id.replace(/[^\w-]/g, '')}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(raw);
    },
  );

  app.post(
    '/api/inbound/quarantine/:id/release',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Release as a ticket: ingest the raw copy without the rule that held it back',
        params: idParams,
        response: { 200: quarantineReleaseSchema },
      },
    },
    async (request) =>
      releaseQuarantined(db(), changeContext(request), request.params.id, { ownAddress: addressOf(mailSettings().from), log: request.log }),
  );

  app.delete(
    '/api/inbound/quarantine/:id',
    { config: { access }, schema: { tags, summary: 'Delete a quarantined mail and its raw copy', params: idParams } },
    async (request, reply) => {
      await deleteQuarantined(db(), changeContext(request), request.params.id);
      return reply.status(204).send();
    },
  );
};
