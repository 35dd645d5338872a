import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactOf } from '../../../kernel/request-context.js';
import { portalFeatureRequestListSchema, roadmapSchema } from '../contract/roadmap.js';
import { listPortalFeatureRequests } from './portal-roadmap.js';
import { getRoadmap } from './roadmap-service.js';

/** The roadmap: read-only for every member (stakeholders included), and its public part in the portal. */
export const roadmapRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/roadmap',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags: ['roadmap'],
        summary: 'Planned, in-progress and shipped requests by target release, with the revenue behind each',
        response: { 200: roadmapSchema },
      },
    },
    async () => getRoadmap(db()),
  );

  app.get(
    '/api/portal/feature-requests',
    {
      config: { access: 'portal' },
      schema: {
        tags: ['portal'],
        summary: 'The public roadmap: requests marked public, their status, and whether your organisation asked for them',
        response: { 200: portalFeatureRequestListSchema },
      },
    },
    async (request) => ({ items: await listPortalFeatureRequests(db(), contactOf(request)) }),
  );
};
