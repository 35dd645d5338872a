import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contactOf } from '../../../kernel/request-context.js';
import { feedbackPreferencesBody, feedbackPreferencesSchema, portalNoticeListSchema, portalNoticeSchema } from '../contract/loop.js';
import { getFeedbackPreferences, listPortalNotices, markPortalNoticeRead, setFeedbackPreferences } from './portal-notices.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['portal'];

/**
 * Closing the loop in the customer portal: the contact's own "it shipped" notices and their opt-out.
 * (The notices themselves are written by closeTheLoop when a request ships.)
 */
export const closeTheLoopRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/portal/notices',
    {
      config: { access: 'portal' },
      schema: { tags, summary: 'Product updates sent to you, newest first', response: { 200: portalNoticeListSchema } },
    },
    async (request) => listPortalNotices(db(), contactOf(request)),
  );

  app.post(
    '/api/portal/notices/:id/read',
    {
      config: { access: 'portal' },
      schema: { tags, summary: 'Mark one of your product updates read', params: idParams, response: { 200: portalNoticeSchema } },
    },
    async (request) => markPortalNoticeRead(db(), contactOf(request), request.params.id),
  );

  app.get(
    '/api/portal/feedback-preferences',
    {
      config: { access: 'portal' },
      schema: { tags, summary: 'Whether you receive product updates', response: { 200: feedbackPreferencesSchema } },
    },
    async (request) => getFeedbackPreferences(db(), contactOf(request)),
  );

  app.put(
    '/api/portal/feedback-preferences',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Switch product updates (notices and e-mails when a request you asked for ships) off or on',
        body: feedbackPreferencesBody,
        response: { 200: feedbackPreferencesSchema },
      },
    },
    async (request) => setFeedbackPreferences(db(), contactOf(request), request.body, request.ip),
  );
};
