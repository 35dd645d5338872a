import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { ROLE_LABELS, ROLES } from '../../identity/index.js';
import {
  createdMemberSchema,
  createMemberBody,
  memberListQuery,
  memberSchema,
  roleListSchema,
  setPasswordBody,
  teamListSchema,
  updateMemberBody,
} from '../contract/members.js';
import * as service from './member-service.js';

const idParams = z.object({ id: z.string().max(64) });

export const teamRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/roles',
    {
      config: { access: 'signed_in' },
      schema: { tags: ['team'], summary: 'The role catalogue', response: { 200: roleListSchema } },
    },
    async () => ({ items: ROLES.map((id) => ({ id, label: ROLE_LABELS[id] })) }),
  );

  app.get(
    '/api/teams',
    {
      config: { access: 'members.read' },
      schema: { tags: ['team'], summary: 'The teams members are on, with member counts', response: { 200: teamListSchema } },
    },
    async () => service.listTeams(db()),
  );

  app.get(
    '/api/members',
    {
      config: { access: 'members.read' },
      schema: { tags: ['team'], summary: 'List members', querystring: memberListQuery, response: { 200: pageSchema(memberSchema) } },
    },
    async (request) => service.listMembers(db(), request.query),
  );

  app.get(
    '/api/members/:id',
    {
      config: { access: 'members.read' },
      schema: { tags: ['team'], summary: 'One member', params: idParams, response: { 200: memberSchema } },
    },
    async (request) => service.getMember(db(), request.params.id),
  );

  app.post(
    '/api/members',
    {
      config: { access: 'members.manage' },
      schema: {
        tags: ['team'],
        summary: 'Create (invite) a member',
        body: createMemberBody,
        response: { 201: createdMemberSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createMember(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/members/:id',
    {
      config: { access: 'members.manage' },
      schema: {
        tags: ['team'],
        summary: 'Change roles, team, skills, capacity, time zone or status',
        params: idParams,
        body: updateMemberBody,
        response: { 200: memberSchema },
      },
    },
    async (request) => service.updateMember(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/members/:id/password',
    {
      config: { access: 'members.manage' },
      schema: { tags: ['team'], summary: 'Set a member’s password', params: idParams, body: setPasswordBody, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.setPassword(db(), changeContext(request), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );
};
