import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { opportunityRoutes } from './opportunities/routes.js';
import { opportunityExportRoutes } from './opportunities/opportunity-export-routes.js';
import { dealSupportExportRoutes } from './opportunities/deal-support-export-routes.js';
import { collateralExportRoutes } from './collateral/collateral-export-routes.js';
import { pocRoutes } from './pocs/routes.js';
import { solutionRoutes } from './solutions/routes.js';
import { libraryRoutes } from './library/routes.js';
import { questionnaireRoutes } from './questionnaires/routes.js';
import { collateralRoutes } from './collateral/routes.js';

/**
 * The presales module's HTTP surface (issue 16): opportunities with their technical win,
 * deal-support requests and demos; proofs of concept tied to deals; requirements, solution designs
 * and statements of work; the answer library; questionnaires (RFP, security); collateral.
 */
export const presalesPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(opportunityRoutes);
  await app.register(opportunityExportRoutes);
  await app.register(dealSupportExportRoutes);
  await app.register(collateralExportRoutes);
  await app.register(pocRoutes);
  await app.register(solutionRoutes);
  await app.register(libraryRoutes);
  await app.register(questionnaireRoutes);
  await app.register(collateralRoutes);
};
