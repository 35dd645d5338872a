import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { nowIso } from '../../../kernel/clock.js';
import { inTransaction } from '../../../kernel/transaction.js';

const MAX_KEY_LENGTH = 200;
/**
 * How long a reservation holds its key. A request that crashed with its process (kill -9) leaves a
 * reservation no response will ever complete; after this lease a retry takes it over and runs the
 * request, instead of being told "in progress" until the key expires a day later.
 */
export const RESERVATION_LEASE_MS = Number(process.env.OUTPOST_IDEMPOTENCY_LEASE_MS ?? 60_000);

/**
 * Answers worth replaying: successes and 4xx that will not change on a retry. A conflict (409),
 * a timeout (408), too early (425), rate limits (429) and every 5xx are transient; they free the
 * key, so a retry runs the request again instead of being handed the same failure forever.
 */
function isFinal(status: number): boolean {
  return status < 400 || (status < 500 && ![408, 409, 425, 429].includes(status));
}

/**
 * Honours `Idempotency-Key` on POST: the first response for a (caller, key) pair is stored, and a
 * retry with the same key and body gets that response again instead of a second record. Reusing
 * a key for a different request is refused rather than silently answered with the old result, and
 * a retry that overlaps the still-running original gets 409 (retry later) rather than a second record.
 * Only final answers are stored, and a reservation left by a crashed request expires with its lease.
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
    const requestHash = createHash('sha256')
      .update(JSON.stringify(request.body ?? null))
      .digest('hex');
    // Reserve the key before the handler runs, so a retry that arrives while the first request is
    // still running finds the reservation instead of creating a second record. A reservation has
    // status 0 until the response is stored.
    const reserved = await app.db.kysely
      .insertInto('idempotency_keys')
      .values({ key, principal, route, request_hash: requestHash, status_code: 0, response_body: '', created_at: nowIso() })
      .onConflict((oc) => oc.columns(['principal', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(reserved.numInsertedOrUpdatedRows ?? 0) === 1) {
      request.idempotency = { key, principal, route, requestHash };
      return;
    }
    const stored = await app.db.kysely
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('principal', '=', principal)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!stored) throw errors.idempotencyInProgress();
    if (stored.request_hash !== requestHash || stored.route !== route) throw errors.idempotencyMismatch();
    if (stored.status_code === 0) {
      // A reservation past its lease belongs to a request that will never answer: take it over.
      const leaseEnded = new Date(Date.now() - RESERVATION_LEASE_MS).toISOString();
      const takenOver = await app.db.kysely
        .updateTable('idempotency_keys')
        .set({ created_at: nowIso() })
        .where('principal', '=', principal)
        .where('key', '=', key)
        .where('status_code', '=', 0)
        .where('created_at', '<', leaseEnded)
        .executeTakeFirst();
      if (Number(takenOver.numUpdatedRows) !== 1) throw errors.idempotencyInProgress();
      request.idempotency = { key, principal, route, requestHash };
      return;
    }
    return reply
      .status(stored.status_code)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .serializer((p: unknown) => p as string)
      .send(stored.response_body);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const marker = request.idempotency;
    if (!marker) return payload;
    request.idempotency = null;
    if (!isFinal(reply.statusCode) || typeof payload !== 'string') {
      // Nothing worth replaying: free the key so a retry runs the request again.
      await app.db.kysely.deleteFrom('idempotency_keys').where('principal', '=', marker.principal).where('key', '=', marker.key).execute();
      return payload;
    }
    await app.db.kysely
      .updateTable('idempotency_keys')
      .set({ status_code: reply.statusCode, response_body: payload })
      .where('principal', '=', marker.principal)
      .where('key', '=', marker.key)
      .execute();
    return payload;
  });
});

/**
 * Runs a POST's work in one transaction that also stores its answer for the request's
 * Idempotency-Key (without a key it is just the transaction). Stored only after the reply
 * (onSend), the answer would leave a gap: a process killed after the work committed and before
 * that store leaves a bare reservation, and the retry that takes it over after the lease does the
 * work a second time (two tickets for one key, found by test/crash). `answer` turns the result
 * into the body the route sends for `status` (`reply.serializeInput`), so a replay is that body.
 */
export async function inTransactionWithAnswer<T>(
  request: FastifyRequest,
  status: number,
  work: (trx: Kysely<Database>) => Promise<T>,
  answer: (result: T) => string,
): Promise<T> {
  return inTransaction(request.server.db.kysely, async (trx) => {
    const result = await work(trx);
    const marker = request.idempotency;
    if (marker)
      await trx
        .updateTable('idempotency_keys')
        .set({ status_code: status, response_body: answer(result) })
        .where('principal', '=', marker.principal)
        .where('key', '=', marker.key)
        .execute();
    return result;
  });
}
