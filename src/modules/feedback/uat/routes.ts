import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import {
  createRoundBody,
  inviteBody,
  issueFromResultBody,
  issueFromResultResponse,
  reorderCasesBody,
  uatCaseInput,
  uatRoundSchema,
  uatRoundSummarySchema,
  updateCaseBody,
} from '../contract/uat.js';
import { addCase, deleteCase, reorderCases, updateCase } from './case-service.js';
import { failureToIssue } from './failure-to-issue.js';
import { inviteContacts } from './invite-service.js';
import { uatPortalRoutes } from './portal-routes.js';
import { closeRound, createRound } from './round-service.js';
import { getRound, listRoundsOfRequest } from './round-view.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['acceptance testing'];
// Reading rounds is for everyone who reads feedback; running them is the request owners' (feedback.manage).
const READ = 'feedback.read';
const MANAGE = 'feedback.manage';
// Turning a failure into an engineering issue is escalating a bug, which everyone who meets customers does.
const ESCALATE = 'feedback.write';

/** Where the portal lives, for the links in invitation e-mails. */
function publicUrl(request: FastifyRequest): string {
  return process.env.OUTPOST_PUBLIC_URL ?? `${request.protocol}://${request.host}`;
}

/** UAT rounds, agent side (issue 14): create, cases, invitees, results, failures → issues, close. */
export const uatRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await app.register(uatPortalRoutes);

  app.get(
    '/api/feature-requests/:id/uat-rounds',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'A feature request’s UAT rounds, newest first, with counts and sign-off',
        params: idParams,
        response: { 200: z.object({ items: z.array(uatRoundSummarySchema) }) },
      },
    },
    async (request) => ({ items: await listRoundsOfRequest(db(), request.params.id) }),
  );

  app.post(
    '/api/feature-requests/:id/uat-rounds',
    {
      config: { access: MANAGE },
      schema: {
        tags,
        summary: 'Start a UAT round on a request in progress (cases and invitees optional); invitees are e-mailed',
        params: idParams,
        body: createRoundBody,
        response: { 201: uatRoundSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createRound(db(), changeContext(request), request.params.id, request.body, { publicUrl: publicUrl(request) })),
  );

  app.get(
    '/api/uat-rounds/:id',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'A UAT round: cases with each contact’s result, invitees, failures and sign-off readiness',
        params: idParams,
        response: { 200: uatRoundSchema },
      },
    },
    async (request) => getRound(db(), request.params.id),
  );

  app.post(
    '/api/uat-rounds/:id/cases',
    {
      config: { access: MANAGE },
      schema: {
        tags,
        summary: 'Add a test case at the end (open rounds only)',
        params: idParams,
        body: uatCaseInput,
        response: { 201: uatRoundSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addCase(db(), changeContext(request), request.params.id, request.body)),
  );

  app.put(
    '/api/uat-rounds/:id/case-order',
    {
      config: { access: MANAGE },
      schema: {
        tags,
        summary: 'Reorder the cases: every case id once, in order',
        params: idParams,
        body: reorderCasesBody,
        response: { 200: uatRoundSchema },
      },
    },
    async (request) => reorderCases(db(), changeContext(request), request.params.id, request.body.caseIds),
  );

  app.patch(
    '/api/uat-cases/:id',
    {
      config: { access: MANAGE },
      schema: {
        tags,
        summary: 'Edit a test case (open rounds only)',
        params: idParams,
        body: updateCaseBody,
        response: { 200: uatRoundSchema },
      },
    },
    async (request) => updateCase(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/uat-cases/:id',
    {
      config: { access: MANAGE },
      schema: { tags, summary: 'Remove a test case nobody has tested yet', params: idParams, response: { 200: uatRoundSchema } },
    },
    async (request) => deleteCase(db(), changeContext(request), request.params.id),
  );

  app.post(
    '/api/uat-rounds/:id/invitees',
    {
      config: { access: MANAGE },
      schema: {
        tags,
        summary: 'Invite contacts of the round’s account: each sees the round in the portal and gets an e-mail',
        params: idParams,
        body: inviteBody,
        response: { 200: uatRoundSchema },
      },
    },
    async (request) =>
      inviteContacts(db(), changeContext(request), request.params.id, request.body.contactIds, { publicUrl: publicUrl(request) }),
  );

  app.post(
    '/api/uat-rounds/:id/close',
    {
      config: { access: MANAGE },
      schema: {
        tags,
        summary: 'Close a round (open or signed off); nothing changes afterwards',
        params: idParams,
        response: { 200: uatRoundSchema },
      },
    },
    async (request) => closeRound(db(), changeContext(request), request.params.id),
  );

  app.post(
    '/api/uat-results/:id/engineering-issue',
    {
      config: { access: ESCALATE },
      schema: {
        tags,
        summary: 'Turn a failed result into an engineering issue linked to the request (once per failure)',
        params: idParams,
        body: issueFromResultBody,
        response: { 201: issueFromResultResponse },
      },
    },
    async (request, reply) => reply.status(201).send(await failureToIssue(db(), changeContext(request), request.params.id, request.body)),
  );
};
