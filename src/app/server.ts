import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/connect.js';
import { accountsPlugin } from '../modules/accounts/index.js';
import { deliveryPlugin } from '../modules/delivery/index.js';
import { feedbackPlugin } from '../modules/feedback/index.js';
import { successPlugin } from '../modules/success/index.js';
import { presalesPlugin } from '../modules/presales/index.js';
import { authenticate, authPlugin, identityPlugin, securityPlugin } from '../modules/identity/index.js';
import { idempotencyPlugin, loadSecretBox, platformPlugin, type SecretBox } from '../modules/platform/index.js';
import { portalPlugin } from '../modules/portal/index.js';
import { searchPlugin } from '../modules/search/index.js';
import { supportPlugin } from '../modules/support/index.js';
import { teamPlugin } from '../modules/team/index.js';
import { stripJsonSuffix, zendeskPlugin } from '../modules/zendesk/index.js';
import type { Config } from './config.js';
import { errors } from '../kernel/errors.js';
import { frameworkErrors, installErrorHandler } from './error-handler.js';
import { installInputBoundary } from './input-boundary.js';
import { installAnswerAfterCommit } from './answer-after-commit.js';
import { readReplicaRouting } from './read-replica-routing.js';
import './types.js';
import { wireModules } from './wire-modules.js';

export interface ServerOptions {
  db: Db;
  config: Config;
  /** Pino logging; tests turn it off. */
  logger?: boolean;
  /** Seals stored secrets; defaults to the key from OUTPOST_SECRET_KEY or the data folder. */
  secretBox?: SecretBox;
}

/** Builds the HTTP server: API, OpenAPI document, metrics, and the web app. */
export async function buildServer({ db, config, logger = true, secretBox }: ServerOptions): Promise<FastifyInstance> {
  wireModules();
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.newPassword'],
        }
      : false,
    bodyLimit: 1024 * 1024,
    // The router's own 400/414 answers in the one error shape (see error-handler.ts).
    frameworkErrors,
    trustProxy: process.env.OUTPOST_TRUST_PROXY === 'true',
    // Zendesk's paths end in .json; the /api/v2 routes answer both spellings (issue 18).
    rewriteUrl: (req) => stripJsonSuffix(req.url ?? '/'),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('secretBox', secretBox ?? loadSecretBox(process.env, config.dataDir));
  installErrorHandler(app);
  installInputBoundary(app);
  installAnswerAfterCommit(app, db);
  // First, so that every later hook's reads are routed: GET/HEAD to a replica, read-your-writes (src/db/replicas/).
  if (db.readRouting) await app.register(readReplicaRouting, { routing: db.readRouting, secureCookies: config.secureCookies });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Outpost API', version: '0.1.0', description: 'The workbench for customer-facing engineering teams.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'outpost_session' },
          token: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(securityPlugin);
  await app.register(cookie);
  await app.register(authPlugin);
  await app.register(idempotencyPlugin);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
  // Each module registers its own routes; the order does not matter (the hooks above guard all).
  await app.register(platformPlugin, { reauthenticate: authenticate });
  await app.register(identityPlugin);
  await app.register(teamPlugin);
  await app.register(accountsPlugin);
  await app.register(searchPlugin);
  await app.register(supportPlugin);
  await app.register(deliveryPlugin);
  await app.register(feedbackPlugin);
  await app.register(successPlugin);
  await app.register(presalesPlugin);
  await app.register(portalPlugin);
  await app.register(zendeskPlugin);

  const webRoot = config.webRoot;
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot });

  app.setNotFoundHandler(async (request, reply) => {
    // Anything that is not the API is a page of the single-page app.
    if (hasWeb && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html').sendFile('index.html');
    }
    throw errors.routeNotFound({ method: request.method, url: request.url.split('?')[0] });
  });

  return app;
}
