import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { contactOf } from '../../../kernel/request-context.js';
import { timeEntrySchema } from '../../team/contract/time-entries.js';
import { completePortalTask, listPortalEngagements } from './portal.js';
import {
  commentBody,
  commentSchema,
  createEngagementBody,
  createTaskBody,
  engagementListQuery,
  engagementSchema,
  engagementSummarySchema,
  engagementTimeSchema,
  myTaskSchema,
  myTasksQuery,
  portalEngagementSchema,
  progressSchema,
  taskSchema,
  taskTimeBody,
  templateInputBody,
  templateListQuery,
  templatePutBody,
  templateSchema,
  templateSummarySchema,
  timeToValueSchema,
  updateEngagementBody,
  updateTaskBody,
} from '../contract/engagements.js';
import {
  addComment,
  createEngagement,
  createTask,
  deleteTask,
  engagementProgress,
  engagementTime,
  getEngagement,
  getTask,
  listComments,
  listEngagements,
  logTaskTime,
  myTasks,
  timeToValue,
  updateEngagement,
  updateTask,
} from './service.js';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from './template-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['engagements'];

/** Engagements, their templates, plans, tasks, time and progress (issue 5), and the portal's view of them. */
export const engagementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  // ------------------------------------------------------------ templates
  app.get(
    '/api/engagement-templates',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Engagement templates',
        querystring: templateListQuery,
        response: { 200: z.object({ items: z.array(templateSummarySchema) }) },
      },
    },
    async (request) => ({ items: await listTemplates(db(), { includeArchived: request.query.includeArchived }) }),
  );
  app.get(
    '/api/engagement-templates/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'An engagement template with its phases and tasks', params: idParams, response: { 200: templateSchema } },
    },
    async (request) => getTemplate(db(), request.params.id),
  );
  app.post(
    '/api/engagement-templates',
    {
      config: { access: 'delivery.manage' },
      schema: { tags, summary: 'Create an engagement template', body: templateInputBody, response: { 201: templateSchema } },
    },
    async (request, reply) => reply.status(201).send(await createTemplate(db(), changeContext(request), request.body)),
  );
  app.put(
    '/api/engagement-templates/:id',
    {
      config: { access: 'delivery.manage' },
      schema: {
        tags,
        summary: 'Replace a template’s phases and tasks (running engagements keep their plans)',
        params: idParams,
        body: templatePutBody,
        response: { 200: templateSchema },
      },
    },
    async (request) => updateTemplate(db(), changeContext(request), request.params.id, request.body),
  );

  // ------------------------------------------------------------ engagements
  app.get(
    '/api/engagements',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Engagements, latest start first',
        querystring: engagementListQuery,
        response: { 200: pageSchema(engagementSummarySchema) },
      },
    },
    async (request) => listEngagements(db(), request.query),
  );
  app.post(
    '/api/engagements',
    {
      config: { access: 'delivery.write' },
      schema: {
        tags,
        summary: 'Create an engagement (from a template: with its dated plan)',
        body: createEngagementBody,
        response: { 201: engagementSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEngagement(db(), changeContext(request), request.body)),
  );
  app.get(
    '/api/engagements/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'An engagement with its phases and tasks', params: idParams, response: { 200: engagementSchema } },
    },
    async (request) => getEngagement(db(), request.params.id),
  );
  app.patch(
    '/api/engagements/:id',
    {
      config: { access: 'delivery.write' },
      schema: { tags, summary: 'Change an engagement', params: idParams, body: updateEngagementBody, response: { 200: engagementSchema } },
    },
    async (request) => updateEngagement(db(), changeContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/engagements/:id/progress',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Budget burn-down, schedule slip, task counts and milestones',
        params: idParams,
        response: { 200: progressSchema },
      },
    },
    async (request) => engagementProgress(db(), request.params.id),
  );
  app.get(
    '/api/engagements/:id/time',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'Time logged on an engagement, with totals', params: idParams, response: { 200: engagementTimeSchema } },
    },
    async (request) => engagementTime(db(), request.params.id),
  );
  app.get(
    '/api/delivery/time-to-value',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Contract start to go-live per engagement, and the average',
        querystring: z.object({ accountId: z.string().max(64).optional() }),
        response: { 200: timeToValueSchema },
      },
    },
    async (request) => timeToValue(db(), request.query),
  );

  // ------------------------------------------------------------ tasks
  app.post(
    '/api/engagements/:id/tasks',
    {
      config: { access: 'delivery.write' },
      schema: { tags, summary: 'Add a task to an engagement', params: idParams, body: createTaskBody, response: { 201: taskSchema } },
    },
    async (request, reply) => reply.status(201).send(await createTask(db(), changeContext(request), request.params.id, request.body)),
  );
  app.get(
    '/api/tasks/:id',
    { config: { access: 'accounts.read' }, schema: { tags, summary: 'A task', params: idParams, response: { 200: taskSchema } } },
    async (request) => getTask(db(), request.params.id),
  );
  app.patch(
    '/api/tasks/:id',
    {
      config: { access: 'delivery.write' },
      schema: {
        tags,
        summary: 'Change a task (start or finish it only when what it waits for is done)',
        params: idParams,
        body: updateTaskBody,
        response: { 200: taskSchema },
      },
    },
    async (request) => updateTask(db(), changeContext(request), request.params.id, request.body),
  );
  app.delete(
    '/api/tasks/:id',
    {
      config: { access: 'delivery.write' },
      schema: { tags, summary: 'Delete a task (its time stays on the engagement)', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteTask(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/tasks/:id/comments',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'A task’s comments, oldest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(commentSchema) }) },
      },
    },
    async (request) => ({ items: await listComments(db(), request.params.id) }),
  );
  app.post(
    '/api/tasks/:id/comments',
    {
      config: { access: 'delivery.write' },
      schema: { tags, summary: 'Comment on a task', params: idParams, body: commentBody, response: { 201: commentSchema } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await addComment(
            db(),
            changeContext(request),
            request.params.id,
            { type: 'member', id: actorOf(request).memberId },
            request.body.body,
          ),
        ),
  );
  app.post(
    '/api/tasks/:id/time',
    {
      config: { access: 'delivery.write' },
      schema: {
        tags,
        summary: 'Log your time on a task (it is also your time entry)',
        params: idParams,
        body: taskTimeBody,
        response: { 201: timeEntrySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await logTaskTime(db(), changeContext(request), request.params.id, actorOf(request).memberId, request.body)),
  );
  app.get(
    '/api/my-tasks',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Tasks you own across engagements, by due date',
        querystring: myTasksQuery,
        response: { 200: z.object({ items: z.array(myTaskSchema) }) },
      },
    },
    async (request) => ({ items: await myTasks(db(), actorOf(request).memberId, request.query.status) }),
  );

  // ------------------------------------------------------------ portal
  app.get(
    '/api/portal/engagements',
    {
      config: { access: 'portal' },
      schema: {
        tags: ['portal'],
        summary: 'Your organisation’s projects and the tasks shared with you',
        response: { 200: z.object({ items: z.array(portalEngagementSchema) }) },
      },
    },
    async (request) => ({ items: await listPortalEngagements(db(), contactOf(request)) }),
  );
  app.post(
    '/api/portal/tasks/:id/complete',
    {
      config: { access: 'portal' },
      schema: { tags: ['portal'], summary: 'Mark a task of yours done', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await completePortalTask(db(), contactOf(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );
};
