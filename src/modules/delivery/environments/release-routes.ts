import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { createReleaseBody, releaseListQuery, releaseSchema, updateReleaseBody } from '../contract/environments.js';
import { createRelease, listReleases, updateRelease } from './release-service.js';

const tags = ['releases'];
const idParams = z.object({ id: z.string().max(64) });

/** The release catalogue: what every environment's "versions behind" is counted against. */
export const releaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/releases',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The release catalogue, by product, newest first',
        querystring: releaseListQuery,
        response: { 200: z.object({ items: z.array(releaseSchema) }) },
      },
    },
    async (request) => ({ items: await listReleases(db(), request.query.product) }),
  );

  app.post(
    '/api/releases',
    {
      config: { access: 'delivery.manage' },
      schema: { tags, summary: 'Add a release to the catalogue', body: createReleaseBody, response: { 201: releaseSchema } },
    },
    async (request, reply) => reply.status(201).send(await createRelease(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/releases/:id',
    {
      config: { access: 'delivery.manage' },
      schema: {
        tags,
        summary: 'Edit a release: date, notes, supported or end-of-life',
        params: idParams,
        body: updateReleaseBody,
        response: { 200: releaseSchema },
      },
    },
    async (request) => updateRelease(db(), changeContext(request), request.params.id, request.body),
  );
};
