import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import {
  accountTaskListQuery,
  createPlaybookRuleBody,
  createSuccessTaskBody,
  playbookRuleListSchema,
  playbookRuleSchema,
  playbookRunSchema,
  successTaskListQuery,
  successTaskPageSchema,
  successTaskSchema,
  updatePlaybookRuleBody,
  updateSuccessTaskBody,
} from '../contract/playbooks.js';
import { createRule, deleteRule, listRules, runRule, updateRule } from './rule-service.js';
import { createTask, listAccountTasks, listTasks, updateTask } from './task-service.js';

const idParams = z.object({ id: z.string().max(64) });
const ruleTags = ['playbooks'];
const taskTags = ['success tasks'];

/**
 * Playbooks: admins keep the rules (success.manage); account owners work the tasks they create
 * (success.write); anyone who reads accounts sees an account's tasks on its page.
 */
export const playbookRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/playbook-rules',
    {
      config: { access: 'success.manage' },
      schema: { tags: ruleTags, summary: 'Playbook rules, by name', response: { 200: playbookRuleListSchema } },
    },
    async () => ({ items: await listRules(db()) }),
  );

  app.post(
    '/api/playbook-rules',
    {
      config: { access: 'success.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Create a rule: a trigger on account signals, and the task it creates for an account-team role',
        body: createPlaybookRuleBody,
        response: { 201: playbookRuleSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createRule(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/playbook-rules/:id',
    {
      config: { access: 'success.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Change a rule, or switch it on or off',
        params: idParams,
        body: updatePlaybookRuleBody,
        response: { 200: playbookRuleSchema },
      },
    },
    async (request) => updateRule(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/playbook-rules/:id',
    {
      config: { access: 'success.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Delete a rule that never created a task; a rule with tasks is disabled instead, so its tasks keep their reason',
        params: idParams,
        response: { 200: z.object({ outcome: z.enum(['deleted', 'disabled']) }) },
      },
    },
    async (request) => deleteRule(db(), changeContext(request), request.params.id),
  );

  app.post(
    '/api/playbook-rules/:id/run',
    {
      config: { access: 'success.manage' },
      schema: {
        tags: ruleTags,
        summary: 'Evaluate this rule now over every account; answers how many tasks it created',
        params: idParams,
        response: { 200: playbookRunSchema },
      },
    },
    async (request) => runRule(db(), changeContext(request), request.params.id),
  );

  app.get(
    '/api/success-tasks',
    {
      config: { access: 'success.write' },
      schema: {
        tags: taskTags,
        summary: 'Success tasks, soonest due first: "assignee=me" is my queue',
        querystring: successTaskListQuery,
        response: { 200: successTaskPageSchema },
      },
    },
    async (request) => {
      const { assignee, ...rest } = request.query;
      return listTasks(db(), { ...rest, assigneeId: assignee === 'me' ? actorOf(request).memberId : assignee });
    },
  );

  app.get(
    '/api/accounts/:id/success-tasks',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags: taskTags,
        summary: 'An account’s success tasks, soonest due first',
        params: idParams,
        querystring: accountTaskListQuery,
        response: { 200: successTaskPageSchema },
      },
    },
    async (request) => listAccountTasks(db(), request.params.id, request.query),
  );

  app.post(
    '/api/success-tasks',
    {
      config: { access: 'success.write' },
      schema: {
        tags: taskTags,
        summary: 'Create a task for an account by hand',
        body: createSuccessTaskBody,
        response: { 201: successTaskSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createTask(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/success-tasks/:id',
    {
      config: { access: 'success.write' },
      schema: {
        tags: taskTags,
        summary: 'Tick steps, reassign, or close a task with a reason (a closed task cannot be reopened)',
        params: idParams,
        body: updateSuccessTaskBody,
        response: { 200: successTaskSchema },
      },
    },
    async (request) => updateTask(db(), changeContext(request), request.params.id, request.body),
  );
};
