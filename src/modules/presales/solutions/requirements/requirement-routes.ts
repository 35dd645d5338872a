import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { readMultipartFile } from '../../../../kernel/multipart-file.js';
import { errors } from '../../../../kernel/errors.js';
import { changeContext } from '../../../../kernel/request-context.js';
import {
  bulkFitBody,
  bulkFitResultSchema,
  createRequirementBody,
  importPreviewSchema,
  importReportSchema,
  reorderRequirementsBody,
  requirementListQuery,
  requirementListSchema,
  requirementWriteSchema,
  updateRequirementBody,
} from '../../contract/solutions.js';
import { requireDeal } from '../deal.js';
import { importRequirements, previewRequirementImport, type UploadedFile } from './import/requirement-import.js';
import { IMPORT_MAX_BYTES } from './import/sheet-grid.js';
import {
  createRequirement,
  deleteRequirement,
  listRequirements,
  reorderRequirements,
  setRequirementsFit,
  updateRequirement,
} from './requirement-service.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['requirements'];

/** The file in the multipart field "file" and the text fields beside it. */
function upload(request: FastifyRequest): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  return readMultipartFile(request, { maxBytes: IMPORT_MAX_BYTES, missing: () => errors.importFileMissing({ field: 'file' }) });
}

/**
 * Requirements of a deal (issue 16): everyone who reads accounts sees them; the experts a deal
 * needs (presales.write) write, order, assess and import them. Marking one a gap captures it in the
 * feedback inbox; the write's `notices` say so.
 */
export const requirementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await app.register(multipart, { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 4, fieldSize: 20_000, parts: 6 } });

  app.get(
    '/api/opportunities/:id/requirements',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The deal’s requirements in order (filtered by fit, priority, section, words, or without a design), with the fit summary',
        params: idParams,
        querystring: requirementListQuery,
        response: { 200: requirementListSchema },
      },
    },
    async (request) => listRequirements(db(), request.params.id, request.query),
  );

  app.post(
    '/api/opportunities/:id/requirements',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Add a requirement (at the end, or at `position`); a `gap` is captured as a feedback item',
        params: idParams,
        body: createRequirementBody,
        response: { 201: requirementWriteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRequirement(db(), changeContext(request), request.params.id, request.body)),
  );

  app.patch(
    '/api/requirements/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Change a requirement; marking it a gap captures it as feedback once, unmarking keeps the item (and says so)',
        params: idParams,
        body: updateRequirementBody,
        response: { 200: requirementWriteSchema },
      },
    },
    async (request) => updateRequirement(db(), changeContext(request), request.params.id, request.body),
  );

  app.delete(
    '/api/requirements/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Delete a requirement (a gap’s feedback item stays in the inbox)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteRequirement(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/opportunities/:id/requirements/order',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Reorder the deal’s requirements: `ids` lists every one of them once, in the new order',
        params: idParams,
        body: reorderRequirementsBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reorderRequirements(db(), changeContext(request), request.params.id, request.body.ids);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/opportunities/:id/requirements/fit',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Set the fit (and optionally the notes) of many requirements at once; new gaps are captured as feedback',
        params: idParams,
        body: bulkFitBody,
        response: { 200: bulkFitResultSchema },
      },
    },
    async (request) => setRequirementsFit(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/opportunities/:id/requirements/import/preview',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Read an XLSX or CSV file (multipart field "file") and show each sheet’s header row, columns, first rows and a suggested column mapping; nothing is written',
        params: idParams,
        response: { 200: importPreviewSchema },
      },
    },
    async (request) => {
      await requireDeal(db(), request.params.id);
      const { file } = await upload(request);
      return previewRequirementImport(db(), request.params.id, file);
    },
  );

  app.post(
    '/api/opportunities/:id/requirements/import',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Import requirements from the file (multipart "file") with the column mapping (multipart "mapping", JSON); reports every skipped row with its reason',
        params: idParams,
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      await requireDeal(db(), request.params.id);
      const { file, fields } = await upload(request);
      return importRequirements(db(), changeContext(request), request.params.id, file, fields.mapping);
    },
  );
};
