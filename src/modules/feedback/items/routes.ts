import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../kernel/pagination.js';
import { changeContext } from '../../../kernel/request-context.js';
import {
  createFeedbackBody,
  feedbackItemSchema,
  feedbackListQuery,
  inboxSchema,
  linkFeedbackBody,
  updateFeedbackBody,
} from '../contract/items.js';
import { feedbackInbox, listFeedbackItems } from './item-list.js';
import { createFeedbackItem, deleteFeedbackItem, getFeedbackItem, linkFeedbackItem, updateFeedbackItem } from './item-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['feedback'];

/** Feedback items and the insights inbox (issue 14). */
export const feedbackItemRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/feedback-items',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'Feedback items, newest first, filtered',
        querystring: feedbackListQuery,
        response: { 200: pageSchema(feedbackItemSchema) },
      },
    },
    async (request) => listFeedbackItems(db(), request.query),
  );

  app.get(
    '/api/feedback-inbox',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'The insights inbox: unlinked items first, each with the requests it resembles',
        querystring: feedbackListQuery,
        response: { 200: inboxSchema },
      },
    },
    async (request) => feedbackInbox(db(), request.query),
  );

  app.post(
    '/api/feedback-items',
    {
      config: { access: 'feedback.write' },
      schema: {
        tags,
        summary: 'Capture feedback from a ticket, interaction, POC criterion, task or by hand',
        body: createFeedbackBody,
        response: { 201: feedbackItemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createFeedbackItem(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/feedback-items/:id',
    {
      config: { access: 'feedback.read' },
      schema: { tags, summary: 'One feedback item', params: idParams, response: { 200: feedbackItemSchema } },
    },
    async (request) => getFeedbackItem(db(), request.params.id),
  );

  app.patch(
    '/api/feedback-items/:id',
    {
      config: { access: 'feedback.write' },
      schema: {
        tags,
        summary: 'Edit an item (words, impact, contact, area, tags)',
        params: idParams,
        body: updateFeedbackBody,
        response: { 200: feedbackItemSchema },
      },
    },
    async (request) => updateFeedbackItem(db(), changeContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/feedback-items/:id/request',
    {
      config: { access: 'feedback.write' },
      schema: {
        tags,
        summary: 'Link the item to a request, to a new request made from it, or unlink it (requestId null)',
        params: idParams,
        body: linkFeedbackBody,
        response: { 200: feedbackItemSchema },
      },
    },
    async (request) => linkFeedbackItem(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/feedback-items/:id',
    {
      config: { access: 'feedback.write' },
      schema: { tags, summary: 'Delete an item captured by mistake', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteFeedbackItem(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
