import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../../kernel/request-context.js';
import { listMessages, ticketTagCounts } from '../../../support/index.js';
import { commentListEnvelope, tagCountListEnvelope, tagListEnvelope, tagsBody, ticketIdParams } from '../../contract/tickets.js';
import {
  cursorEnvelope,
  cursorSize,
  decodeCursor,
  encodeCursor,
  isCursorPaging,
  offsetEnvelope,
  offsetPage,
  pagingQuery,
} from '../http/pagination.js';
import { presentComments } from './present-comments.js';
import { ticketByNumber } from './ticket-lookup.js';
import { changeTags } from './ticket-writes.js';

const tags = ['zendesk: tickets'];
const commentsQuery = z.object({ ...pagingQuery, sort_order: z.enum(['asc', 'desc']).optional() });

/**
 * Ticket comments (Support API reference → Ticket Comments) and tags (→ Tags). Comments are a
 * ticket's messages in conversation order, internal notes included (every caller with
 * tickets.read is an agent); a conversation is short, so its pages are cut in memory.
 */
export const commentTagRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/tickets/:id/comments',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'List a ticket’s comments',
        params: ticketIdParams,
        querystring: commentsQuery,
        response: { 200: commentListEnvelope },
      },
    },
    async (request) => {
      const record = await ticketByNumber(db(), request.params.id);
      const all = await listMessages(db(), record.id);
      if (request.query.sort_order === 'desc') all.reverse();
      if (isCursorPaging(request.query)) {
        const size = cursorSize(request.query);
        const start = request.query['page[after]']
          ? decodeCursor(request.query['page[after]'], z.object({ i: z.number().int().min(0) })).i
          : 0;
        const page = all.slice(start, start + size);
        return cursorEnvelope(request, 'comments', await presentComments(db(), request, page), {
          hasMore: start + size < all.length,
          after: page.length ? encodeCursor({ i: start + page.length }) : null,
          before: null,
        });
      }
      const at = offsetPage(request.query);
      const page = all.slice(at.offset, at.offset + at.perPage);
      return offsetEnvelope(request, 'comments', await presentComments(db(), request, page), at, all.length);
    },
  );

  app.get(
    '/tags',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The desk’s tags, most used first',
        querystring: z.object(pagingQuery),
        response: { 200: tagCountListEnvelope },
      },
    },
    async (request) => {
      const at = offsetPage(request.query);
      const page = await ticketTagCounts(db(), { offset: at.offset, limit: at.perPage });
      return offsetEnvelope(request, 'tags', page.tags, at, page.total);
    },
  );

  app.get(
    '/tickets/:id/tags',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'A ticket’s tags', params: ticketIdParams, response: { 200: tagListEnvelope } },
    },
    async (request) => ({ tags: (await ticketByNumber(db(), request.params.id)).tags }),
  );

  const write = (how: 'set' | 'add' | 'remove', summary: string) => ({
    config: { access: 'tickets.write' as const },
    schema: { tags, summary, params: ticketIdParams, body: tagsBody, response: { 200: tagListEnvelope } },
  });
  const handler =
    (how: 'set' | 'add' | 'remove') =>
    async (request: { params: { id: number }; body: { tags: string[] } } & Parameters<typeof changeContext>[0]) => {
      const record = await ticketByNumber(db(), request.params.id);
      return { tags: await changeTags(db(), changeContext(request), record.id, how, request.body.tags) };
    };
  app.post('/tickets/:id/tags', write('set', 'Set a ticket’s tags (replaces them)'), handler('set'));
  app.put('/tickets/:id/tags', write('add', 'Add tags to a ticket'), handler('add'));
  app.delete('/tickets/:id/tags', write('remove', 'Remove tags from a ticket'), handler('remove'));
};
