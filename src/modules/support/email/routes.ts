import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { changeContext } from '../../../kernel/request-context.js';
import { ingestEmail } from './inbound.js';
import { addressOf, mailSettings } from '../../platform/index.js';

const ingestResultSchema = z.object({
  outcome: z.enum(['ticket_created', 'message_added', 'duplicate', 'ignored', 'quarantined']),
  ticketId: z.string().nullable().optional(),
  ticketNumber: z.number().optional(),
  messageId: z.string().nullable().optional(),
  attachments: z.number().optional(),
  skippedAttachments: z.array(z.string()).optional(),
  reason: z.string().optional(),
  quarantineId: z.string().optional().describe('Ignored or quarantined mail: its record in the mail quarantine'),
});

/** The raw-MIME intake for relays and integrations (an API token with the `email.ingest` scope). */
export const inboundEmailRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = mailSettings();
  app.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: settings.maxMessageBytes }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/inbound/email',
    {
      config: { access: 'email.ingest', rawBodyLimitBytes: settings.maxMessageBytes },
      schema: {
        tags: ['email'],
        summary: 'Hand in one raw e-mail (Content-Type: message/rfc822): it opens a ticket or joins the thread it answers',
        description:
          'The body is the message exactly as received, headers included. The same Message-ID twice is processed once (outcome "duplicate"); auto-replies and bounces are ignored and mail that does not decode cleanly is quarantined (both kept for an admin to release or delete); every accepted message is kept raw.',
        response: { 200: ingestResultSchema, 201: ingestResultSchema },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw errors.inboundEmailMediaType();
      if (request.body.length === 0) throw errors.inboundEmailUnreadable();
      const result = await ingestEmail(app.db.kysely, request.body, {
        ctx: changeContext(request),
        ownAddress: addressOf(settings.from),
        log: request.log,
      });
      return reply.status(result.outcome === 'ticket_created' || result.outcome === 'message_added' ? 201 : 200).send(result);
    },
  );
};
