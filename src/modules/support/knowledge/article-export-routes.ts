import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportFormatQuery } from '../../platform/contract/list-export.js';
import { sendListExport, type ExportColumn } from '../../platform/index.js';
import { articleListQuery, type Article } from '../contract/knowledge.js';
import { listArticles } from './service.js';

/** The knowledge base's columns: each article's state and how often it helped; the body stays in the app. */
export const ARTICLE_EXPORT_COLUMNS: ExportColumn<Article>[] = [
  { header: 'Title', value: (a) => a.title },
  { header: 'Status', value: (a) => a.status },
  { header: 'Visibility', value: (a) => a.visibility },
  { header: 'Product area', value: (a) => a.productArea },
  { header: 'Tags', value: (a) => a.tags.join(', ') },
  { header: 'Author', value: (a) => a.author?.name },
  { header: 'Linked tickets', kind: 'number', value: (a) => a.linkedCount },
  { header: 'Solved tickets', kind: 'number', value: (a) => a.solvedCount },
  { header: 'Published', kind: 'datetime', value: (a) => a.publishedAt },
  { header: 'Updated', kind: 'datetime', value: (a) => a.updatedAt },
];

/** The knowledge base as CSV or XLSX: the same filters as `GET /api/articles`, most recently updated first, every page. */
export const articleExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/articles/export',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['knowledge base'],
        summary: 'Articles as a CSV or XLSX download, with the list’s filters (up to 100,000 articles)',
        querystring: articleListQuery.extend(exportFormatQuery),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      return sendListExport(reply, format, {
        name: 'articles',
        columns: ARTICLE_EXPORT_COLUMNS,
        page: (paging) => listArticles(app.db.kysely, { ...query, ...paging }),
      });
    },
  );
};
