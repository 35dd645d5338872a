import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { accountRenewalSchema, renewalBoardSchema, renewalListQuery, setRenewalBody } from '../contract/renewals.js';
import { getAccountRenewal, renewalBoard, setAccountRenewal } from './renewal-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['renewals'];

/** Renewals: the board by quarter and an account's renewal (accounts.read); the forecast is set by account owners (success.write). */
export const renewalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/renewals',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Renewals in a window grouped by calendar quarter, with ARR totals per forecast (at most 12 quarters)',
        querystring: renewalListQuery,
        response: { 200: renewalBoardSchema },
      },
    },
    async (request) => renewalBoard(db(), request.query),
  );

  app.get(
    '/api/accounts/:id/renewal',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: "An account's renewal: date, ARR, forecast, risk and its reasons",
        params: idParams,
        response: { 200: accountRenewalSchema },
      },
    },
    async (request) => getAccountRenewal(db(), request.params.id),
  );

  app.put(
    '/api/accounts/:id/renewal',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: "Set the account's renewal forecast (commit, likely, at_risk) with a note",
        params: idParams,
        body: setRenewalBody,
        response: { 200: accountRenewalSchema },
      },
    },
    async (request) => setAccountRenewal(db(), changeContext(request), request.params.id, request.body),
  );
};
