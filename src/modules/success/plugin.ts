import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthRoutes } from './health/routes.js';
import { portfolioExportRoutes } from './health/portfolio-export-routes.js';
import { playbookRoutes } from './playbooks/routes.js';
import { usageRoutes } from './usage/routes.js';
import { planRoutes } from './plans/routes.js';
import { renewalRoutes } from './renewals/routes.js';
import { reviewRoutes } from './reviews/routes.js';
import { analyticsRoutes } from './analytics/routes.js';

/**
 * The success module's HTTP surface (issue 15): product usage intake and adoption; the health
 * model, each account's health and the portfolio; playbook rules and the tasks they create;
 * success plans; renewals; business reviews; analytics for support and delivery leads.
 */
export const successPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(usageRoutes);
  await app.register(healthRoutes);
  await app.register(portfolioExportRoutes);
  await app.register(playbookRoutes);
  await app.register(planRoutes);
  await app.register(renewalRoutes);
  await app.register(reviewRoutes);
  await app.register(analyticsRoutes);
};
