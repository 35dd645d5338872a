import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { accountExists } from '../../accounts/index.js';
import { changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { ticketSchema } from '../../support/contract/tickets.js';
import { listDeploymentTickets } from '../../support/index.js';
import {
  configurationBody,
  configVersionSchema,
  createEnvironmentBody,
  customisationBody,
  customisationSchema,
  environmentSchema,
  environmentSummarySchema,
  environmentPageQuery,
  matrixSchema,
  updateCustomisationBody,
  updateEnvironmentBody,
} from '../contract/environments.js';
import { environmentMatrix } from './environment-matrix.js';
import { addCustomisation, removeCustomisation, updateCustomisation } from './customisation-service.js';
import { configHistory, createEnvironment, getEnvironment, saveConfiguration, updateEnvironment } from './environment-service.js';
import { listEnvironments, pageEnvironments } from './environment-list.read-model.js';

const tags = ['environments'];
const idParams = z.object({ id: z.string().max(64) });
const customisationParams = z.object({ id: z.string().max(64), customisationId: z.string().max(64) });
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Customer environments (deployments): the registry, its matrix, configuration history and customisations. */
export const environmentRegistryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/environments',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Environments matching the filters, by account, a page at a time (versions behind worked out from the catalogue)',
        querystring: environmentPageQuery,
        response: { 200: pageSchema(environmentSummarySchema) },
      },
    },
    async (request) => pageEnvironments(db(), request.query),
  );

  app.get(
    '/api/environment-matrix',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Accounts × releases of one product, a page of accounts at a time, with versions behind and totals',
        querystring: environmentPageQuery,
        response: { 200: matrixSchema },
      },
    },
    async (request) => environmentMatrix(db(), request.query),
  );

  app.get(
    '/api/accounts/:id/environments',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'An account’s environments, decommissioned ones included',
        params: idParams,
        response: { 200: items(environmentSummarySchema) },
      },
    },
    async (request) => {
      if (!(await accountExists(db(), request.params.id))) throw errors.accountNotFound();
      return { items: await listEnvironments(db(), { accountId: request.params.id, status: 'all' }) };
    },
  );

  app.post(
    '/api/accounts/:id/environments',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Register an environment on an account',
        params: idParams,
        body: createEnvironmentBody,
        response: { 201: environmentSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createEnvironment(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/environments/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'An environment with its configuration, contacts, customisations and campaigns',
        params: idParams,
        response: { 200: environmentSchema },
      },
    },
    async (request) => getEnvironment(db(), request.params.id),
  );

  app.patch(
    '/api/environments/:id',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Edit an environment: name, version, hosting, region, status, contacts responsible',
        params: idParams,
        body: updateEnvironmentBody,
        response: { 200: environmentSchema },
      },
    },
    async (request) => updateEnvironment(db(), changeContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/environments/:id/configuration',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Save the configuration as its next version',
        params: idParams,
        body: configurationBody,
        response: { 200: environmentSchema },
      },
    },
    async (request) => saveConfiguration(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/environments/:id/configuration-history',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Every saved configuration, newest first, with what changed',
        params: idParams,
        response: { 200: items(configVersionSchema) },
      },
    },
    async (request) => ({ items: await configHistory(db(), request.params.id) }),
  );

  app.get(
    '/api/environments/:id/tickets',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Support tickets linked to the environment, newest first',
        params: idParams,
        response: { 200: items(ticketSchema) },
      },
    },
    async (request) => {
      await getEnvironment(db(), request.params.id);
      return { items: await listDeploymentTickets(db(), request.params.id) };
    },
  );

  app.post(
    '/api/environments/:id/customisations',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Record a customisation: what, why, owner, code repository',
        params: idParams,
        body: customisationBody,
        response: { 201: customisationSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addCustomisation(db(), changeContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/environments/:id/customisations/:customisationId',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Edit a customisation',
        params: customisationParams,
        body: updateCustomisationBody,
        response: { 200: customisationSchema },
      },
    },
    async (request) => updateCustomisation(db(), changeContext(request), request.params.id, request.params.customisationId, request.body),
  );

  app.delete(
    '/api/environments/:id/customisations/:customisationId',
    {
      config: { access: 'environments.write' },
      schema: { tags, summary: 'Remove a customisation', params: customisationParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await removeCustomisation(db(), changeContext(request), request.params.id, request.params.customisationId);
      return reply.status(204).send(null);
    },
  );
};
