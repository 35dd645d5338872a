import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactOf } from '../../../kernel/request-context.js';
import { portalResultBody, portalUatRoundSchema, portalUatRoundSummarySchema, signOffBody } from '../contract/uat.js';
import { getPortalRound, listPortalRounds, recordPortalResult, signOffRound } from './portal-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['portal'];

/** UAT in the customer portal: the contact's invited rounds, their results and the sign-off. */
export const uatPortalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/portal/uat-rounds',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Acceptance tests you are invited to, open ones first',
        response: { 200: z.object({ items: z.array(portalUatRoundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await listPortalRounds(db(), contactOf(request)) }),
  );

  app.get(
    '/api/portal/uat-rounds/:id',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'An acceptance test you are invited to: its cases, your results and whether it can be signed off',
        params: idParams,
        response: { 200: portalUatRoundSchema },
      },
    },
    async (request) => getPortalRound(db(), contactOf(request), request.params.id),
  );

  app.put(
    '/api/portal/uat-rounds/:id/cases/:caseId/result',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Record your result on a case: pass, or fail with what you saw',
        params: z.object({ id: z.string().max(64), caseId: z.string().max(64) }),
        body: portalResultBody,
        response: { 200: portalUatRoundSchema },
      },
    },
    async (request) => recordPortalResult(db(), contactOf(request), request.params.id, request.params.caseId, request.body, request.ip),
  );

  app.post(
    '/api/portal/uat-rounds/:id/sign-off',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Sign the round off with your typed name, once every case passes',
        params: idParams,
        body: signOffBody,
        response: { 200: portalUatRoundSchema },
      },
    },
    async (request) => signOffRound(db(), contactOf(request), request.params.id, request.body, request.ip),
  );
};
