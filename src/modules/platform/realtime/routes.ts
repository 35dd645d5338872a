import type { ServerResponse } from 'node:http';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors } from '../../../kernel/errors.js';
import { actorOf } from '../../../kernel/request-context.js';
import type { Actor } from '../../../kernel/actor.js';
import type { FastifyRequest } from 'fastify';
import { createEventFeed } from './create-event-feed.js';
import { eventsAfter, type EventFeed, type LiveEvent } from './event-feed.js';
import { canSeeLiveEvent } from './policy.js';

export interface RealtimeOptions {
  /** Reads the caller's credentials afresh (the identity module's), so a long stream notices a sign-out. */
  reauthenticate: (request: FastifyRequest) => Promise<Actor | null>;
  /** Defaults to the feed for the server's database. */
  feed?: EventFeed;
  /** A comment line this often keeps proxies from closing an idle stream; credentials are re-checked then too. */
  heartbeatMs?: number;
}

const HEARTBEAT_MS = 25_000;
/** Tells the browser how long to wait before reconnecting after the stream drops. */
const RETRY_MS = 3_000;
/** Events a reconnecting browser is sent from before it dropped (Last-Event-ID). */
const REPLAY_LIMIT = 200;
/** A client this far behind is not reading; it is dropped and will reconnect and replay. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

function acceptsEventStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.trim().split(';')[0] === 'text/event-stream');
}

function frame(event: LiveEvent): string {
  return `id: ${event.id}\nevent: ticket\ndata: ${JSON.stringify(event)}\n\n`;
}

/**
 * `GET /api/events/stream`: ticket events as Server-Sent Events, for the agent workspace to update
 * live. Events come from the outbox through the node's event feed, so a change made on any node
 * reaches every node's streams. Re-checks the caller's session or token at each heartbeat and ends
 * the stream once it no longer grants `tickets.read`.
 */
export const realtimeRoutes: FastifyPluginAsyncZod<RealtimeOptions> = async (app, options) => {
  const feed = options.feed ?? createEventFeed(app.db, app.log);
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const open = new Set<ServerResponse>();

  // Open streams would keep `close()` waiting forever: end them first; browsers reconnect to another node.
  app.addHook('preClose', async () => {
    for (const res of open) res.end();
    open.clear();
  });
  app.addHook('onClose', async () => feed.close());

  app.get(
    '/api/events/stream',
    {
      config: { access: 'tickets.read' },
      schema: {
        tags: ['events'],
        summary: 'Live ticket events (Server-Sent Events): created, updated, assigned, replied, escalated, SLA breached',
        description:
          'Send `Accept: text/event-stream`. Each event is `event: ticket` with `id` (the outbox id) and `data` ' +
          '`{id, type, occurredAt, record: {type, id}, accountId, data}`. A reconnect with `Last-Event-ID` replays what was missed. ' +
          'An `event: ready` opens the stream; comment lines are heartbeats.',
      },
    },
    async (request, reply) => {
      if (!acceptsEventStream(request.headers.accept)) throw errors.eventStreamNotAcceptable();
      const actor = actorOf(request);
      const lastEventId = Number(request.headers['last-event-id']);

      // Subscribe before reading the replay, so nothing falls between the two; hold live events
      // until the replay is written, and send each id once.
      const held: LiveEvent[] = [];
      const sent = new Set<number>();
      let res: ServerResponse | null = null;
      const send = (event: LiveEvent) => {
        if (!res || res.writableEnded || sent.has(event.id) || !canSeeLiveEvent(actor, event)) return;
        sent.add(event.id);
        if (sent.size > REPLAY_LIMIT * 2) sent.delete(sent.values().next().value as number);
        res.write(frame(event));
        if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
      };
      const unsubscribe = await feed.subscribe((event) => (res ? send(event) : held.push(event)));
      let replay: LiveEvent[];
      try {
        replay = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? await eventsAfter(app.db.kysely, lastEventId, REPLAY_LIMIT) : [];
      } catch (err) {
        unsubscribe();
        throw err;
      }

      reply.hijack();
      const stream = reply.raw;
      stream.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx: pass each event on as it comes rather than buffering the response.
        'x-accel-buffering': 'no',
      });
      stream.write(`retry: ${RETRY_MS}\n\n`);
      stream.write('event: ready\ndata: {}\n\n');
      res = stream;
      open.add(stream);
      for (const event of replay) send(event);
      for (const event of held.splice(0)) send(event);

      const heartbeat = setInterval(() => {
        if (stream.writableEnded) return;
        stream.write(': heartbeat\n\n');
        options
          .reauthenticate(request)
          .then((current) => {
            if (stream.writableEnded || (current?.memberId === actor.memberId && current.permissions.has('tickets.read'))) return;
            stream.write('event: end\ndata: {"reason":"signed_out"}\n\n');
            stream.end();
          })
          .catch((err: unknown) => request.log.warn({ err }, 'live events: could not re-check the session'));
      }, heartbeatMs);
      heartbeat.unref();

      // The response's close: the browser went away, the stream was ended, or the server is closing.
      stream.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(stream);
      });
    },
  );
};
