import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { createMeetingBody, meetingListQuery, meetingPageSchema, meetingSchema, updateMeetingBody } from '../contract/meetings.js';
import { createMeeting, getMeeting, listMeetings, meetingsOfRequest, updateMeeting } from './meeting-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['internal meetings'];

/** Internal cross-functional meetings: everyone reads them, those who work with customers record them. */
export const internalMeetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/internal-meetings',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'Internal meetings, most recent first',
        querystring: meetingListQuery,
        response: { 200: meetingPageSchema },
      },
    },
    async (request) => listMeetings(db(), request.query),
  );

  app.post(
    '/api/internal-meetings',
    {
      config: { access: 'feedback.write' },
      schema: {
        tags,
        summary: 'Record a product review, engineering sync or other internal meeting',
        body: createMeetingBody,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/internal-meetings/:id',
    {
      config: { access: 'feedback.read' },
      schema: { tags, summary: 'One internal meeting', params: idParams, response: { 200: meetingSchema } },
    },
    async (request) => getMeeting(db(), request.params.id),
  );

  app.patch(
    '/api/internal-meetings/:id',
    {
      config: { access: 'feedback.write' },
      schema: {
        tags,
        summary: 'Change a meeting; a list of attendees or links that is sent replaces the one kept',
        params: idParams,
        body: updateMeetingBody,
        response: { 200: meetingSchema },
      },
    },
    async (request) => updateMeeting(db(), changeContext(request), request.params.id, request.body),
  );

  app.get(
    '/api/feature-requests/:id/meetings',
    {
      config: { access: 'feedback.read' },
      schema: {
        tags,
        summary: 'The internal meetings that discussed a request (or one merged into it)',
        params: idParams,
        response: { 200: z.object({ items: z.array(meetingSchema) }) },
      },
    },
    async (request) => ({ items: await meetingsOfRequest(db(), request.params.id) }),
  );
};
