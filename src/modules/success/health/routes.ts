import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../kernel/pagination.js';
import { changeContext } from '../../../kernel/request-context.js';
import {
  accountHealthSchema,
  gradeDistributionQuery,
  gradeDistributionSchema,
  HEALTH_SCOPES,
  healthModelBody,
  healthModelSchema,
  overrideBody,
  portfolioQuery,
  portfolioRowSchema,
} from '../contract/health.js';
import { gradeDistribution, listPortfolio } from './health-portfolio.js';
import {
  deleteHealthModel,
  endHealthOverride,
  getAccountHealth,
  listHealthModels,
  overrideHealth,
  saveHealthModel,
} from './health-service.js';

const accountParams = z.object({ id: z.string().max(64) });
const scopeParams = z.object({ scope: z.enum(HEALTH_SCOPES) });
const tags = ['customer health'];

/** The health model, each account's health with its drivers and override, the portfolio and the grade distribution (issue 15). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/health-models',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The health models: the default (stored or built in) and each segment’s own',
        response: { 200: z.object({ items: z.array(healthModelSchema) }) },
      },
    },
    async () => ({ items: await listHealthModels(db()) }),
  );

  app.put(
    '/api/health-models/:scope',
    {
      config: { access: 'success.manage' },
      schema: {
        tags,
        summary: 'Save the default model or a segment’s; the accounts it scores are rescored',
        params: scopeParams,
        body: healthModelBody,
        response: { 200: healthModelSchema },
      },
    },
    async (request) => saveHealthModel(db(), changeContext(request), request.params.scope, request.body),
  );

  app.delete(
    '/api/health-models/:scope',
    {
      config: { access: 'success.manage' },
      schema: {
        tags,
        summary: 'Remove a segment’s model; its accounts are scored by the default again',
        params: scopeParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteHealthModel(db(), changeContext(request), request.params.scope);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/accounts/:id/health',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'An account’s health: score, grade, drivers with their evidence, 90-day trend and override',
        params: accountParams,
        response: { 200: accountHealthSchema },
      },
    },
    async (request) => getAccountHealth(db(), request.params.id),
  );

  app.post(
    '/api/accounts/:id/health/override',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Override the grade until a date (at most 180 days ahead), with the reason; replaces any override in force',
        params: accountParams,
        body: overrideBody,
        response: { 201: accountHealthSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await overrideHealth(db(), changeContext(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/accounts/:id/health/override',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Lift the override before it expires: the computed grade shows again',
        params: accountParams,
        response: { 200: accountHealthSchema },
      },
    },
    async (request) => endHealthOverride(db(), changeContext(request), request.params.id),
  );

  app.get(
    '/api/health/portfolio',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Every scored account with score, grade, 30-day change, owner and renewal; filtered, sorted, a page at a time',
        querystring: portfolioQuery,
        response: { 200: pageSchema(portfolioRowSchema) },
      },
    },
    async (request) => listPortfolio(db(), request.query),
  );

  app.get(
    '/api/health/distribution',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Accounts per grade on each day of the period (from the daily snapshots)',
        querystring: gradeDistributionQuery,
        response: { 200: gradeDistributionSchema },
      },
    },
    async (request) => gradeDistribution(db(), request.query),
  );
};
