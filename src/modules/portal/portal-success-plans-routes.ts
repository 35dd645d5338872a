import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contactOf } from '../../kernel/request-context.js';
import { portalPlanListSchema } from '../success/contract/plans.js';
import { listPortalPlans } from '../success/index.js';

/** The signed-in contact's account's success plans that the account team made visible (never internal fields). */
export const portalSuccessPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/portal/success-plans',
    {
      config: { access: 'portal' },
      schema: {
        tags: ['portal'],
        summary: "Your account's success plans with objectives and progress",
        response: { 200: portalPlanListSchema },
      },
    },
    async (request) => ({ items: await listPortalPlans(app.db.kysely, contactOf(request).accountId) }),
  );
};
