import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getTicket } from '../tickets/ticket-service.js';
import { publicSurveySchema, rateBody, summaryQuery, summarySchema, surveySchema } from '../contract/csat.js';
import { csatSummary, openSurvey, rateSurvey, ticketSurveys } from './service.js';

const tokenParams = z.object({ token: z.string().max(200) });
const idParams = z.object({ id: z.string().max(64) });
const tags = ['csat'];

export const csatRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/csat/summary',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Good and bad ratings and the CSAT score, by member (assignee at solve) or account',
        querystring: summaryQuery,
        response: { 200: summarySchema },
      },
    },
    async (request) => csatSummary(db(), request.query),
  );

  // The token in the requester's link is the credential: no session, and 404 alike for unknown and expired.
  app.get(
    '/api/csat/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The rating page: the ticket’s number and subject, and any rating already given',
        params: tokenParams,
        response: { 200: publicSurveySchema },
      },
    },
    async (request) => openSurvey(db(), request.params.token),
  );

  app.post(
    '/api/csat/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Rate the support received (again to change it, until the link expires)',
        params: tokenParams,
        body: rateBody,
        response: { 200: publicSurveySchema },
      },
    },
    async (request) => rateSurvey(db(), request.params.token, request.body, request.ip),
  );

  app.get(
    '/api/tickets/:id/csat',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The ticket’s satisfaction surveys (one per solve), newest first, with their links',
        params: idParams,
        response: { 200: z.object({ items: z.array(surveySchema) }) },
      },
    },
    async (request) => {
      await getTicket(db(), request.params.id);
      return { items: await ticketSurveys(db(), request.params.id) };
    },
  );
};
