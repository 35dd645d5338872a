import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { memberProfileSchema, profileQuery, roleProfileRulesSchema } from '../contract/profile.js';
import { memberRefs } from '../members/member-reads.js';
import * as service from './profile-service.js';

const idParams = z.object({ id: z.string().max(64) });

/** The role profile (issue 17): a member's verdict with its evidence, and the rules it is judged by. */
export const profileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/members/:id/profile',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['team'],
        summary: 'A member’s role profile: hands-on share, deep relationships, the verdict and its reasons',
        description: 'Your own, or anyone’s with time.manage. The period defaults to the rules’ length (90 days) up to today.',
        params: idParams,
        querystring: profileQuery,
        response: { 200: memberProfileSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      // An unknown member is a 404 for everyone, so the answer depends on the id, not on who asks.
      if (!(await memberRefs(db(), [request.params.id])).has(request.params.id)) throw errors.memberNotFound();
      if (actor.memberId !== request.params.id && !actor.permissions.has('time.manage')) throw errors.profileOfOthersForbidden();
      return service.memberProfile(db(), request.params.id, request.query);
    },
  );

  app.get(
    '/api/admin/role-profile-rules',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['settings'], summary: 'The thresholds role profiles are judged by', response: { 200: roleProfileRulesSchema } },
    },
    async () => service.roleProfileRules(db()),
  );

  app.put(
    '/api/admin/role-profile-rules',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags: ['settings'],
        summary: 'Change the role-profile thresholds; every profile is judged by them from now on',
        body: roleProfileRulesSchema,
        response: { 200: roleProfileRulesSchema },
      },
    },
    async (request) => service.saveRoleProfileRules(db(), changeContext(request), request.body),
  );
};
