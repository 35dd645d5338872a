import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../../kernel/request-context.js';
import { createRateCardRoleBody, rateCardQuery, rateCardRoleSchema, updateRateCardRoleBody } from '../../contract/solutions.js';
import { createRateCardRole, deleteRateCardRole, listRateCard, updateRateCardRole } from './rate-card-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['rate card'];

/** The rate card (issue 16): everyone who prices SOWs reads it; presales.manage keeps it. */
export const rateCardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/rate-card',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Rate-card roles with their hourly rates (active only unless includeInactive=true)',
        querystring: rateCardQuery,
        response: { 200: z.object({ items: z.array(rateCardRoleSchema) }) },
      },
    },
    async (request) => ({ items: await listRateCard(db(), request.query.includeInactive === 'true') }),
  );

  app.post(
    '/api/rate-card',
    {
      config: { access: 'presales.manage' },
      schema: { tags, summary: 'Add a role to the rate card', body: createRateCardRoleBody, response: { 201: rateCardRoleSchema } },
    },
    async (request, reply) => reply.status(201).send(await createRateCardRole(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/rate-card/:id',
    {
      config: { access: 'presales.manage' },
      schema: {
        tags,
        summary: 'Change a role’s name, rate, currency or active flag (SOW items keep the rate they copied)',
        params: idParams,
        body: updateRateCardRoleBody,
        response: { 200: rateCardRoleSchema },
      },
    },
    async (request) => updateRateCardRole(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/rate-card/:id',
    {
      config: { access: 'presales.manage' },
      schema: { tags, summary: 'Delete a role no SOW uses (409 otherwise: deactivate it)', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteRateCardRole(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
