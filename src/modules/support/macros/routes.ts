import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { macroApplyResultSchema, macroBody, macroPreviewSchema, macroSchema } from '../contract/macros.js';
import { applyMacro, deleteMacro, getMacro, listMacros, previewMacro, saveMacro } from './service.js';

const idParams = z.object({ id: z.string().max(64) });
const applyParams = z.object({ id: z.string().max(64), macroId: z.string().max(64) });
const tags = ['macros'];

export const macroRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;

  app.get(
    '/api/macros',
    {
      config: { access: 'tickets.read' },
      schema: { tags, summary: 'Shared macros and your personal ones', response: { 200: z.object({ items: z.array(macroSchema) }) } },
    },
    async (request) => ({ items: await listMacros(db(), actorOf(request).memberId) }),
  );

  app.get(
    '/api/macros/:id',
    { config: { access: 'tickets.read' }, schema: { tags, summary: 'One macro', params: idParams, response: { 200: macroSchema } } },
    async (request) => getMacro(db(), request.params.id, actorOf(request).memberId),
  );

  app.post(
    '/api/macros',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Create a macro: personal, or shared (needs runbooks.manage)',
        body: macroBody,
        response: { 201: macroSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await saveMacro(db(), changeContext(request), actorOf(request), null, request.body)),
  );

  app.put(
    '/api/macros/:id',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Replace a macro (your own, or a shared one with runbooks.manage)',
        params: idParams,
        body: macroBody,
        response: { 200: macroSchema },
      },
    },
    async (request) => saveMacro(db(), changeContext(request), actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/macros/:id',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Delete a macro (your own, or a shared one with runbooks.manage)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteMacro(db(), changeContext(request), actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/tickets/:id/macros/:macroId/preview',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The macro rendered for this ticket, and the changes it would make',
        params: applyParams,
        response: { 200: macroPreviewSchema },
      },
    },
    async (request) => {
      const preview = await previewMacro(db(), request.params.id, request.params.macroId, actorOf(request).memberId);
      return {
        body: preview.body,
        visibility: preview.visibility,
        unknownPlaceholders: preview.unknownPlaceholders,
        actions: preview.actions,
      };
    },
  );

  app.post(
    '/api/tickets/:id/macros/:macroId/apply',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Apply a macro: its message and field changes in one change',
        params: applyParams,
        response: { 200: macroApplyResultSchema },
      },
    },
    async (request) => applyMacro(db(), changeContext(request), request.params.id, request.params.macroId, actorOf(request).memberId),
  );
};
