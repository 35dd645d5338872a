import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  opportunityPocSchema,
  opportunityPocsSchema,
  POC_OUTCOME_LABELS,
  startPocBody,
  winLossQuery,
  winLossSchema,
  type WinLoss,
} from '../contract/pocs.js';
import { listOpportunityPocs, startPoc } from './poc-service.js';
import { winLossByPoc } from './win-loss.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['proofs of concept'];

/** A spreadsheet must not run a cell as a formula: text starting with = + - @ (or a tab/CR) is quoted with '. */
const safeCell = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

function winLossCsv(w: WinLoss): string {
  return stringify(
    w.deals.map((d) =>
      [d.name, d.account.name, d.outcome, d.closedOn, d.arr, POC_OUTCOME_LABELS[d.pocOutcome], d.pocs.map((p) => p.name).join('; ')].map(
        safeCell,
      ),
    ),
    { header: true, columns: ['Opportunity', 'Account', 'Outcome', 'Closed on', 'ARR', 'Proof of concept', 'PoCs'] },
  );
}

/**
 * Proofs of concept tied to deals (issue 16): a deal's PoCs (delivery engagements linked to it),
 * starting one from the deal, and win/loss by PoC verdict. Readers of accounts read; the pre-sales
 * team (presales.write) starts PoCs. The verdict itself is recorded on the engagement (delivery).
 */
export const pocRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/opportunities/:id/pocs',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: "A deal's technical win and its proofs of concept, with verdict and success-criteria progress",
        params: idParams,
        response: { 200: opportunityPocsSchema },
      },
    },
    async (request) => listOpportunityPocs(db(), request.params.id),
  );

  app.post(
    '/api/opportunities/:id/pocs',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Start a proof of concept on an open deal: a proof-of-concept engagement on its account, linked to it, optionally from a template, with its first success criteria',
        params: idParams,
        body: startPocBody,
        response: { 201: opportunityPocSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await startPoc(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/presales/win-loss',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary:
          'Deals closed in a window (default: the last year), won and lost, grouped by how their proofs of concept ended: passed, failed, without a verdict, none',
        querystring: winLossQuery,
        response: { 200: winLossSchema },
      },
    },
    async (request) => winLossByPoc(db(), request.query),
  );

  app.get(
    '/api/presales/win-loss.csv',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'The closed deals of the win/loss window as CSV', querystring: winLossQuery, produces: ['text/csv'] },
    },
    async (request, reply) => {
      const figures = await winLossByPoc(db(), request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="outpost-win-loss-${figures.from}-${figures.to}.csv"`)
        .send(winLossCsv(figures));
    },
  );
};
