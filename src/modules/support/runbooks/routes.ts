import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { finishRun, getRun, listRuns, recordStep, startRun } from './run-service.js';
import {
  finishRunBody,
  finishRunResultSchema,
  recordStepBody,
  runbookBody,
  runbookListQuery,
  runbookSchema,
  runSchema,
  startRunBody,
  suggestionSchema,
} from '../contract/runbooks.js';
import { getRunbook, listRunbooks, saveRunbook, suggestRunbooks } from './service.js';

const idParams = z.object({ id: z.string().max(64) });
const stepParams = z.object({ id: z.string().max(64), index: z.coerce.number().int('The step index is a whole number').min(0).max(999) });
const tags = ['runbooks'];

export const runbookRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/runbooks',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Runbooks by title (active by default)',
        querystring: runbookListQuery,
        response: { 200: z.object({ items: z.array(runbookSchema) }) },
      },
    },
    async (request) => ({ items: await listRunbooks(db(), request.query) }),
  );

  app.get(
    '/api/runbooks/:id',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One runbook with its steps', params: idParams, response: { 200: runbookSchema } },
    },
    async (request) => getRunbook(db(), request.params.id),
  );

  app.post(
    '/api/runbooks',
    {
      config: { access: 'runbooks.manage' },
      schema: { tags, summary: 'Write a runbook', body: runbookBody, response: { 201: runbookSchema } },
    },
    async (request, reply) => reply.status(201).send(await saveRunbook(db(), changeContext(request), null, request.body)),
  );

  app.put(
    '/api/runbooks/:id',
    {
      config: { access: 'runbooks.manage' },
      schema: {
        tags,
        summary: 'Replace a runbook; archive it with status "archived" (runs already on tickets keep their steps)',
        params: idParams,
        body: runbookBody,
        response: { 200: runbookSchema },
      },
    },
    async (request) => saveRunbook(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/tickets/:id/runbooks/suggested',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Active runbooks ranked by tag overlap and keyword hits in the subject and first message',
        params: idParams,
        response: { 200: z.object({ items: z.array(suggestionSchema) }) },
      },
    },
    async (request) => ({ items: await suggestRunbooks(db(), request.params.id) }),
  );

  app.get(
    '/api/tickets/:id/runbook-runs',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Runbook runs on the ticket, oldest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(runSchema) }) },
      },
    },
    async (request) => ({ items: await listRuns(db(), request.params.id) }),
  );

  app.post(
    '/api/tickets/:id/runbook-runs',
    {
      config: { access: 'tickets.write' },
      schema: { tags, summary: 'Start a runbook on the ticket', params: idParams, body: startRunBody, response: { 201: runSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await startRun(db(), changeContext(request), request.params.id, request.body.runbookId)),
  );

  app.get(
    '/api/runbook-runs/:id',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One run with each step’s outcome', params: idParams, response: { 200: runSchema } },
    },
    async (request) => getRun(db(), request.params.id),
  );

  app.post(
    '/api/runbook-runs/:id/steps/:index',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Record a step’s outcome (steps in order, from index 0)',
        params: stepParams,
        body: recordStepBody,
        response: { 200: runSchema },
      },
    },
    async (request) => recordStep(db(), changeContext(request), request.params.id, request.params.index, request.body),
  );

  app.post(
    '/api/runbook-runs/:id/finish',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary:
          'End the run: "resolved" sends the reply and solves the ticket; "escalate" returns the escalation draft listing the steps done',
        params: idParams,
        body: finishRunBody,
        response: { 200: finishRunResultSchema },
      },
    },
    async (request) => finishRun(db(), changeContext(request), request.params.id, request.body),
  );
};
