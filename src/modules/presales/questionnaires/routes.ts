import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf } from '../../../kernel/request-context.js';
import {
  QUESTIONNAIRE_FILE_MAX_BYTES,
  assignBody,
  assignResultSchema,
  autofillBody,
  autofillResultSchema,
  bulkQuestionBody,
  bulkResultSchema,
  createQuestionnaireBody,
  exportQuery,
  gapBody,
  importReportSchema,
  mappingBody,
  questionListQuery,
  questionPageSchema,
  questionSchema,
  questionnaireListQuery,
  questionnairePageSchema,
  questionnaireSchema,
  updateQuestionBody,
  updateQuestionnaireBody,
  workbookPreviewSchema,
} from '../contract/questionnaires.js';
import { questionnaireActor } from './approval-policy.js';
import { assignQuestions } from './assignment.js';
import { autofillQuestionnaire } from './autofill.js';
import { markQuestionGap } from './question-gap.js';
import { bulkAction, listQuestions, questionAction, updateQuestion } from './question-service.js';
import { exportQuestionnaire } from './questionnaire-export.js';
import { findQuestionnaire, getQuestion } from './questionnaire-reads.js';
import {
  createQuestionnaire,
  deleteQuestionnaire,
  getQuestionnaire,
  listQuestionnaires,
  updateQuestionnaire,
} from './questionnaire-service.js';
import { importMapping, importReport, uploadWorkbook, workbookPreview } from './workbook-import.js';

const idParams = z.object({ id: z.string().max(64) });
const tags = ['questionnaires'];
const actor = (request: FastifyRequest) => questionnaireActor(actorOf(request), request.ip);

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Questionnaires (RFP, security): anyone who reads accounts sees them; the experts who work deals
 * (presales.write) create them, upload and map the workbook, auto-fill, answer, review, assign and
 * file gaps; approving an answer (and deleting a questionnaire) takes its owner or presales.manage,
 * checked in the service (approval-policy.ts).
 */
export const questionnaireRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  await app.register(multipart, { limits: { fileSize: QUESTIONNAIRE_FILE_MAX_BYTES, files: 1, fields: 2, fieldSize: 1000, parts: 3 } });

  app.get(
    '/api/questionnaires',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'Questionnaires, most recently worked on first, with questions per status',
        querystring: questionnaireListQuery,
        response: { 200: questionnairePageSchema },
      },
    },
    async (request) => listQuestionnaires(db(), request.query),
  );

  app.post(
    '/api/questionnaires',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Create a questionnaire on an account (and one of its opportunities); then upload its workbook',
        body: createQuestionnaireBody,
        response: { 201: questionnaireSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createQuestionnaire(db(), actor(request), request.body)),
  );

  app.get(
    '/api/questionnaires/:id',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'One questionnaire: progress per status and per section, mapping, import summary',
        params: idParams,
        response: { 200: questionnaireSchema },
      },
    },
    async (request) => getQuestionnaire(db(), actor(request), request.params.id),
  );

  app.patch(
    '/api/questionnaires/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Change title, kind, due date, owner or opportunity; mark it submitted',
        params: idParams,
        body: updateQuestionnaireBody,
        response: { 200: questionnaireSchema },
      },
    },
    async (request) => updateQuestionnaire(db(), actor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/questionnaires/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Delete a questionnaire with its questions and file (its owner or presales.manage)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteQuestionnaire(db(), actor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/questionnaires/:id/workbook',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Upload the XLSX workbook or CSV file (multipart field "file", at most 20 MiB); answers with each sheet’s first rows and a guessed mapping',
        params: idParams,
        response: { 200: workbookPreviewSchema },
      },
    },
    async (request) => {
      // An unknown questionnaire answers 404 before a (possibly large) upload is read.
      await findQuestionnaire(db(), request.params.id);
      if (!request.isMultipart()) throw errors.validation('Send the file as multipart/form-data in the field "file".', { field: 'file' });
      let file: { filename: string; content: Buffer } | null = null;
      for await (const part of request.parts()) {
        if (part.type !== 'file') continue;
        if (part.fieldname !== 'file' || file) {
          await part.toBuffer().catch(() => undefined);
          continue;
        }
        try {
          file = { filename: part.filename, content: await part.toBuffer() };
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.bodyTooLarge(QUESTIONNAIRE_FILE_MAX_BYTES);
          throw err;
        }
      }
      if (!file) throw errors.validation('Send the file as multipart/form-data in the field "file".', { field: 'file' });
      return uploadWorkbook(db(), actor(request), request.params.id, file);
    },
  );

  app.get(
    '/api/questionnaires/:id/workbook',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The uploaded file’s sheets: first rows, merged ranges and a guessed mapping',
        params: idParams,
        response: { 200: workbookPreviewSchema },
      },
    },
    async (request) => workbookPreview(db(), request.params.id),
  );

  app.put(
    '/api/questionnaires/:id/mapping',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Map the columns per sheet and import the questions; answers with the report of every row skipped and why (refused once answers are being worked)',
        params: idParams,
        body: mappingBody,
        response: { 200: importReportSchema },
      },
    },
    async (request) => importMapping(db(), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/questionnaires/:id/import-report',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'The last import’s report, row by row', params: idParams, response: { 200: importReportSchema } },
    },
    async (request) => importReport(db(), request.params.id),
  );

  app.post(
    '/api/questionnaires/:id/autofill',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary:
          'Suggest answers from the answer library for unanswered and suggested questions (never approves; drafted, reviewed and approved ones are left alone)',
        params: idParams,
        body: autofillBody,
        response: { 200: autofillResultSchema },
      },
    },
    async (request) => autofillQuestionnaire(db(), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/questionnaires/:id/questions',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary: 'The questions in workbook order, filtered by status, section, assignee ("me"), gap or text',
        params: idParams,
        querystring: questionListQuery,
        response: { 200: questionPageSchema },
      },
    },
    async (request) => listQuestions(db(), actor(request), request.params.id, request.query),
  );

  app.post(
    '/api/questionnaires/:id/questions/bulk',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'One action (accept, dismiss, review, approve, reopen) on up to 500 questions; each refusal comes back with its reason',
        params: idParams,
        body: bulkQuestionBody,
        response: { 200: bulkResultSchema },
      },
    },
    async (request) => bulkAction(db(), actor(request), request.params.id, request.body),
  );

  app.post(
    '/api/questionnaires/:id/assign',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Assign questions or a whole section to an expert with a due date; the expert is told in the app and by e-mail',
        params: idParams,
        body: assignBody,
        response: { 200: assignResultSchema },
      },
    },
    async (request) => assignQuestions(db(), actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/questionnaires/:id/export',
    {
      config: { access: 'accounts.read' },
      schema: {
        tags,
        summary:
          'Download the answers: format=workbook gives the uploaded file with answers in the mapped cells (nothing else changed), format=csv one row per question',
        params: idParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const file = await exportQuestionnaire(db(), request.params.id, request.query);
      return reply
        .type(file.contentType)
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-outpost-cells-refused', String(file.refused))
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );

  app.get(
    '/api/questionnaire-questions/:id',
    {
      config: { access: 'accounts.read' },
      schema: { tags, summary: 'One question', params: idParams, response: { 200: questionSchema } },
    },
    async (request) => getQuestion(db(), request.params.id),
  );

  app.patch(
    '/api/questionnaire-questions/:id',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Edit the answer, short answer or comment; the question becomes drafted',
        params: idParams,
        body: updateQuestionBody,
        response: { 200: questionSchema },
      },
    },
    async (request) => updateQuestion(db(), actor(request), request.params.id, request.body),
  );

  for (const [action, summary] of [
    ['accept', 'Accept the library suggestion as the draft answer'],
    ['dismiss', 'Dismiss the library suggestion'],
    ['review', 'Mark the drafted answer reviewed'],
    ['approve', 'Approve the answer for export (the questionnaire’s owner or presales.manage)'],
    ['reopen', 'Take a reviewed or approved answer back to drafted'],
  ] as const) {
    app.post(
      `/api/questionnaire-questions/:id/${action}`,
      {
        config: { access: 'presales.write' },
        schema: { tags, summary, params: idParams, response: { 200: questionSchema } },
      },
      async (request) => questionAction(db(), actor(request), request.params.id, action),
    );
  }

  app.post(
    '/api/questionnaire-questions/:id/gap',
    {
      config: { access: 'presales.write' },
      schema: {
        tags,
        summary: 'Mark as gap: nobody can answer it, so it becomes a feedback item on the account',
        params: idParams,
        body: gapBody,
        response: { 200: questionSchema },
      },
    },
    async (request) => markQuestionGap(db(), actor(request), request.params.id, request.body),
  );
};
