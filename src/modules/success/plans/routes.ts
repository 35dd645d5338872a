import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { createPlanBody, successPlanListSchema, successPlanSchema, updatePlanBody } from '../contract/plans.js';
import { createPlan, deletePlan, getPlan, listAccountPlans, updatePlan } from './plan-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['success plans'];

/**
 * Success plans: anyone who reads accounts sees an account's plans; account owners (success.write)
 * create, change and delete them. The objective list is written whole with the plan (POST/PATCH
 * `objectives`), and so are the linked engagements (`engagementIds`, of the same account).
 */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/accounts/:id/success-plans',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: "An account's success plans with objectives and progress",
        params: idParams,
        response: { 200: successPlanListSchema },
      },
    },
    async (request) => ({ items: await listAccountPlans(db(), request.params.id) }),
  );

  app.post(
    '/api/accounts/:id/success-plans',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Create a success plan: desired outcomes, objectives (ordered), linked engagements of the account',
        params: idParams,
        body: createPlanBody,
        response: { 201: successPlanSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPlan(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/success-plans/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One success plan', params: idParams, response: { 200: successPlanSchema } },
    },
    async (request) => getPlan(db(), request.params.id),
  );

  app.patch(
    '/api/success-plans/:id',
    {
      config: { access: 'success.write' },
      schema: {
        tags,
        summary: 'Change a plan; `objectives` and `engagementIds`, when given, replace the whole list',
        params: idParams,
        body: updatePlanBody,
        response: { 200: successPlanSchema },
      },
    },
    async (request) => updatePlan(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/success-plans/:id',
    {
      config: { access: 'success.write' },
      schema: { tags, summary: 'Delete a plan with its objectives', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deletePlan(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
