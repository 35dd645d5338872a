import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { changeContext } from '../../../kernel/request-context.js';
import {
  COLLATERAL_METADATA_FIELD,
  COLLATERAL_NOTE_FIELD,
  collateralFacetsSchema,
  collateralItemDetailSchema,
  collateralListQuery,
  collateralPageSchema,
  collateralSendPageSchema,
  collateralSendSchema,
  collateralVersionFields,
  collateralVersionSchema,
  createCollateralMetadata,
  mostSentQuery,
  mostSentSchema,
  opportunityCollateralSchema,
  sendCollateralBody,
  sendListQuery,
  updateCollateralBody,
} from '../contract/collateral.js';
import { contentDisposition } from './collateral-file.js';
import {
  assertAcceptsVersions,
  collateralFacets,
  collateralVersionFile,
  createCollateral,
  getCollateral,
  listCollateral,
  updateCollateral,
  uploadCollateralVersion,
} from './collateral-service.js';
import { collateralMaxBytes } from './collateral-settings.js';
import { deleteCollateralSend, listItemSends, listOpportunitySends, mostSentCollateral, sendCollateral } from './send-service.js';
import { jsonField, parseField, readUploadParts, UPLOAD_FIELD_MAX } from './upload-parts.js';

const tags = ['collateral'];
const idParams = z.object({ id: z.string().max(64) });

/**
 * Collateral (issue 16): the library of case studies, whitepapers and solution guides with their
 * versions; downloads; and which version was sent for which opportunity.
 */
export const collateralRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const maxBytes = collateralMaxBytes();
  // One file per request and a few text fields; the file's limit is enforced while it streams.
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: UPLOAD_FIELD_MAX, parts: 6 } });

  app.get(
    '/api/collateral',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Collateral items: search title, description and tags (q), filter by kind, product area, tag and status; cursor pages',
        querystring: collateralListQuery,
        response: { 200: collateralPageSchema },
      },
    },
    async (request) => listCollateral(db(), request.query),
  );

  app.get(
    '/api/collateral/facets',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The product areas and tags in use and the item count per kind, for the list’s filters',
        querystring: z.object({ status: collateralListQuery.shape.status }),
        response: { 200: collateralFacetsSchema },
      },
    },
    async (request) => collateralFacets(db(), request.query.status),
  );

  app.get(
    '/api/collateral/most-sent',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The items sent most (in the last `days`, or ever), with the number of sends and of opportunities',
        querystring: mostSentQuery,
        response: { 200: mostSentSchema },
      },
    },
    async (request) => mostSentCollateral(db(), request.query),
  );

  app.post(
    '/api/collateral',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Create an item with its first version (multipart/form-data: field "file" — PDF, DOCX, PPTX, XLSX, PNG, JPEG, Markdown or text — and field "metadata", the JSON of createCollateralMetadata)',
        response: { 201: collateralItemDetailSchema },
      },
    },
    async (request, reply) => {
      const parts = await readUploadParts(request, maxBytes);
      const raw = parts.fields[COLLATERAL_METADATA_FIELD];
      if (raw === undefined) throw errors.collateralMetadataMissing();
      const metadata = parseField(createCollateralMetadata, jsonField(raw, COLLATERAL_METADATA_FIELD), COLLATERAL_METADATA_FIELD);
      if (!parts.file) throw errors.collateralFileMissing();
      const item = await createCollateral(db(), changeContext(request), metadata, parts.file, maxBytes);
      return reply.status(201).send(item);
    },
  );

  app.get(
    '/api/collateral/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'One item with every version (newest first) and how often each was sent',
        params: idParams,
        response: { 200: collateralItemDetailSchema },
      },
    },
    async (request) => getCollateral(db(), request.params.id),
  );

  app.patch(
    '/api/collateral/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Edit an item’s details, or archive it (status archived) or restore it (status current)',
        params: idParams,
        body: updateCollateralBody,
        response: { 200: collateralItemDetailSchema },
      },
    },
    async (request) => updateCollateral(db(), changeContext(request), request.params.id, request.body),
  );

  app.post(
    '/api/collateral/:id/versions',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Upload a new version (multipart/form-data: field "file", optional field "note"); it becomes the current one',
        params: idParams,
        response: { 201: collateralVersionSchema },
      },
    },
    async (request, reply) => {
      // Before reading the file: no point taking 25 MiB for an item that is gone or archived.
      await assertAcceptsVersions(db(), request.params.id);
      const parts = await readUploadParts(request, maxBytes);
      const { note } = parseField(collateralVersionFields, { note: parts.fields[COLLATERAL_NOTE_FIELD] || null }, 'body');
      if (!parts.file) throw errors.collateralFileMissing();
      const version = await uploadCollateralVersion(db(), changeContext(request), request.params.id, parts.file, note ?? null, maxBytes);
      return reply.status(201).send(version);
    },
  );

  app.get(
    '/api/collateral/:id/versions/:versionId/file',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Download a version’s file (as an attachment, never rendered inline)',
        params: z.object({ id: z.string().max(64), versionId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const version = await collateralVersionFile(db(), request.params.id, request.params.versionId);
      return reply
        .header('content-type', version.content_type)
        .header('content-length', version.content.length)
        .header('content-disposition', contentDisposition(version.filename))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .header('etag', `"${version.sha256}"`)
        .send(version.content);
    },
  );

  app.get(
    '/api/collateral/:id/sends',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'An item’s send history: which opportunities got which version, newest first',
        params: idParams,
        querystring: sendListQuery,
        response: { 200: collateralSendPageSchema },
      },
    },
    async (request) => listItemSends(db(), request.params.id, request.query),
  );

  app.get(
    '/api/opportunities/:id/collateral-sends',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The collateral sent for an opportunity, newest first, with the opportunity and its account',
        params: idParams,
        querystring: sendListQuery,
        response: { 200: opportunityCollateralSchema },
      },
    },
    async (request) => listOpportunitySends(db(), request.params.id, request.query),
  );

  app.post(
    '/api/opportunities/:id/collateral-sends',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Record that a collateral version was sent for an opportunity (to contacts of its account); logs an e-mail on the account’s timeline',
        params: idParams,
        body: sendCollateralBody,
        response: { 201: collateralSendSchema },
      },
    },
    async (request, reply) => {
      const send = await sendCollateral(db(), changeContext(request), request.params.id, request.body);
      return reply.status(201).send(send);
    },
  );

  app.delete(
    '/api/opportunities/:id/collateral-sends/:sendId',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Delete a send recorded by mistake (under its own opportunity); the e-mail it logged stays on the account’s timeline',
        params: z.object({ id: z.string().max(64), sendId: z.string().max(64) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCollateralSend(db(), changeContext(request), request.params.id, request.params.sendId);
      return reply.status(204).send(null);
    },
  );
};
