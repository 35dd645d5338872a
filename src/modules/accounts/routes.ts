import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../kernel/request-context.js';
import { recordAudit } from '../../kernel/audit.js';
import { pageQuery, pageSchema } from '../../kernel/pagination.js';
import { writeSetting } from '../../kernel/settings.js';
import {
  accountListQuery,
  accountContactListSchema,
  accountSchema,
  accountSummarySchema,
  contactSchema,
  createAccountBody,
  createContactBody,
  createInteractionBody,
  interactionSchema,
  setTeamBody,
  updateAccountBody,
  updateContactBody,
} from './contract/accounts.js';
import { relationshipRulesSchema } from './contract/relationship-rules.js';
import * as service from './service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['accounts'];

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/accounts',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'List accounts', querystring: accountListQuery, response: { 200: pageSchema(accountSummarySchema) } },
    },
    async (request) => service.listAccounts(db(), request.query),
  );

  app.post(
    '/api/accounts',
    {
      config: { access: 'accounts.write' },
      schema: { tags, summary: 'Create an account', body: createAccountBody, response: { 201: accountSchema } },
    },
    async (request, reply) => reply.status(201).send(await service.createAccount(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/accounts/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One account with its team and relationship evidence', params: idParams, response: { 200: accountSchema } },
    },
    async (request) => service.getAccount(db(), request.params.id),
  );

  app.patch(
    '/api/accounts/:id',
    {
      config: { access: 'accounts.write' },
      schema: { tags, summary: 'Edit an account', params: idParams, body: updateAccountBody, response: { 200: accountSchema } },
    },
    async (request) => service.updateAccount(db(), changeContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/accounts/:id/team',
    {
      config: { access: 'accounts.write' },
      schema: {
        tags,
        summary: 'Set the account team (one member per role)',
        params: idParams,
        body: setTeamBody,
        response: { 200: accountSchema },
      },
    },
    async (request) => service.setAccountTeam(db(), changeContext(request), request.params.id, request.body.slots),
  );

  app.get(
    '/api/accounts/:id/contacts',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'The account’s contacts', params: idParams, response: { 200: accountContactListSchema } },
    },
    async (request) => ({ items: await service.listContacts(db(), request.params.id) }),
  );

  app.post(
    '/api/accounts/:id/contacts',
    {
      config: { access: 'contacts.write' },
      schema: { tags, summary: 'Add a contact', params: idParams, body: createContactBody, response: { 201: contactSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createContact(db(), changeContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/contacts/:id',
    {
      config: { access: 'contacts.write' },
      schema: { tags, summary: 'Edit a contact', params: idParams, body: updateContactBody, response: { 200: contactSchema } },
    },
    async (request) => service.updateContact(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/accounts/:id/interactions',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The account’s interaction timeline, newest first',
        params: idParams,
        querystring: z.object(pageQuery),
        response: { 200: pageSchema(interactionSchema) },
      },
    },
    async (request) => {
      await service.getAccount(db(), request.params.id);
      return service.listInteractions(db(), request.params.id, request.query.cursor, request.query.limit);
    },
  );

  app.post(
    '/api/accounts/:id/interactions',
    {
      config: { access: 'interactions.write' },
      schema: { tags, summary: 'Log an interaction', params: idParams, body: createInteractionBody, response: { 201: interactionSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await service.logInteraction(db(), changeContext(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/interactions/:id',
    {
      config: { access: 'interactions.write' },
      schema: { tags, summary: 'Delete an interaction logged by mistake', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteInteraction(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/settings/relationship-rules',
    {
      config: { access: 'accounts.read' },
      schema: { tags: ['settings'], summary: 'Rules that decide engaged vs transactional', response: { 200: relationshipRulesSchema } },
    },
    async () => service.relationshipRules(db()),
  );

  app.put(
    '/api/settings/relationship-rules',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Change the relationship rules; every account is re-assessed',
        body: relationshipRulesSchema,
        response: { 200: relationshipRulesSchema },
      },
    },
    async (request) => {
      const before = await service.relationshipRules(db());
      await db()
        .transaction()
        .execute(async (trx) => {
          await writeSetting(trx, service.RELATIONSHIP_RULES_KEY, request.body);
          await recordAudit(trx, changeContext(request), {
            action: 'settings.relationship_rules_changed',
            recordType: 'setting',
            recordId: service.RELATIONSHIP_RULES_KEY,
            changes: { rules: [before, request.body] },
          });
        });
      await service.refreshAllRelationships(db());
      return request.body;
    },
  );
};
