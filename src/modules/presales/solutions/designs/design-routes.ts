import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changeContext } from '../../../../kernel/request-context.js';
import {
  createDesignBody,
  designDiffSchema,
  designListSchema,
  designVersionSchema,
  saveDesignVersionBody,
  setDesignRequirementsBody,
  solutionDesignSchema,
} from '../../contract/solutions.js';
import {
  createDesign,
  deleteDesign,
  diffDesignVersions,
  getDesign,
  getDesignVersion,
  listDesigns,
  saveDesignVersion,
  setDesignRequirements,
} from './design-service.js';

const idParams = z.object({ id: z.string().max(64) });
const versionParams = z.object({ id: z.string().max(64), version: z.coerce.number().int().min(1).max(1_000_000) });
const tags = ['solution designs'];

/** Solution designs (issue 16): read with accounts.read; written, versioned and linked by presales.write. */
export const designRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/opportunities/:id/solution-designs',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The deal’s solution designs, and which of its requirements no design answers yet',
        params: idParams,
        response: { 200: designListSchema },
      },
    },
    async (request) => listDesigns(db(), request.params.id),
  );

  app.post(
    '/api/opportunities/:id/solution-designs',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Start a solution design (version 1): Markdown, ```mermaid fences as diagrams, the requirements it answers',
        params: idParams,
        body: createDesignBody,
        response: { 201: solutionDesignSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createDesign(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/solution-designs/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'A design: its latest text, linked requirements and version history',
        params: idParams,
        response: { 200: solutionDesignSchema },
      },
    },
    async (request) => getDesign(db(), request.params.id),
  );

  app.post(
    '/api/solution-designs/:id/versions',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Save a new version (with a note); 409 when someone saved one after `baseVersion`',
        params: idParams,
        body: saveDesignVersionBody,
        response: { 201: solutionDesignSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await saveDesignVersion(db(), changeContext(request), request.params.id, request.body)),
  );

  app.get(
    '/api/solution-designs/:id/versions/:version',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One version of a design, as it was saved', params: versionParams, response: { 200: designVersionSchema } },
    },
    async (request) => getDesignVersion(db(), request.params.id, request.params.version),
  );

  app.get(
    '/api/solution-designs/:id/versions/:version/diff',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'A version line by line against an earlier one (the previous by default)',
        params: versionParams,
        querystring: z.strictObject({ against: z.coerce.number().int().min(1).max(1_000_000).optional() }),
        response: { 200: designDiffSchema },
      },
    },
    async (request) => diffDesignVersions(db(), request.params.id, request.params.version, request.query.against),
  );

  app.put(
    '/api/solution-designs/:id/requirements',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Replace the requirements the design answers (no new version of its text)',
        params: idParams,
        body: setDesignRequirementsBody,
        response: { 200: solutionDesignSchema },
      },
    },
    async (request) => setDesignRequirements(db(), changeContext(request), request.params.id, request.body.requirementIds),
  );

  app.delete(
    '/api/solution-designs/:id',
    {
      config: { access: 'presales.write' },
      schema: { tags, summary: 'Delete a design with all its versions', params: idParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await deleteDesign(db(), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
