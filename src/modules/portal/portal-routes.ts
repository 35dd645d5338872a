import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errors } from '../../kernel/errors.js';
import { contactOf } from '../../kernel/request-context.js';
import { recordAudit } from '../../kernel/audit.js';
import { changeContext } from '../../kernel/request-context.js';
import { PORTAL_COOKIE } from '../identity/index.js';
import { addressSignInLimit, signInRateLimit } from '../identity/index.js';
import { readSetting, writeSetting } from '../../kernel/settings.js';
import { getArticle, searchPublicArticles } from '../support/index.js';
import { pageSchema } from '../../kernel/pagination.js';
import {
  requestSignInLink,
  resolvePortalSession,
  setPortalAccess,
  setPortalPassword,
  signInWithLink,
  signInWithPassword,
  signOutPortal,
  type PortalContact,
} from '../identity/index.js';
import {
  articleHitListSchema,
  articleSearchQuery,
  brandingSchema,
  createPortalTicketBody,
  linkSignInBody,
  passwordSignInBody,
  portalAccessBody,
  portalArticleSchema,
  portalMessageSchema,
  portalReplyBody,
  portalSessionSchema,
  portalTicketDetailSchema,
  portalTicketListQuery,
  portalTicketSchema,
  setPortalPasswordBody,
  signInLinkBody,
  signInLinkSentSchema,
} from './contract/portal.js';
import { createPortalTicket, getPortalTicket, listPortalTickets, replyOnPortal } from './portal-tickets.js';

const BRANDING_KEY = 'portal.branding';
const DEFAULT_BRANDING = { name: 'Support portal', logoUrl: null as string | null, colour: '#228be6' };

const idParams = z.object({ id: z.string().max(64) });
const tags = ['portal'];

function publicUrl(request: FastifyRequest): string {
  return process.env.OUTPOST_PUBLIC_URL ?? `${request.protocol}://${request.host}`;
}

/** The customer portal's API: sign-in by e-mailed link or password, and the account's own data. */
export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.db.kysely;
  const setCookie = (reply: FastifyReply, session: { sessionId: string; expiresAt: string }) =>
    reply.setCookie(PORTAL_COOKIE, session.sessionId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: app.config.secureCookies,
      path: '/',
      expires: new Date(session.expiresAt),
    });
  const sessionOf = (c: PortalContact) => ({
    contact: { id: c.contactId, name: c.name, email: c.email, hasPassword: c.hasPassword },
    account: { id: c.accountId, name: c.accountName },
    csrfToken: c.session.csrfToken,
  });

  app.get(
    '/api/portal/branding',
    { config: { access: 'public' }, schema: { tags, summary: 'Portal name, logo and colour', response: { 200: brandingSchema } } },
    async () => readSetting(db(), BRANDING_KEY, DEFAULT_BRANDING),
  );

  app.put(
    '/api/settings/portal-branding',
    {
      config: { access: 'settings.manage' },
      schema: { tags: ['settings'], summary: 'Brand the customer portal', body: brandingSchema, response: { 200: brandingSchema } },
    },
    async (request) => {
      const before = await readSetting(db(), BRANDING_KEY, DEFAULT_BRANDING);
      await writeSetting(db(), BRANDING_KEY, request.body);
      await recordAudit(db(), changeContext(request), {
        action: 'settings.portal_branding_changed',
        recordType: 'setting',
        recordId: BRANDING_KEY,
        changes: { branding: [before, request.body] },
      });
      return request.body;
    },
  );

  app.post(
    '/api/portal/sign-in-link',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: {
        tags,
        summary: 'E-mail a one-time sign-in link (the answer is the same whether or not the address is known)',
        body: signInLinkBody,
        response: { 202: signInLinkSentSchema },
      },
    },
    async (request, reply) => {
      await requestSignInLink(db(), { email: request.body.email, ip: request.ip, publicUrl: publicUrl(request) });
      return reply.status(202).send({ sent: true as const });
    },
  );

  app.post(
    '/api/portal/sign-in/link',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      ...addressSignInLimit,
      schema: {
        tags,
        summary: 'Sign in with the token from an e-mailed link',
        body: linkSignInBody,
        response: { 200: portalSessionSchema },
      },
    },
    async (request, reply) => {
      const session = await signInWithLink(db(), {
        token: request.body.token,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setCookie(reply, session);
      return afterSignIn(session.sessionId);
    },
  );

  app.post(
    '/api/portal/sign-in/password',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      ...addressSignInLimit,
      schema: {
        tags,
        summary: 'Sign in with e-mail and portal password',
        body: passwordSignInBody,
        response: { 200: portalSessionSchema },
      },
    },
    async (request, reply) => {
      const session = await signInWithPassword(db(), { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setCookie(reply, session);
      return afterSignIn(session.sessionId);
    },
  );

  async function afterSignIn(sessionId: string) {
    const contact = await resolvePortalSession(db(), sessionId);
    if (!contact) throw errors.unauthenticated();
    return sessionOf(contact);
  }

  app.get(
    '/api/portal/session',
    { config: { access: 'portal' }, schema: { tags, summary: 'Who is signed in to the portal', response: { 200: portalSessionSchema } } },
    async (request) => sessionOf(contactOf(request)),
  );

  app.post(
    '/api/portal/sign-out',
    { config: { access: 'portal' }, schema: { tags, summary: 'Sign out of the portal', response: { 204: z.null() } } },
    async (request, reply) => {
      await signOutPortal(db(), contactOf(request));
      reply.clearCookie(PORTAL_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/portal/password',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Set or change your portal password',
        body: setPortalPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setPortalPassword(db(), contactOf(request), { ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/portal/tickets',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Your organisation’s tickets, most recently updated first',
        querystring: portalTicketListQuery,
        response: { 200: pageSchema(portalTicketSchema) },
      },
    },
    async (request) => listPortalTickets(db(), contactOf(request), request.query),
  );

  app.post(
    '/api/portal/tickets',
    {
      config: { access: 'portal' },
      schema: {
        tags,
        summary: 'Open a ticket',
        body: createPortalTicketBody,
        response: { 201: portalTicketSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createPortalTicket(db(), contactOf(request), request.body, request.ip)),
  );

  app.get(
    '/api/portal/tickets/:id',
    {
      config: { access: 'portal' },
      schema: { tags, summary: 'A ticket and its public conversation', params: idParams, response: { 200: portalTicketDetailSchema } },
    },
    async (request) => getPortalTicket(db(), contactOf(request), request.params.id),
  );

  app.post(
    '/api/portal/tickets/:id/messages',
    {
      config: { access: 'portal' },
      schema: { tags, summary: 'Reply on a ticket', params: idParams, body: portalReplyBody, response: { 201: portalMessageSchema } },
    },
    async (request, reply) => reply.status(201).send(await replyOnPortal(db(), contactOf(request), request.params.id, request.body.body)),
  );

  // The help centre is public, as Zendesk's is: only published public articles ever show.
  app.get(
    '/api/portal/articles',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search the public knowledge base',
        querystring: articleSearchQuery,
        response: { 200: articleHitListSchema },
      },
    },
    async (request) => ({ items: await searchPublicArticles(db(), request.query.q) }),
  );

  app.get(
    '/api/portal/articles/:id',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'A published public article', params: idParams, response: { 200: portalArticleSchema } },
    },
    async (request) => {
      const article = await getArticle(db(), request.params.id).catch(() => null);
      // Internal and unpublished articles do not exist as far as the portal is concerned.
      if (!article || article.visibility !== 'public' || article.status !== 'published') throw errors.articleNotFound();
      return { id: article.id, title: article.title, body: article.body, updatedAt: article.updatedAt };
    },
  );

  app.put(
    '/api/contacts/:id/portal-access',
    {
      config: { access: 'contacts.write' },
      schema: {
        tags: ['accounts'],
        summary: 'Turn a contact’s portal access on or off',
        params: idParams,
        body: portalAccessBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setPortalAccess(db(), changeContext(request), request.params.id, request.body.enabled);
      return reply.status(204).send(null);
    },
  );
};
