import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../kernel/request-context.js';
import { notificationListQuery, notificationListSchema, notificationSchema, readAllResultSchema } from '../contract/notifications.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notification-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['notifications'];

/**
 * The signed-in member's own notifications (the bell). Every route reads the member from the
 * session, never from the request, so nobody can list or mark another member's notifications.
 * Marking read is not audited: it changes what the member sees, not any record of the workspace.
 */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/notifications',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with your unread count',
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
    },
    async (request) => listNotifications(db(), actorOf(request).memberId, request.query.limit),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Mark one of your notifications read', params: idParams, response: { 200: notificationSchema } },
    },
    async (request) => markNotificationRead(db(), actorOf(request).memberId, request.params.id),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Mark all your notifications read', response: { 200: readAllResultSchema } },
    },
    async (request) => ({ marked: await markAllNotificationsRead(db(), actorOf(request).memberId) }),
  );
};
