import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../../kernel/errors.js';
import { databaseRateLimitStore } from './rate-limit-store.js';

/**
 * Secure headers with a content security policy the web app passes (Mantine injects its CSS
 * variables in <style> tags, hence inline styles; no inline scripts anywhere), and the rate-limit
 * machinery that routes opt into with `config.rateLimit`, its counters shared by every node.
 */
export const securityPlugin = fp(async (app) => {
  // HSTS and upgrade-insecure-requests only when served over HTTPS (OUTPOST_SECURE_COOKIES): over
  // plain HTTP they would send browsers to an https:// that is not there.
  const https = app.config.secureCookies;
  await app.register(helmet, {
    hsts: https,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: https ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    // Same-origin SPA: nothing embeds our resources cross-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  await app.register(rateLimit, {
    global: false,
    // Counted in the database, so that every node sees the same attempts.
    store: databaseRateLimitStore(app.db.kysely),
    errorResponseBuilder: (_request, context) => errors.rateLimited({ retryAfterSeconds: Math.ceil(context.ttl / 1000) }),
  });
});

/**
 * Sign-in attempts: per address and e-mail, so one attacker cannot lock out a whole office. Wrong
 * passwords for a real member already lock that member after five (sign-in-lockout.ts); this cap
 * stops guessing at scale. OUTPOST_SIGN_IN_LIMIT raises it where many sign-ins share one address
 * (the browser tests sign in dozens of times a minute from 127.0.0.1).
 */
export const signInRateLimit = {
  max: Number(process.env.OUTPOST_SIGN_IN_LIMIT ?? 20),
  timeWindow: '1 minute',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => {
    const email = (request.body as { email?: unknown } | undefined)?.email;
    return `${request.ip}|${typeof email === 'string' ? email.toLowerCase() : ''}`;
  },
};

/** Token creation: a handful an hour per member is plenty for integrations. */
export const tokenCreationRateLimit = {
  max: 20,
  timeWindow: '1 hour',
  hook: 'preHandler' as const,
  keyGenerator: (request: FastifyRequest) => request.actor?.memberId ?? request.ip,
};
