import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { runEscalationRules } from '../escalation/escalation-rule-service.js';
import { createViewBody, viewSchema } from '../contract/tickets.js';
import {
  calendarBody,
  calendarViewSchema as calendarView,
  createGroupBody,
  groupSchema,
  policyBody,
  policyViewSchema as policyView,
  ruleBody,
  ruleRunResultSchema,
  ruleViewSchema as ruleView,
} from '../contract/settings.js';
import * as settings from './settings-service.js';
import { sweepSlaBreaches } from '../sla/sla-service.js';
import { createView, listViews } from '../queues/views.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['support settings'];

export const supportSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/views',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        summary: 'Queues: shared views and your own, with counts',
        response: { 200: z.object({ items: z.array(viewSchema) }) },
      },
    },
    async (request) => ({
      items: await listViews(db(), actorOf(request).memberId),
    }),
  );

  app.post(
    '/api/views',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['tickets'],
        summary: 'Save a view (personal; shared needs support.manage)',
        body: createViewBody,
        response: { 201: viewSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const shared = request.body.shared && actor.permissions.has('support.manage');
      return reply.status(201).send(await createView(db(), { ...request.body, shared }, actor.memberId));
    },
  );

  app.get(
    '/api/ticket-groups',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Groups', response: { 200: z.object({ items: z.array(groupSchema) }) } },
    },
    async () => ({ items: await settings.listGroups(db()) }),
  );
  app.post(
    '/api/ticket-groups',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Create a group', body: createGroupBody, response: { 201: groupSchema } },
    },
    async (request, reply) => reply.status(201).send(await settings.createGroup(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/business-calendars',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Business-hours calendars', response: { 200: z.object({ items: z.array(calendarView) }) } },
    },
    async () => ({ items: await settings.listCalendars(db()) }),
  );
  app.post(
    '/api/business-calendars',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Create a calendar', body: calendarBody, response: { 201: calendarView } },
    },
    async (request, reply) => reply.status(201).send(await settings.saveCalendar(db(), changeContext(request), null, request.body)),
  );
  app.put(
    '/api/business-calendars/:id',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Replace a calendar', params: idParams, body: calendarBody, response: { 200: calendarView } },
    },
    async (request) => settings.saveCalendar(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/sla-policies',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'SLA policies in match order', response: { 200: z.object({ items: z.array(policyView) }) } },
    },
    async () => ({ items: await settings.listPolicies(db()) }),
  );
  app.post(
    '/api/sla-policies',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Create an SLA policy', body: policyBody, response: { 201: policyView } },
    },
    async (request, reply) => reply.status(201).send(await settings.savePolicy(db(), changeContext(request), null, request.body)),
  );
  app.put(
    '/api/sla-policies/:id',
    {
      config: { access: 'support.manage' },
      schema: {
        tags,
        summary: 'Replace an SLA policy (open tickets keep their due times)',
        params: idParams,
        body: policyBody,
        response: { 200: policyView },
      },
    },
    async (request) => settings.savePolicy(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/escalation-rules',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Escalation rules in order', response: { 200: z.object({ items: z.array(ruleView) }) } },
    },
    async () => ({ items: await settings.listRules(db()) }),
  );
  app.post(
    '/api/escalation-rules',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Create an escalation rule', body: ruleBody, response: { 201: ruleView } },
    },
    async (request, reply) => reply.status(201).send(await settings.saveRule(db(), changeContext(request), null, request.body)),
  );
  app.put(
    '/api/escalation-rules/:id',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Replace an escalation rule', params: idParams, body: ruleBody, response: { 200: ruleView } },
    },
    async (request) => settings.saveRule(db(), changeContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/escalation-rules/run',
    {
      config: { access: 'support.manage' },
      schema: {
        tags,
        summary: 'Run the SLA sweep and one escalation-rule pass now (they also run on a schedule)',
        response: { 200: ruleRunResultSchema },
      },
    },
    async () => {
      const sweep = await sweepSlaBreaches(db());
      const pass = await runEscalationRules(db());
      return { breaches: sweep.breaches.length, fired: pass.fired.length };
    },
  );
};
