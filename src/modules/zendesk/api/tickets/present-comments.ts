import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { TicketMessage } from '../../../support/contract/tickets.js';
import type { ZendeskComment } from '../../contract/tickets.js';
import { apiBase, zendeskTime } from '../http/urls.js';
import { numericIds } from '../numeric-ids.js';
import { textToHtml } from './comment-html.js';
import { zendeskVia } from './zendesk-values.js';

/**
 * A ticket's messages as Zendesk's ticket comments (Support API reference → Ticket Comments):
 * public replies and internal notes (`public: false`) in conversation order, authors as user
 * ids, attachments with a download URL. Outpost keeps no separate audits, so a comment's
 * `audit_id` is its own id.
 */
export async function presentComments(db: Kysely<Database>, request: FastifyRequest, messages: TicketMessage[]): Promise<ZendeskComment[]> {
  if (!messages.length) return [];
  const [comments, users, attachments] = await Promise.all([
    numericIds(
      db,
      'comment',
      messages.map((m) => m.id),
    ),
    numericIds(
      db,
      'user',
      messages.flatMap((m) => (m.author.id && m.author.type !== 'system' ? [m.author.id] : [])),
    ),
    numericIds(
      db,
      'attachment',
      messages.flatMap((m) => m.attachments.map((a) => a.id)),
    ),
  ]);
  return messages.map((m) => {
    const id = comments.get(m.id)!;
    return {
      id,
      type: 'Comment',
      author_id: m.author.id && m.author.type !== 'system' ? (users.get(m.author.id) ?? null) : null,
      body: m.body,
      html_body: textToHtml(m.body),
      plain_body: m.body,
      public: m.visibility === 'public',
      attachments: m.attachments.map((a) => ({
        id: attachments.get(a.id)!,
        file_name: a.filename,
        content_url: `${apiBase(request)}${a.url}`,
        content_type: a.contentType,
        size: a.sizeBytes,
        inline: false,
        deleted: false,
        thumbnails: [],
      })),
      audit_id: id,
      via: zendeskVia(m.via === 'portal' ? 'web' : m.via),
      metadata: { system: {}, custom: {} },
      created_at: zendeskTime(m.createdAt),
    };
  });
}
