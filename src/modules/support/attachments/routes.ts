import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { changeContext } from '../../../kernel/request-context.js';
import * as repo from '../tickets/ticket-repository.js';
import { attachmentSchema, attachmentUploadFields, type Attachment } from '../contract/attachments.js';
import { addAttachment, findAttachmentFile, listAttachments } from './service.js';
import { attachmentSettings, fullPathOf } from './storage.js';

const tags = ['tickets'];
const idParams = z.object({ id: z.string().max(64) });

/** `filename*` (RFC 6266 / 5987) carries any name; the plain `filename` is an ASCII fallback. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Ticket attachments: upload (multipart), list, and download as a file, never rendered inline. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = attachmentSettings();
  const db = () => app.db.kysely;
  // One file per request, a few small fields; the size limit is enforced while streaming.
  await app.register(multipart, { limits: { fileSize: settings.maxBytes, files: 1, fields: 5, fieldSize: 1000, parts: 6 } });

  async function send(reply: FastifyReply, attachment: Attachment, storagePath: string) {
    const full = fullPathOf(settings.dataDir, storagePath);
    if (!fs.existsSync(full)) throw errors.attachmentFileGone({ attachmentId: attachment.id });
    return reply
      .header('content-type', attachment.contentType)
      .header('content-length', attachment.sizeBytes)
      .header('content-disposition', contentDisposition(attachment.filename))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(fs.createReadStream(full));
  }

  app.post(
    '/api/tickets/:id/attachments',
    {
      config: { access: 'tickets.write' },
      schema: {
        tags,
        summary: 'Attach a file to a ticket (multipart/form-data: field "file", optional "messageId")',
        params: idParams,
        response: { 201: attachmentSchema },
      },
    },
    async (request, reply) => {
      const ticketId = request.params.id;
      if (!(await repo.findTicketRow(db(), ticketId))) throw errors.ticketNotFound();
      if (!request.isMultipart()) throw errors.attachmentFileMissing();
      const fields: Record<string, string> = {};
      let file: { filename: string; mimetype: string; content: Buffer } | null = null;
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || file) {
            await part.toBuffer().catch(() => undefined);
            continue;
          }
          let content: Buffer;
          try {
            content = await part.toBuffer();
          } catch (err) {
            if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.attachmentTooLarge(settings.maxBytes);
            throw err;
          }
          file = { filename: part.filename, mimetype: part.mimetype, content };
        } else if (typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
      if (!file) throw errors.attachmentFileMissing();
      const parsed = attachmentUploadFields.safeParse(fields);
      if (!parsed.success)
        throw errors.validation('messageId: is not a message id', {
          location: 'body',
          issues: [{ path: 'messageId', message: 'is not a message id' }],
        });
      const attachment = await addAttachment(db(), settings, changeContext(request), {
        ticketId,
        messageId: parsed.data.messageId ?? null,
        filename: file.filename,
        contentType: file.mimetype,
        content: file.content,
      });
      return reply.status(201).send(attachment);
    },
  );

  app.get(
    '/api/tickets/:id/attachments',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'The files attached to a ticket',
        params: idParams,
        response: { 200: z.object({ items: z.array(attachmentSchema) }) },
      },
    },
    async (request) => ({ items: await listAttachments(db(), request.params.id) }),
  );

  app.get(
    '/api/tickets/:id/attachments/:attachmentId',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags,
        summary: 'Download a ticket’s attachment (404 unless it belongs to this ticket)',
        params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }),
      },
    },
    async (request, reply) => {
      const { attachment, storagePath } = await findAttachmentFile(db(), request.params.attachmentId, request.params.id);
      return send(reply, attachment, storagePath);
    },
  );

  app.get(
    '/api/attachments/:id',
    { config: { access: 'tickets.read' }, schema: { tags, summary: 'Download an attachment', params: idParams } },
    async (request, reply) => {
      const { attachment, storagePath } = await findAttachmentFile(db(), request.params.id);
      return send(reply, attachment, storagePath);
    },
  );
};
