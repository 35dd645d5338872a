import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { calendarSchema } from '../sla/business-calendar.js';
import { escalationActionsSchema, escalationConditionsSchema } from '../escalation/escalation-rules.js';
import { runEscalationRules } from '../escalation/escalation-rule-service.js';
import { TIERS, viewFiltersSchema, viewSchema } from '../contract/tickets.js';
import * as settings from './settings-service.js';
import { slaConditionsSchema, slaTargetsSchema } from '../sla/sla-policy-match.js';
import { sweepSlaBreaches } from '../sla/sla-service.js';
import { createView, listViews } from '../queues/views.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['support settings'];

const groupSchema = z.object({ id: z.string(), name: z.string(), tier: z.enum(TIERS) });
const calendarBody = calendarSchema.extend({ name: z.string().trim().min(1, 'Name the calendar').max(100) });
const calendarView = z.object({ id: z.string(), name: z.string(), timeZone: z.string(), weeklyHours: z.record(z.string(), z.array(z.object({ start: z.string(), end: z.string() }))), holidays: z.array(z.string()) });
const policyBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the policy').max(100),
  position: z.number().int().min(0).max(10_000),
  conditions: slaConditionsSchema,
  targets: slaTargetsSchema,
  calendarId: z.string().max(64).nullable().describe('Business-hours calendar; null for calendar hours (24×7)'),
  status: z.enum(['active', 'archived']).default('active'),
});
const policyView = policyBody.extend({ id: z.string() });
const ruleBody = z.strictObject({
  name: z.string().trim().min(1, 'Name the rule').max(100),
  position: z.number().int().min(0).max(10_000),
  status: z.enum(['active', 'paused']).default('active'),
  conditions: escalationConditionsSchema,
  actions: escalationActionsSchema,
});
const ruleView = z.object({ id: z.string(), name: z.string(), position: z.number(), status: z.enum(['active', 'paused']), conditions: z.record(z.string(), z.unknown()), actions: z.record(z.string(), z.unknown()) });

export const supportSettingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get('/api/views', { config: { access: 'tickets.read' }, schema: { tags: ['tickets'], summary: 'Queues: shared views and your own, with counts', response: { 200: z.object({ items: z.array(viewSchema) }) } } }, async (request) => ({
    items: await listViews(db(), actorOf(request).memberId),
  }));

  app.post(
    '/api/views',
    {
      config: { access: 'tickets.read' },
      schema: { tags: ['tickets'], summary: 'Save a view (personal; shared needs support.manage)', body: z.strictObject({ name: z.string().trim().min(1).max(100), filters: viewFiltersSchema, shared: z.boolean().default(false) }), response: { 201: viewSchema } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const shared = request.body.shared && actor.permissions.has('support.manage');
      return reply.status(201).send(await createView(db(), { ...request.body, shared }, actor.memberId));
    },
  );

  app.get('/api/ticket-groups', { config: { access: 'tickets.read' }, schema: { tags, summary: 'Groups', response: { 200: z.object({ items: z.array(groupSchema) }) } } }, async () => ({ items: await settings.listGroups(db()) }));
  app.post(
    '/api/ticket-groups',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Create a group', body: z.strictObject({ name: z.string().trim().min(1).max(100), tier: z.enum(TIERS) }), response: { 201: groupSchema } } },
    async (request, reply) => reply.status(201).send(await settings.createGroup(db(), changeContext(request), request.body)),
  );

  app.get('/api/business-calendars', { config: { access: 'tickets.read' }, schema: { tags, summary: 'Business-hours calendars', response: { 200: z.object({ items: z.array(calendarView) }) } } }, async () => ({ items: await settings.listCalendars(db()) }));
  app.post(
    '/api/business-calendars',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Create a calendar', body: calendarBody, response: { 201: calendarView } } },
    async (request, reply) => reply.status(201).send(await settings.saveCalendar(db(), changeContext(request), null, request.body)),
  );
  app.put(
    '/api/business-calendars/:id',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Replace a calendar', params: idParams, body: calendarBody, response: { 200: calendarView } } },
    async (request) => settings.saveCalendar(db(), changeContext(request), request.params.id, request.body),
  );

  app.get('/api/sla-policies', { config: { access: 'tickets.read' }, schema: { tags, summary: 'SLA policies in match order', response: { 200: z.object({ items: z.array(policyView) }) } } }, async () => ({ items: await settings.listPolicies(db()) }));
  app.post(
    '/api/sla-policies',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Create an SLA policy', body: policyBody, response: { 201: policyView } } },
    async (request, reply) => reply.status(201).send(await settings.savePolicy(db(), changeContext(request), null, request.body)),
  );
  app.put(
    '/api/sla-policies/:id',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Replace an SLA policy (open tickets keep their due times)', params: idParams, body: policyBody, response: { 200: policyView } } },
    async (request) => settings.savePolicy(db(), changeContext(request), request.params.id, request.body),
  );

  app.get('/api/escalation-rules', { config: { access: 'tickets.read' }, schema: { tags, summary: 'Escalation rules in order', response: { 200: z.object({ items: z.array(ruleView) }) } } }, async () => ({ items: await settings.listRules(db()) }));
  app.post(
    '/api/escalation-rules',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Create an escalation rule', body: ruleBody, response: { 201: ruleView } } },
    async (request, reply) => reply.status(201).send(await settings.saveRule(db(), changeContext(request), null, request.body)),
  );
  app.put(
    '/api/escalation-rules/:id',
    { config: { access: 'support.manage' }, schema: { tags, summary: 'Replace an escalation rule', params: idParams, body: ruleBody, response: { 200: ruleView } } },
    async (request) => settings.saveRule(db(), changeContext(request), request.params.id, request.body),
  );
  app.post(
    '/api/escalation-rules/run',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Run the SLA sweep and one escalation-rule pass now (they also run on a schedule)', response: { 200: z.object({ breaches: z.number(), fired: z.number() }) } },
    },
    async () => {
      const sweep = await sweepSlaBreaches(db());
      const pass = await runEscalationRules(db());
      return { breaches: sweep.breaches.length, fired: pass.fired.length };
    },
  );
};
