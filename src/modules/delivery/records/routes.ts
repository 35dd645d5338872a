import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import {
  accountRecordsQuery,
  createCriterionBody,
  createTrainingBody,
  createVisitBody,
  criterionSchema,
  feedbackBody,
  fieldVisitListQuery,
  fieldVisitSchema,
  pocSchema,
  portalTrainingSessionSchema,
  trainingSessionSchema,
  updateCriterionBody,
  updateTrainingBody,
  updateVisitBody,
  verdictBody,
} from '../contract/records.js';
import * as poc from './poc-service.js';
import * as training from './training-service.js';
import * as visits from './field-visit-service.js';
import { statusReportRoutes } from './status-report-routes.js';
import { givePortalFeedback, listPortalTraining } from './training-portal.js';
import { actorOf, contactOf } from '../../../kernel/request-context.js';

const idParams = z.object({ id: z.string().max(64) });
const READ = 'accounts.read';
const WRITE = 'delivery.write';

/** POC criteria and verdicts, training sessions and field visits; status reports in their own file. */
export const deliveryRecordRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await app.register(statusReportRoutes);

  // ------------------------------------------------------------ proof of concept
  const pocTags = ['proof of concept'];

  app.get(
    '/api/engagements/:id/poc',
    {
      config: { access: READ },
      schema: {
        tags: pocTags,
        summary: 'A proof of concept’s success criteria, verdict and suggested verdict',
        params: idParams,
        response: { 200: pocSchema },
      },
    },
    async (request) => poc.getPoc(db(), request.params.id),
  );

  app.post(
    '/api/engagements/:id/poc-criteria',
    {
      config: { access: WRITE },
      schema: {
        tags: pocTags,
        summary: 'Add a success criterion',
        params: idParams,
        body: createCriterionBody,
        response: { 201: criterionSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await poc.addCriterion(db(), changeContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/poc-criteria/:id',
    {
      config: { access: WRITE },
      schema: {
        tags: pocTags,
        summary: 'Edit a success criterion (status, evidence, owner…)',
        params: idParams,
        body: updateCriterionBody,
        response: { 200: criterionSchema },
      },
    },
    async (request) => poc.updateCriterion(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/poc-criteria/:id',
    {
      config: { access: WRITE },
      schema: { tags: pocTags, summary: 'Remove a success criterion', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await poc.deleteCriterion(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/engagements/:id/poc-verdict',
    {
      config: { access: WRITE },
      schema: {
        tags: pocTags,
        summary: 'Record the proof of concept’s verdict',
        params: idParams,
        body: verdictBody,
        response: { 200: pocSchema },
      },
    },
    async (request) => poc.setVerdict(db(), changeContext(request), request.params.id, request.body),
  );

  // ------------------------------------------------------------ training sessions
  const trainingTags = ['training'];

  app.get(
    '/api/accounts/:id/training-sessions',
    {
      config: { access: READ },
      schema: {
        tags: trainingTags,
        summary: 'The account’s training sessions, latest first',
        params: idParams,
        querystring: accountRecordsQuery,
        response: { 200: pageSchema(trainingSessionSchema) },
      },
    },
    async (request) => training.listTrainingSessions(db(), request.params.id, request.query),
  );

  app.post(
    '/api/accounts/:id/training-sessions',
    {
      config: { access: WRITE },
      schema: {
        tags: trainingTags,
        summary: 'Schedule a training session',
        params: idParams,
        body: createTrainingBody,
        response: { 201: trainingSessionSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await training.scheduleTrainingSession(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/training-sessions/:id',
    {
      config: { access: READ },
      schema: {
        tags: trainingTags,
        summary: 'One training session with attendees and feedback',
        params: idParams,
        response: { 200: trainingSessionSchema },
      },
    },
    async (request) => training.getTrainingSession(db(), request.params.id),
  );

  app.patch(
    '/api/training-sessions/:id',
    {
      config: { access: WRITE },
      schema: {
        tags: trainingTags,
        summary: 'Edit, deliver or cancel a training session (delivered puts it on the account timeline)',
        params: idParams,
        body: updateTrainingBody,
        response: { 200: trainingSessionSchema },
      },
    },
    async (request) => training.updateTrainingSession(db(), changeContext(request), request.params.id, request.body),
  );

  app.put(
    '/api/training-sessions/:id/feedback/:contactId',
    {
      config: { access: WRITE },
      schema: {
        tags: trainingTags,
        summary: 'Record an attendee’s feedback (rating 1–5 and a comment)',
        params: z.object({ id: z.string().max(64), contactId: z.string().max(64) }),
        body: feedbackBody,
        response: { 200: trainingSessionSchema },
      },
    },
    async (request) =>
      training.recordTrainingFeedback(db(), changeContext(request), request.params.id, request.params.contactId, request.body),
  );

  app.get(
    '/api/portal/training-sessions',
    {
      config: { access: 'portal' },
      schema: {
        tags: ['portal'],
        summary: 'Training sessions you attend',
        response: { 200: z.object({ items: z.array(portalTrainingSessionSchema) }) },
      },
    },
    async (request) => ({ items: await listPortalTraining(db(), contactOf(request)) }),
  );

  app.put(
    '/api/portal/training-sessions/:id/feedback',
    {
      config: { access: 'portal' },
      schema: {
        tags: ['portal'],
        summary: 'Rate a training session you attended',
        params: idParams,
        body: feedbackBody,
        response: { 200: portalTrainingSessionSchema },
      },
    },
    async (request) => givePortalFeedback(db(), contactOf(request), request.params.id, request.body, request.ip),
  );

  // ------------------------------------------------------------ field visits
  const visitTags = ['field visits'];

  app.get(
    '/api/accounts/:id/field-visits',
    {
      config: { access: READ },
      schema: {
        tags: visitTags,
        summary: 'The account’s field visits, latest first',
        params: idParams,
        querystring: accountRecordsQuery,
        response: { 200: pageSchema(fieldVisitSchema) },
      },
    },
    async (request) => visits.listFieldVisits(db(), request.params.id, request.query),
  );

  app.get(
    '/api/field-visits',
    {
      config: { access: READ },
      schema: {
        tags: visitTags,
        summary: 'Field visits across accounts, soonest first: filter by engineer ("me") and dates for a week’s visits',
        querystring: fieldVisitListQuery,
        response: { 200: pageSchema(fieldVisitSchema) },
      },
    },
    async (request) => {
      const { engineerId, ...rest } = request.query;
      return visits.listAllFieldVisits(db(), { ...rest, engineerId: engineerId === 'me' ? actorOf(request).memberId : engineerId });
    },
  );

  app.post(
    '/api/accounts/:id/field-visits',
    {
      config: { access: WRITE },
      schema: {
        tags: visitTags,
        summary: 'Plan a field visit',
        params: idParams,
        body: createVisitBody,
        response: { 201: fieldVisitSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await visits.planFieldVisit(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/field-visits/:id',
    {
      config: { access: READ },
      schema: { tags: visitTags, summary: 'One field visit', params: idParams, response: { 200: fieldVisitSchema } },
    },
    async (request) => visits.getFieldVisit(db(), request.params.id),
  );

  app.patch(
    '/api/field-visits/:id',
    {
      config: { access: WRITE },
      schema: {
        tags: visitTags,
        summary: 'Edit or complete a field visit (completed puts it on the account timeline)',
        params: idParams,
        body: updateVisitBody,
        response: { 200: fieldVisitSchema },
      },
    },
    async (request) => visits.updateFieldVisit(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/field-visits/:id',
    {
      config: { access: WRITE },
      schema: { tags: visitTags, summary: 'Delete a planned field visit', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await visits.deleteFieldVisit(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
