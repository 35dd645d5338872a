import fp from 'fastify-plugin';
import { createHash } from 'node:crypto';
import { errors } from '../../app/errors.js';
import '../../app/types.js';
import { nowIso } from './clock.js';

const MAX_KEY_LENGTH = 200;

/**
 * Honours `Idempotency-Key` on POST: the first response for a (caller, key) pair is stored, and a
 * retry with the same key and body gets that response again instead of a second record. Reusing
 * a key for a different request is refused rather than silently answered with the old result.
 */
export const idempotencyPlugin = fp(async (app) => {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor) return;
    if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
      throw errors.validation(`Idempotency-Key must be 1–${MAX_KEY_LENGTH} characters.`, { header: 'Idempotency-Key' });
    }
    const principal = request.actor.tokenId ?? request.actor.memberId;
    const route = `${request.method} ${request.url}`;
    const requestHash = createHash('sha256').update(JSON.stringify(request.body ?? null)).digest('hex');
    const stored = await app.db.kysely
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirst();
    if (stored) {
      if (stored.request_hash !== requestHash || stored.route !== route) throw errors.idempotencyMismatch();
      return reply
        .status(stored.status_code)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .serializer((p: unknown) => p as string)
        .send(stored.response_body);
    }
    request.idempotency = { key, principal, route, requestHash };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const marker = request.idempotency;
    if (!marker || reply.statusCode >= 500 || typeof payload !== 'string') return payload;
    await app.db.kysely
      .insertInto('idempotency_keys')
      .values({
        key: marker.key,
        principal: marker.principal,
        route: marker.route,
        request_hash: marker.requestHash,
        status_code: reply.statusCode,
        response_body: payload,
        created_at: nowIso(),
      })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .execute();
    return payload;
  });
});
