import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { groupRoutes } from './group-routes.js';
import { organizationRoutes } from './organization-routes.js';
import { userRoutes } from './user-routes.js';

/**
 * /api/v2: users, organizations and groups (paths relative to the /api/v2 prefix).
 *
 * How it maps (Support API reference → Users, Organizations, Groups):
 * - a Zendesk **user** is an Outpost member (role `agent`, or `admin` when the member has the admin
 *   role; `default_group_id` is the group named like their team, else the first of their tier) or a
 *   customer contact (role `end-user`, `organization_id` its account). Both share the numeric `user`
 *   id space. Agents are read with members.read and written with members.manage; end-users are
 *   customer data, read with accounts.read and written with contacts.write.
 * - an **organization** is an account: name, domain_names, tags, notes (Zendesk's `details` is
 *   folded into notes, as on import), external_id (kept by this module). accounts.read / accounts.write.
 * - a **group** is a ticket group (tier from its name). tickets.read / support.manage.
 * - `external_id` of users and organizations lives in the zendesk module's external-id table.
 * - Outpost has no place for a user's tags, alias, notes, details or user_fields, an
 *   organization's group_id, sharing flags or organization_fields, or a group's description: they
 *   are answered empty and not kept when sent (the reference marks none of them mandatory).
 * - An agent created here gets a temporary password nobody is shown: an admin sets a
 *   password from Outpost's team settings (Zendesk sends a welcome e-mail instead).
 * Lists page by offset or cursor in (created_at, id) order — users list members, then contacts.
 */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(userRoutes);
  await app.register(organizationRoutes);
  await app.register(groupRoutes);
};
