import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commentTagRoutes } from './comment-tag-routes.js';
import { jobStatusRoutes } from './job-status-routes.js';
import { ticketReadRoutes } from './ticket-read-routes.js';
import { ticketWriteRoutes } from './ticket-write-routes.js';

/**
 * /api/v2: tickets, ticket comments, tags and job statuses (paths relative to the /api/v2 prefix).
 *
 * How it maps (Support API reference → Tickets, Ticket Comments, Tags, Job Statuses):
 * - a Zendesk **ticket** is an Outpost ticket; its `id` is the ticket number. `status` hold is
 *   Outpost's on_hold; `requester_id` is a contact's user id, `assignee_id` a member's,
 *   `organization_id` the requester's account, `group_id` a ticket group; `custom_fields` are
 *   support's custom ticket fields by their numeric id; `description` is the first message;
 *   `via.channel` web (web and portal), email, api or voice (phone). Collaborators, followers,
 *   CCs, due dates, brands, forms and problem links are not kept: shown empty and ignored on write.
 * - create: the first comment (`comment.body`, `html_body` read as text, or `description`) is the
 *   requester's message; `requester` by e-mail finds or makes a contact. update: `comment` is the
 *   caller's public reply or (`public: false`) internal note, then the field changes;
 *   `additional_tags` / `remove_tags` add and remove.
 * - delete is permanent (Outpost has no deleted-tickets bin) and audited; see support's
 *   compat/ticket-delete.ts.
 * - create_many / update_many / destroy_many run inside the request (≤ 100 items, each its own
 *   transaction) and answer a job status that is already `completed`, kept for GET /job_statuses.
 * - a **comment** is a ticket message; internal notes are `public: false`.
 * Reads need tickets.read, writes tickets.write.
 */
export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  // zenpy (requests) and node-zendesk send DELETE with `Content-Type: application/json` and an
  // empty body, which Fastify would refuse as malformed JSON: an empty DELETE has no body at all.
  app.addHook('onRequest', async (request) => {
    if (
      request.method === 'DELETE' &&
      (request.headers['content-length'] === '0' || request.headers['content-length'] === undefined) &&
      !request.headers['transfer-encoding']
    )
      delete request.headers['content-type'];
  });
  await app.register(ticketReadRoutes);
  await app.register(ticketWriteRoutes);
  await app.register(commentTagRoutes);
  await app.register(jobStatusRoutes);
};
