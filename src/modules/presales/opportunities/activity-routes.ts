import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  createDemoBody,
  demoListSchema,
  demoSchema,
  logOpportunityInteractionBody,
  opportunityInteractionSchema,
  timelineSchema,
  updateDemoBody,
} from '../contract/opportunities.js';
import { getDemo, listDemos, recordDemo, updateDemo } from './demo-service.js';
import { logOpportunityInteraction, unlinkOpportunityInteraction } from './interaction-links.js';
import { opportunityTimeline } from './timeline-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['opportunities'];

/** A deal's activity: its timeline, the interactions logged on it, and its demos. */
export const opportunityActivityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/opportunities/:id/timeline',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The deal’s activity, newest first: linked interactions, demos, deal-support requests, stage and technical-win moves',
        params: idParams,
        response: { 200: timelineSchema },
      },
    },
    async (request) => ({ items: await opportunityTimeline(db(), request.params.id) }),
  );

  app.post(
    '/api/opportunities/:id/interactions',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Log a meeting, call or other interaction on the deal’s account, linked to the deal',
        params: idParams,
        body: logOpportunityInteractionBody,
        response: { 201: opportunityInteractionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logOpportunityInteraction(db(), changeContext(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/opportunities/:id/interactions/:interactionId',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Take an interaction off the deal (it stays on the account)',
        params: z.object({ id: z.string().max(64), interactionId: z.string().max(64) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await unlinkOpportunityInteraction(db(), changeContext(request), request.params.id, request.params.interactionId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/opportunities/:id/demos',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'The deal’s demos, latest first', params: idParams, response: { 200: demoListSchema } },
    },
    async (request) => ({ items: await listDemos(db(), request.params.id) }),
  );

  app.post(
    '/api/opportunities/:id/demos',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Record a demo; logs a `demo` interaction on the account linked to the deal',
        params: idParams,
        body: createDemoBody,
        response: { 201: demoSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordDemo(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/demos/:id',
    { config: { access: 'accounts.read' }, schema: { tags, summary: 'One demo', params: idParams, response: { 200: demoSchema } } },
    async (request) => getDemo(db(), request.params.id),
  );

  app.patch(
    '/api/demos/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Change a demo: outcome, notes, follow-ups (the whole list), audience, script or environment',
        params: idParams,
        body: updateDemoBody,
        response: { 200: demoSchema },
      },
    },
    async (request) => updateDemo(db(), changeContext(request), request.params.id, request.body),
  );
};
