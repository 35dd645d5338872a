import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../kernel/pagination.js';
import { changeContext } from '../../../kernel/request-context.js';
import { feedbackItemSchema, feedbackListQuery } from '../contract/items.js';
import {
  createRequestBody,
  featureRequestSchema,
  featureRequestSummarySchema,
  mergeRequestBody,
  opportunityBlockerBody,
  requestListQuery,
  updateRequestBody,
} from '../contract/requests.js';
import { listFeedbackItems } from '../items/item-list.js';
import { getFeatureRequest, listFeatureRequests } from './request-read.js';
import { createFeatureRequest, mergeFeatureRequests, setOpportunityBlocker, updateFeatureRequest } from './request-write.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['feature requests'];

/** Feature requests, their ranking, merge and opportunity blockers (issue 14). */
export const featureRequestRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/feature-requests',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'Feature requests ranked (sort=score: Σ linked accounts’ ARR × strongest impact + open pipeline), with figures',
        querystring: requestListQuery,
        response: { 200: pageSchema(featureRequestSummarySchema) },
      },
    },
    async (request) => listFeatureRequests(db(), request.query),
  );

  app.post(
    '/api/feature-requests',
    {
      config: { access: 'feedback.write' },
      schema: { tags, summary: 'Create a feature request', body: createRequestBody, response: { 201: featureRequestSchema } },
    },
    async (request, reply) => {
      const id = await createFeatureRequest(db(), changeContext(request), request.body);
      return reply.status(201).send(await getFeatureRequest(db(), id));
    },
  );

  app.get(
    '/api/feature-requests/:id',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'A request with the accounts, revenue and blockers behind it',
        params: idParams,
        response: { 200: featureRequestSchema },
      },
    },
    async (request) => getFeatureRequest(db(), request.params.id),
  );

  app.patch(
    '/api/feature-requests/:id',
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Edit a request; status shipped tells every customer who asked',
        params: idParams,
        body: updateRequestBody,
        response: { 200: featureRequestSchema },
      },
    },
    async (request) => {
      await updateFeatureRequest(db(), changeContext(request), request.params.id, request.body);
      return getFeatureRequest(db(), request.params.id);
    },
  );

  app.post(
    '/api/feature-requests/:id/merge',
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Merge this request into another: items, votes and blockers move; this one redirects',
        params: idParams,
        body: mergeRequestBody,
        response: { 200: featureRequestSchema },
      },
    },
    async (request) => {
      await mergeFeatureRequests(db(), changeContext(request), request.params.id, request.body.intoId);
      return getFeatureRequest(db(), request.body.intoId);
    },
  );

  app.get(
    '/api/feature-requests/:id/items',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'The feedback items linked to a request',
        params: idParams,
        querystring: feedbackListQuery.omit({ requestId: true, linked: true }),
        response: { 200: pageSchema(feedbackItemSchema) },
      },
    },
    async (request) => {
      await getFeatureRequest(db(), request.params.id);
      return listFeedbackItems(db(), { ...request.query, linked: 'linked', requestId: request.params.id });
    },
  );

  app.put(
    '/api/feature-requests/:id/blockers',
    {
      config: { access: 'feedback.manage' },
      schema: {
        tags,
        summary: 'Record that an opportunity lists this request as a blocker (its ARR counts as pipeline while open)',
        params: idParams,
        body: opportunityBlockerBody,
        response: { 200: featureRequestSchema },
      },
    },
    async (request) => {
      await setOpportunityBlocker(db(), changeContext(request), request.params.id, request.body);
      return getFeatureRequest(db(), request.params.id);
    },
  );
};
