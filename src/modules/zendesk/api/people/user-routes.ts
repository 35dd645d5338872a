import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../../kernel/request-context.js';
import {
  createOrUpdateUserBody,
  createUserBody,
  numericIdParams,
  showManyQuery,
  updateUserBody,
  userEnvelope,
  userList,
  userRoleFilter,
  userSearchFilter,
} from '../../contract/people.js';
import { pagingQuery } from '../http/pagination.js';
import { outpostIdByExternalId } from '../external-ids.js';
import { presentUsers, type UserRef } from './present-people.js';
import { askedRoles, userListAnswer } from './user-list.js';
import { assertMaySee, parseUserQuery, refsOfOutpostIds, userRefOf, userRefsOf, visibleRoles } from './user-directory.js';
import { createOrUpdateUser, createUser, updateUser } from './user-service.js';

const tags = ['zendesk: users'];

/**
 * /api/v2/users (Support API reference → Users). Reads are 'signed_in' and filtered inside:
 * agents need members.read, end-users (customer data) accounts.read — a caller with one sees only
 * that kind, with neither gets 403. Writes check contacts.write (end-users) or members.manage
 * (agents, admins) in the service, since the body decides which.
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const one = async (request: Parameters<typeof actorOf>[0], ref: UserRef) => ({ user: (await presentUsers(db(), request, [ref]))[0]! });

  app.get(
    '/users',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'List users (agents and admins are members, end-users contacts)',
        querystring: z.object({ ...pagingQuery, ...userRoleFilter, permission_set: z.string().max(30).optional() }),
        response: { 200: userList },
      },
    },
    async (request) => {
      const roles = visibleRoles(actorOf(request), askedRoles(request.query));
      return userListAnswer(db(), request, { roles }, request.query);
    },
  );

  app.get(
    '/users/me',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'The user the credentials belong to', response: { 200: userEnvelope } } },
    async (request) => one(request, { type: 'member', id: actorOf(request).memberId }),
  );

  app.get(
    '/users/show_many',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Users by id (at most 100)', querystring: showManyQuery, response: { 200: userList } },
    },
    async (request) => {
      const actor = actorOf(request);
      const refs = (await userRefsOf(db(), request.query.ids)).filter((ref) =>
        actor.permissions.has(ref.type === 'member' ? 'members.read' : 'accounts.read'),
      );
      return { users: await presentUsers(db(), request, refs), next_page: null, previous_page: null, count: refs.length };
    },
  );

  app.get(
    '/users/search',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Search users by e-mail, name, role or external_id',
        querystring: z.object({ ...pagingQuery, ...userSearchFilter }),
        response: { 200: userList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (request.query.external_id !== undefined) {
        const id = await outpostIdByExternalId(db(), 'user', request.query.external_id);
        const refs = id ? await refsOfOutpostIds(db(), [id]) : [];
        const visible = refs.filter((ref) => actor.permissions.has(ref.type === 'member' ? 'members.read' : 'accounts.read'));
        return { users: await presentUsers(db(), request, visible), next_page: null, previous_page: null, count: visible.length };
      }
      const parsed = parseUserQuery(request.query.query ?? '');
      const roles = visibleRoles(actor, parsed.roles);
      return userListAnswer(db(), request, { roles, email: parsed.email, text: parsed.text }, request.query);
    },
  );

  app.get(
    '/users/:id',
    { config: { access: 'signed_in' }, schema: { tags, summary: 'One user', params: numericIdParams, response: { 200: userEnvelope } } },
    async (request) => {
      const ref = await userRefOf(db(), request.params.id);
      assertMaySee(actorOf(request), ref);
      return one(request, ref);
    },
  );

  app.post(
    '/users',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Create a user (end-user → contact, agent/admin → member)',
        body: createUserBody,
        response: { 201: userEnvelope },
      },
    },
    async (request, reply) => {
      const ref = await createUser(db(), actorOf(request), changeContext(request), request.body.user);
      return reply.status(201).send(await one(request, ref));
    },
  );

  app.post(
    '/users/create_or_update',
    {
      config: { access: 'signed_in' },
      schema: {
        tags,
        summary: 'Update the user with this external_id or e-mail, or create one',
        body: createOrUpdateUserBody,
        response: { 200: userEnvelope, 201: userEnvelope },
      },
    },
    async (request, reply) => {
      const { ref, created } = await createOrUpdateUser(db(), actorOf(request), changeContext(request), request.body.user);
      return reply.status(created ? 201 : 200).send(await one(request, ref));
    },
  );

  app.put(
    '/users/:id',
    {
      config: { access: 'signed_in' },
      schema: { tags, summary: 'Update a user', params: numericIdParams, body: updateUserBody, response: { 200: userEnvelope } },
    },
    async (request) => {
      const ref = await userRefOf(db(), request.params.id);
      await updateUser(db(), actorOf(request), changeContext(request), ref, request.body.user);
      return one(request, ref);
    },
  );
};
