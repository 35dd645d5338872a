import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import { changeContext } from '../../../../kernel/request-context.js';
import { apiGroups, createGroup, renameGroup, type ApiGroup } from '../../../support/index.js';
import { createGroupBody, groupEnvelope, groupList, numericIdParams, updateGroupBody } from '../../contract/people.js';
import { tierOfGroup } from '../../import/map-people.js';
import {
  cursorEnvelope,
  cursorSize,
  decodeCursor,
  encodeCursor,
  isCursorPaging,
  offsetEnvelope,
  offsetPage,
  pagingQuerySchema,
} from '../http/pagination.js';
import { outpostIdOf } from '../numeric-ids.js';
import { presentGroups } from './present-people.js';
import { z } from 'zod';

const tags = ['zendesk: groups'];

/**
 * /api/v2/groups (Support API reference → Groups): Outpost's ticket groups, read by anyone who
 * reads tickets and written with support.manage. A new group's tier follows its name, as on import
 * ("Tier 2" → tier2, "Engineering" → engineering, else tier1). Groups are few: lists page in memory.
 */
export const groupRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const one = async (request: FastifyRequest, group: ApiGroup) => ({ group: (await presentGroups(db(), request, [group]))[0]! });

  app.get(
    '/groups',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'List groups', querystring: pagingQuerySchema, response: { 200: groupList } },
    },
    async (request) => {
      const all = await apiGroups(db());
      if (isCursorPaging(request.query)) {
        const size = cursorSize(request.query);
        const after = request.query['page[after]']
          ? decodeCursor(request.query['page[after]'], z.object({ i: z.number().int().min(0) })).i
          : 0;
        const page = all.slice(after, after + size);
        const hasMore = after + size < all.length;
        return cursorEnvelope(request, 'groups', await presentGroups(db(), request, page), {
          hasMore,
          after: page.length ? encodeCursor({ i: after + page.length }) : null,
          before: null,
        });
      }
      const at = offsetPage(request.query);
      return offsetEnvelope(
        request,
        'groups',
        await presentGroups(db(), request, all.slice(at.offset, at.offset + at.perPage)),
        at,
        all.length,
      );
    },
  );

  app.get(
    '/groups/:id',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'One group', params: numericIdParams, response: { 200: groupEnvelope } },
    },
    async (request) => one(request, await groupOf(db(), request.params.id)),
  );

  app.post(
    '/groups',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Create a group', body: createGroupBody, response: { 201: groupEnvelope } },
    },
    async (request, reply) => {
      const { name } = request.body.group;
      const created = await createGroup(db(), changeContext(request), { name, tier: tierOfGroup(name) });
      const group = (await apiGroups(db())).find((g) => g.id === created.id)!;
      return reply.status(201).send(await one(request, group));
    },
  );

  app.put(
    '/groups/:id',
    {
      config: { access: 'support.manage' },
      schema: { tags, summary: 'Rename a group', params: numericIdParams, body: updateGroupBody, response: { 200: groupEnvelope } },
    },
    async (request) => {
      const group = await groupOf(db(), request.params.id);
      if (request.body.group.name !== undefined) await renameGroup(db(), changeContext(request), group.id, request.body.group.name);
      return one(request, await groupOf(db(), request.params.id));
    },
  );
};

async function groupOf(db: Kysely<Database>, numericId: number): Promise<ApiGroup> {
  const id = await outpostIdOf(db, 'group', numericId);
  const group = id ? (await apiGroups(db)).find((g) => g.id === id) : undefined;
  if (!group) throw errors.zendeskGroupNotFound();
  return group;
}
