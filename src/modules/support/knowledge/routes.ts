import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../kernel/request-context.js';
import { pageSchema } from '../../../kernel/pagination.js';
import { getTicket } from '../tickets/ticket-service.js';
import {
  articleDraftSchema,
  articleListQuery,
  articleSchema,
  createArticleBody,
  linkArticleBody,
  linkedArticleSchema,
  updateArticleBody,
} from '../contract/knowledge.js';
import {
  articleDraft,
  articlesOfTicket,
  createArticle,
  deleteArticle,
  getArticle,
  linkArticle,
  listArticles,
  unlinkArticle,
  updateArticle,
} from './service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['knowledge base'];

/** Knowledge-base articles, and their use on tickets. Reading needs tickets.read; writing, knowledge.write. */
export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/articles',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Articles, most recently updated first',
        querystring: articleListQuery,
        response: { 200: pageSchema(articleSchema) },
      },
    },
    async (request) => listArticles(db(), request.query),
  );

  app.get(
    '/api/articles/:id',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'An article, with how often it was used and solved a case',
        params: idParams,
        response: { 200: articleSchema },
      },
    },
    async (request) => getArticle(db(), request.params.id),
  );

  app.post(
    '/api/articles',
    {
      config: { access: 'knowledge.write' },
      schema: { tags, summary: 'Write an article (Markdown)', body: createArticleBody, response: { 201: articleSchema } },
    },
    async (request, reply) => reply.status(201).send(await createArticle(db(), changeContext(request), request.body)),
  );

  app.patch(
    '/api/articles/:id',
    {
      config: { access: 'knowledge.write' },
      schema: {
        tags,
        summary: 'Edit, publish or archive an article',
        params: idParams,
        body: updateArticleBody,
        response: { 200: articleSchema },
      },
    },
    async (request) => updateArticle(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/articles/:id',
    {
      config: { access: 'knowledge.write' },
      schema: { tags, summary: 'Delete an article and its links to tickets (archive it to keep its history)', params: idParams },
    },
    async (request, reply) => {
      await deleteArticle(db(), changeContext(request), request.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/tickets/:id/article-draft',
    {
      config: { access: 'knowledge.write' },
      schema: {
        tags,
        summary: 'A draft article from the ticket: its subject, the problem, the resolution and internal notes',
        params: idParams,
        response: { 200: articleDraftSchema },
      },
    },
    async (request) => articleDraft(db(), request.params.id),
  );

  app.get(
    '/api/tickets/:id/articles',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Articles linked to the ticket',
        params: idParams,
        response: { 200: z.object({ items: z.array(linkedArticleSchema) }) },
      },
    },
    async (request) => {
      await getTicket(db(), request.params.id);
      return { items: await articlesOfTicket(db(), request.params.id) };
    },
  );

  app.post(
    '/api/tickets/:id/articles',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Link an article to the ticket, saying whether it solved the case',
        params: idParams,
        body: linkArticleBody,
        response: { 200: linkedArticleSchema, 201: linkedArticleSchema },
      },
    },
    async (request, reply) => {
      const { link, created } = await linkArticle(db(), changeContext(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(link);
    },
  );

  app.delete(
    '/api/tickets/:id/articles/:articleId',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Unlink an article from the ticket',
        params: z.object({ id: z.string().max(64), articleId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      await unlinkArticle(db(), changeContext(request), request.params.id, request.params.articleId);
      return reply.status(204).send();
    },
  );
};
