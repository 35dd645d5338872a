import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import {
  addVariantBody,
  createLibraryEntryBody,
  libraryEntrySchema,
  libraryFacetsSchema,
  libraryImportFields,
  libraryImportReportSchema,
  libraryListQuery,
  libraryListSchema,
  reviewLibraryEntryBody,
  reviewQueueQuery,
  reviewQueueSchema,
  updateLibraryEntryBody,
} from '../contract/library.js';
import { importLibrary } from './library-import.js';
import { getEntry, libraryFacets, listEntries, reviewQueue } from './library-reads.js';
import {
  addVariant,
  approveEntry,
  archiveEntry,
  createEntry,
  deleteEntry,
  removeVariant,
  restoreEntry,
  reviewEntry,
  updateEntry,
} from './library-service.js';
import type { LibraryCaller } from './policy.js';

const idParams = z.object({ id: z.string().max(64) });
const variantParams = z.object({ id: z.string().max(64), variantId: z.string().max(64) });
const tags = ['answer library'];

/** A library spreadsheet of 5,000 rows with long answers stays well under this. */
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

function callerOf(request: FastifyRequest): LibraryCaller {
  const actor = actorOf(request);
  return {
    ctx: changeContext(request),
    memberId: actor.memberId,
    write: actor.permissions.has('presales.write'),
    manage: actor.permissions.has('presales.manage'),
  };
}

/**
 * The answer library (issue 16). Reading needs accounts.read; writing presales.write; approving
 * presales.manage. Editing an approved entry, reviewing, archiving and restoring are for the entry's
 * owner or a manager (./policy.ts says it all).
 */
export const libraryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 1000, parts: 5 } });

  app.get(
    '/api/library/entries',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Search and filter the library: with q, best match first (question, variants, answer); else newest change first',
        querystring: libraryListQuery,
        response: { 200: libraryListSchema },
      },
    },
    async (request) => listEntries(db(), callerOf(request), request.query),
  );

  app.post(
    '/api/library/entries',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Create an entry (a draft; approved at once only by presales.manage); also "add to library" from a questionnaire answer',
        body: createLibraryEntryBody,
        response: { 201: libraryEntrySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createEntry(db(), callerOf(request), request.body)),
  );

  app.get(
    '/api/library/entries/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One library entry with its variants', params: idParams, response: { 200: libraryEntrySchema } },
    },
    async (request) => getEntry(db(), callerOf(request), request.params.id),
  );

  app.patch(
    '/api/library/entries/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Edit an entry (drafts: any writer; approved: its owner or a manager); `variants` replaces the list',
        params: idParams,
        body: updateLibraryEntryBody,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => updateEntry(db(), callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/library/entries/:id',
    {
      config: { access: 'presales.write' },
      schema: { tags, summary: 'Delete a draft nobody has used (archive anything else)', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteEntry(db(), callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/library/entries/:id/review',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Mark an approved entry reviewed (owner or manager), with any edits: its review clock restarts now',
        params: idParams,
        body: reviewLibraryEntryBody,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => reviewEntry(db(), callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/library/entries/:id/approve',
    {
      config: { access: 'presales.manage' },
      schema: {
        tags,
        summary: 'Approve a draft: it becomes a source for auto-fill',
        params: idParams,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => approveEntry(db(), callerOf(request), request.params.id),
  );

  app.post(
    '/api/library/entries/:id/archive',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Archive an entry (owner or manager): out of search, auto-fill and the review queue',
        params: idParams,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => archiveEntry(db(), callerOf(request), request.params.id),
  );

  app.post(
    '/api/library/entries/:id/restore',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Restore an archived entry as a draft (owner or manager)',
        params: idParams,
        response: { 200: libraryEntrySchema },
      },
    },
    async (request) => restoreEntry(db(), callerOf(request), request.params.id),
  );

  app.post(
    '/api/library/entries/:id/variants',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Add another phrasing of the entry’s question',
        params: idParams,
        body: addVariantBody,
        response: { 201: libraryEntrySchema },
      },
    },
    async (request, reply) => reply.status(201).send(await addVariant(db(), callerOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/library/entries/:id/variants/:variantId',
    {
      config: { access: 'presales.write' },
      schema: { tags, summary: 'Remove one phrasing', params: variantParams, response: { 200: libraryEntrySchema } },
    },
    async (request) => removeVariant(db(), callerOf(request), request.params.id, request.params.variantId),
  );

  app.get(
    '/api/library/review-queue',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Approved entries that are stale or due for review within 14 days, most overdue first (yours unless owner=all or an id)',
        querystring: reviewQueueQuery,
        response: { 200: reviewQueueSchema },
      },
    },
    async (request) => reviewQueue(db(), callerOf(request), request.query),
  );

  app.get(
    '/api/library/facets',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'Product areas and tags in use, and entries by status', response: { 200: libraryFacetsSchema } },
    },
    async () => libraryFacets(db()),
  );

  app.post(
    '/api/library/import',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Import entries from XLSX or CSV (multipart: "file", optional "status" draft|approved and "sheet"); columns Question, Variants, Short answer, Long answer, Product area, Tags, Owner e-mail; a report per row',
        response: { 200: libraryImportReportSchema },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw errors.libraryImportNoFile();
      let file: { filename: string; content: Buffer } | null = null;
      const fields: Record<string, string> = {};
      for await (const part of request.parts()) {
        if (part.type !== 'file') {
          if (typeof part.value === 'string') fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer().catch(() => undefined);
          continue;
        }
        try {
          file = { filename: part.filename, content: await part.toBuffer() };
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.bodyTooLarge(IMPORT_MAX_BYTES);
          throw err;
        }
      }
      if (!file || file.content.length === 0) throw errors.libraryImportNoFile();
      const parsed = libraryImportFields.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw errors.validation(`${issue.path.join('.') || 'form'}: ${issue.message}`, { field: issue.path.join('.') });
      }
      return importLibrary(db(), callerOf(request), file, parsed.data);
    },
  );
};
