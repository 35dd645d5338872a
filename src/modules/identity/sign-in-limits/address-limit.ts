import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { countAttempt, currentAttempts } from './rate-limit-store.js';

/**
 * Failed sign-ins per client address, across every e-mail. The per-address-and-e-mail limit and
 * the member lockout stop guessing one account; password spraying tries one password on many
 * accounts, which neither sees. Only failures count, so an office behind one address signs in
 * freely; OUTPOST_SIGN_IN_ADDRESS_LIMIT sets the cap.
 */
export const FAILED_SIGN_INS_PER_ADDRESS = Number(process.env.OUTPOST_SIGN_IN_ADDRESS_LIMIT ?? 50);
const WINDOW_MS = 15 * 60 * 1000;

const keyOf = (request: FastifyRequest) => `failed-sign-in|${request.ip}`;

/** Route hooks for every sign-in route (members' and the portal's). */
export const addressSignInLimit = {
  /** Refuses an address that has failed too often, before the password is even checked. */
  preHandler: async (request: FastifyRequest) => {
    const failures = await currentAttempts(request.server.db.kysely, keyOf(request));
    if (failures >= FAILED_SIGN_INS_PER_ADDRESS)
      throw errors.rateLimited({ scope: 'address', retryAfterSeconds: Math.ceil(WINDOW_MS / 1000) });
  },
  /**
   * Counts a refused sign-in (401) before the answer leaves, so the next attempt already sees it;
   * the attempt that reaches the cap is audited once.
   */
  onSend: async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.statusCode !== 401) return payload;
    const db = request.server.db.kysely;
    const { current } = await countAttempt(db, keyOf(request), WINDOW_MS);
    if (current === FAILED_SIGN_INS_PER_ADDRESS) {
      await recordAudit(
        db,
        { actorType: 'system', actorId: null, memberId: null, ip: request.ip },
        {
          action: 'sign_in.address_limited',
          recordType: 'address',
          recordId: request.ip,
          changes: { failedSignIns: [null, current] },
        },
      );
    }
    return payload;
  },
};
