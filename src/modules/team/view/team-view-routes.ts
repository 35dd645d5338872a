import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { timeSummaryQuery, timeSummarySchema, timeTrendQuery, timeTrendSchema } from '../contract/team-view.js';
import { teamTimeSummary, teamTimeTrend } from './team-time-service.js';

const tags = ['team'];

/** The team view (issue 17): team leads and admins see where everyone's time goes. */
export const teamViewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/team/time-summary',
    {
      config: { access: 'time.manage' },
      schema: {
        tags,
        summary: 'Per member: time by category, capacity, utilisation, billable share and the role-profile verdict',
        querystring: timeSummaryQuery,
        response: { 200: timeSummarySchema },
      },
    },
    async (request) => teamTimeSummary(db(), request.query),
  );

  app.get(
    '/api/team/time-trend',
    {
      config: { access: 'time.manage' },
      schema: {
        tags,
        summary: 'The filtered team’s minutes by category per calendar quarter',
        querystring: timeTrendQuery,
        response: { 200: timeTrendSchema },
      },
    },
    async (request) => teamTimeTrend(db(), request.query),
  );
};
