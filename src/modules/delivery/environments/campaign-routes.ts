import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import {
  addEnvironmentsBody,
  campaignAddedSchema,
  campaignListQuery,
  campaignSchema,
  campaignSummarySchema,
  createCampaignBody,
  scopePreviewQuery,
  scopePreviewSchema,
  stateChangeBody,
  updateCampaignBody,
  windowsBody,
} from '../contract/environments.js';
import { getCampaign, listCampaigns } from './campaign-board.js';
import { addEnvironments, changeUpgradeState, createCampaign, replaceWindows, resolveScope, updateCampaign } from './campaign-service.js';
import { assertKnownVersion } from './release-service.js';

const tags = ['campaigns'];
const idParams = z.object({ id: z.string().max(64) });
const entryParams = z.object({ id: z.string().max(64), deploymentId: z.string().max(64) });

/** Upgrade campaigns: scope by filters, maintenance windows, and each environment's upgrade state. */
export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/campaigns',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Upgrade campaigns, newest first, with progress',
        querystring: campaignListQuery,
        response: { 200: pageSchema(campaignSummarySchema) },
      },
    },
    async (request) => listCampaigns(db(), request.query),
  );

  app.get(
    '/api/campaigns/scope-preview',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The environments a campaign with these filters would include',
        querystring: scopePreviewQuery,
        response: { 200: scopePreviewSchema },
      },
    },
    async (request) => {
      const { product, targetVersion, ...filters } = request.query;
      const target = await assertKnownVersion(db(), product, targetVersion, 'targetVersion');
      const scope = await resolveScope(db(), product, target, filters);
      return { count: scope.length, environments: scope.slice(0, 100) };
    },
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Start an upgrade campaign; its filters choose the environments in scope now',
        body: createCampaignBody,
        response: { 201: campaignSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'A campaign with every environment’s upgrade state and history',
        params: idParams,
        response: { 200: campaignSchema },
      },
    },
    async (request) => getCampaign(db(), request.params.id),
  );

  app.patch(
    '/api/campaigns/:id',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Rename, change owner or description, complete or cancel',
        params: idParams,
        body: updateCampaignBody,
        response: { 200: campaignSchema },
      },
    },
    async (request) => updateCampaign(db(), changeContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/campaigns/:id/windows',
    {
      config: { access: 'environments.write' },
      schema: { tags, summary: 'Replace the maintenance windows', params: idParams, body: windowsBody, response: { 200: campaignSchema } },
    },
    async (request) => replaceWindows(db(), changeContext(request), request.params.id, request.body.windows),
  );

  app.post(
    '/api/campaigns/:id/environments',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Add environments, by id or by filters',
        params: idParams,
        body: addEnvironmentsBody,
        response: { 200: campaignAddedSchema },
      },
    },
    async (request) => addEnvironments(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/campaigns/:id/environments/:deploymentId/state',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Move an environment’s upgrade to a new state (or add a note)',
        params: entryParams,
        body: stateChangeBody,
        response: { 200: campaignSchema },
      },
    },
    async (request) => changeUpgradeState(db(), changeContext(request), request.params.id, request.params.deploymentId, request.body),
  );
};
