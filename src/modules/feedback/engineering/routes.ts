import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageSchema } from '../../../kernel/pagination.js';
import { changeContext } from '../../../kernel/request-context.js';
import {
  affectedSchema,
  createIssueBody,
  engineeringEscalationBody,
  engineeringIssueSchema,
  engineeringIssueSummarySchema,
  escalationResultSchema,
  issueDraftSchema,
  issueListQuery,
  linkFeatureRequestBody,
  linkTicketBody,
  updateIssueBody,
  upgradeCampaignBody,
  upgradeCampaignResultSchema,
} from '../contract/engineering.js';
import { affectedEnvironments, startFixCampaign } from './affected-environments.js';
import { engineeringIssueDraft, escalateToEngineering } from './engineering-escalation.js';
import { discardDraftedReply, linkFeatureRequest, linkTicket, sendDraftedReply, unlinkTicket } from './issue-links.js';
import { listEngineeringIssues } from './issue-list.js';
import { createEngineeringIssue, updateEngineeringIssue } from './issue-service.js';
import { getEngineeringIssue } from './issue-view.js';
import { trackerRoutes } from './tracker-routes.js';
import { useTrackerSecretBox } from './tracker-settings.js';

const idParams = z.object({ id: z.string().max(64) });
const linkParams = z.object({ id: z.string().max(64), ticketId: z.string().max(64) });
const sendBody = z.strictObject({
  body: z.string().trim().min(1).max(100_000).optional().describe('The reply as edited; default the draft'),
});
const tags = ['engineering issues'];
const READ = 'feedback.read';
const WRITE = 'feedback.write';

/** Engineering issues (issue 14): records, ticket links, escalation, fix-shipped replies, who is affected. */
export const engineeringIssueRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  useTrackerSecretBox(app.secretBox);
  await app.register(trackerRoutes);

  app.get(
    '/api/engineering-issues',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Engineering issues, most recently changed first',
        querystring: issueListQuery,
        response: { 200: pageSchema(engineeringIssueSummarySchema) },
      },
    },
    async (request) => listEngineeringIssues(db(), request.query),
  );

  app.post(
    '/api/engineering-issues',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Create an engineering issue (in the configured tracker too)',
        description: 'A tracker that refuses the issue answers 502 and nothing is saved.',
        body: createIssueBody,
        response: { 201: engineeringIssueSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEngineeringIssue(db(), changeContext(request), request.body)),
  );

  app.get(
    '/api/engineering-issues/:id',
    {
      config: { access: READ },
      schema: { tags, summary: 'An engineering issue', params: idParams, response: { 200: engineeringIssueSchema } },
    },
    async (request) => getEngineeringIssue(db(), request.params.id),
  );

  app.patch(
    '/api/engineering-issues/:id',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Change status, severity, fix release, title or reproduction',
        description: 'Resolved with a fix release: each linked ticket gets an internal note and a drafted reply, once.',
        params: idParams,
        body: updateIssueBody,
        response: { 200: engineeringIssueSchema },
      },
    },
    async (request) => updateEngineeringIssue(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/engineering-issues/:id/tickets',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Link a ticket (one bug, many tickets)',
        params: idParams,
        body: linkTicketBody,
        response: { 200: engineeringIssueSchema },
      },
    },
    async (request) => linkTicket(db(), changeContext(request), request.params.id, request.body.ticketId),
  );

  app.delete(
    '/api/engineering-issues/:id/tickets/:ticketId',
    {
      config: { access: WRITE },
      schema: { tags, summary: 'Unlink a ticket', params: linkParams, response: { 200: engineeringIssueSchema } },
    },
    async (request) => unlinkTicket(db(), changeContext(request), request.params.id, request.params.ticketId),
  );

  app.put(
    '/api/engineering-issues/:id/feature-request',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Link the feature request (null unlinks)',
        params: idParams,
        body: linkFeatureRequestBody,
        response: { 200: engineeringIssueSchema },
      },
    },
    async (request) => linkFeatureRequest(db(), changeContext(request), request.params.id, request.body.featureRequestId),
  );

  app.post(
    '/api/engineering-issues/:id/tickets/:ticketId/reply',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Send the drafted fix reply as a public reply',
        params: linkParams,
        body: sendBody,
        response: { 200: engineeringIssueSchema },
      },
    },
    async (request) => sendDraftedReply(db(), changeContext(request), request.params.id, request.params.ticketId, request.body.body),
  );

  app.delete(
    '/api/engineering-issues/:id/tickets/:ticketId/reply',
    {
      config: { access: WRITE },
      schema: { tags, summary: 'Discard the drafted fix reply', params: linkParams, response: { 200: engineeringIssueSchema } },
    },
    async (request) => discardDraftedReply(db(), changeContext(request), request.params.id, request.params.ticketId),
  );

  app.get(
    '/api/engineering-issues/:id/affected',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Who is affected: environments on a version before the fix release',
        params: idParams,
        response: { 200: affectedSchema },
      },
    },
    async (request) => affectedEnvironments(db(), request.params.id),
  );

  app.post(
    '/api/engineering-issues/:id/upgrade-campaign',
    {
      config: { access: 'environments.write' },
      schema: {
        tags,
        summary: 'Start an upgrade campaign to the fix release for the affected environments',
        params: idParams,
        body: upgradeCampaignBody,
        response: { 201: upgradeCampaignResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await startFixCampaign(db(), changeContext(request), request.params.id, request.body.name)),
  );

  app.get(
    '/api/tickets/:id/engineering-issue-draft',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'The escalation dialog’s prefilled engineering issue',
        params: idParams,
        response: { 200: issueDraftSchema },
      },
    },
    async (request) => engineeringIssueDraft(db(), request.params.id),
  );

  app.post(
    '/api/tickets/:id/engineering-escalation',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Escalate a ticket to engineering, creating or linking its engineering issue',
        params: idParams,
        body: engineeringEscalationBody,
        response: { 201: escalationResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await escalateToEngineering(db(), changeContext(request), request.params.id, request.body)),
  );
};
