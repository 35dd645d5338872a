import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  createOpportunityBody,
  opportunityListQuery,
  opportunityPageSchema,
  opportunitySchema,
  pipelineQuery,
  pipelineSchema,
  updateOpportunityBody,
} from '../contract/opportunities.js';
import {
  createOpportunity,
  deleteOpportunity,
  getOpportunity,
  listOpportunities,
  opportunityPipeline,
  updateOpportunity,
} from './opportunity-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['opportunities'];

/**
 * Opportunities: everyone who reads accounts sees the pipeline; the experts a deal needs
 * (presales.write) create and change deals. A deal is created with its account in the body
 * (`accountId`), so the pipeline and the account page use one route.
 */
export const opportunityCrudRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/opportunities',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Opportunities, filtered (account, stage or open, team, technical win, close window, search) and sorted, cursor-paged',
        querystring: opportunityListQuery,
        response: { 200: opportunityPageSchema },
      },
    },
    async (request) => listOpportunities(db(), request.query),
  );

  app.get(
    '/api/opportunities/pipeline',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Count and ARR per stage, open pipeline and won, for the same filters as the list',
        querystring: pipelineQuery,
        response: { 200: pipelineSchema },
      },
    },
    async (request) => opportunityPipeline(db(), request.query),
  );

  app.post(
    '/api/opportunities',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Create an opportunity on an account',
        body: createOpportunityBody,
        response: { 201: opportunitySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createOpportunity(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/opportunities/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One opportunity with its account and team', params: idParams, response: { 200: opportunitySchema } },
    },
    async (request) => getOpportunity(db(), request.params.id),
  );

  app.patch(
    '/api/opportunities/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Change an opportunity: stage (a closed stage sets closedAt), ARR, team, technical win (lost needs a reason), products',
        params: idParams,
        body: updateOpportunityBody,
        response: { 200: opportunitySchema },
      },
    },
    async (request) => updateOpportunity(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/opportunities/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Delete an opportunity entered by mistake; 409 when anything hangs on it (close it as lost instead)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteOpportunity(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
