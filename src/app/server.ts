import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/connect.js';
import { accountRoutes } from '../modules/accounts/routes.js';
import { auditRoutes } from '../modules/platform/audit/audit-routes.js';
import { authPlugin } from '../modules/identity/sessions/auth-plugin.js';
import { authRoutes } from '../modules/identity/sessions/auth-routes.js';
import { idempotencyPlugin } from '../modules/platform/idempotency/idempotency-plugin.js';
import { securityPlugin } from '../modules/identity/sign-in-limits/security-plugin.js';
import { loadSecretBox, type SecretBox } from '../modules/platform/webhooks/secret-box.js';
import { webhookRoutes } from '../modules/platform/webhooks/routes.js';
import { portalRoutes } from '../modules/portal/portal-routes.js';
import { realtimeRoutes } from '../modules/platform/realtime/routes.js';
import { systemRoutes } from '../modules/platform/system/system-routes.js';
import { tokenRoutes } from '../modules/identity/tokens/token-routes.js';
import { supportSettingsRoutes } from '../modules/support/settings/settings-routes.js';
import { ticketRoutes } from '../modules/support/tickets/ticket-routes.js';
import { knowledgeRoutes } from '../modules/support/knowledge/routes.js';
import { searchRoutes } from '../modules/search/routes.js';
import { attachmentRoutes } from '../modules/support/attachments/routes.js';
import { inboundEmailRoutes } from '../modules/support/email/routes.js';
import { teamRoutes } from '../modules/team/members/member-routes.js';
import { csatRoutes } from '../modules/support/csat/routes.js';
import { macroRoutes } from '../modules/support/macros/routes.js';
import { runbookRoutes } from '../modules/support/runbooks/routes.js';
import { timeEntryRoutes } from '../modules/team/time/time-entry-routes.js';
import { deliveryRoutes } from '../modules/delivery/plugin.js';
import type { Config } from './config.js';
import { errors } from '../kernel/errors.js';
import { installErrorHandler } from './error-handler.js';
import './types.js';

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
  const app = Fastify({
    logger: logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', '*.password', '*.newPassword'],
        }
      : false,
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.OUTPOST_TRUST_PROXY === 'true',
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.decorate('secretBox', secretBox ?? loadSecretBox(process.env, config.dataDir));
  installErrorHandler(app);

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
  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(webhookRoutes);
  await app.register(portalRoutes);
  await app.register(teamRoutes);
  await app.register(accountRoutes);
  await app.register(ticketRoutes);
  await app.register(supportSettingsRoutes);
  await app.register(knowledgeRoutes);
  await app.register(searchRoutes);
  await app.register(attachmentRoutes);
  await app.register(inboundEmailRoutes);
  await app.register(runbookRoutes);
  await app.register(macroRoutes);
  await app.register(timeEntryRoutes);
  await app.register(csatRoutes);
  await app.register(deliveryRoutes);
  await app.register(realtimeRoutes);

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
