import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { closeTheLoopRoutes } from './loop/routes.js';
import { engineeringIssueRoutes } from './engineering/routes.js';
import { featureRequestRoutes } from './requests/routes.js';
import { feedbackItemRoutes } from './items/routes.js';
import { feedbackItemExportRoutes } from './items/item-export-routes.js';
import { featureRequestExportRoutes } from './requests/request-export-routes.js';
import { internalMeetingRoutes } from './meetings/routes.js';
import { roadmapRoutes } from './roadmap/routes.js';
import { uatRoutes } from './uat/routes.js';

/**
 * The feedback module's HTTP surface (issue 14): feedback items and the insights inbox; feature
 * requests and their ranking; engineering issues and tracker sync; UAT rounds; closing the loop;
 * the roadmap; internal meetings.
 */
export const feedbackPlugin: FastifyPluginAsyncZod = async (app) => {
  await app.register(feedbackItemRoutes);
  await app.register(featureRequestRoutes);
  await app.register(feedbackItemExportRoutes);
  await app.register(featureRequestExportRoutes);
  await app.register(engineeringIssueRoutes);
  await app.register(uatRoutes);
  await app.register(closeTheLoopRoutes);
  await app.register(roadmapRoutes);
  await app.register(internalMeetingRoutes);
};
