import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import { changePasswordBody, memberSessionListSchema, sessionViewSchema, signInBody } from '../contract/auth.js';
import { identityPorts } from '../ports.js';
import { verifyPassword } from './passwords.js';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { SESSION_COOKIE } from './auth-plugin.js';
import { listSessions, revokeSession, signIn, signOut } from './auth-service.js';
import { signInRateLimit } from '../sign-in-limits/security-plugin.js';
import { addressSignInLimit } from '../sign-in-limits/address-limit.js';
import { permissionsFor, ROLE_LABELS, type Role } from '../roles/roles.js';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      ...addressSignInLimit,
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: signInBody,
        response: { 200: sessionViewSchema },
      },
    },
    async (request, reply) => {
      const session = await signIn(app.db.kysely, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        sessionDays: app.config.sessionDays,
      });
      reply.setCookie(SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      const members = identityPorts().members;
      const [member, roles] = await Promise.all([
        members.findById(app.db.kysely, session.memberId),
        members.rolesOf(app.db.kysely, session.memberId),
      ]);
      if (!member) throw errors.memberNotFound();
      return {
        member: { id: member.id, name: member.name, email: member.email, roles },
        permissions: [...permissionsFor(roles)],
        csrfToken: session.csrfToken,
        roleLabels: ROLE_LABELS,
      };
    },
  );

  app.get(
    '/api/auth/session',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: sessionViewSchema } } },
    async (request) => {
      const actor = actorOf(request);
      return {
        member: { id: actor.memberId, name: actor.name, email: actor.email, roles: actor.roles },
        permissions: [...actor.permissions],
        csrfToken: actor.session?.csrfToken ?? null,
        roleLabels: ROLE_LABELS as Record<Role, string>,
      };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } } },
    async (request, reply) => {
      await signOut(app.db.kysely, actorOf(request), request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const members = identityPorts().members;
      const row = await members.findById(app.db.kysely, actor.memberId);
      if (!row?.password_hash || !(await verifyPassword(request.body.currentPassword, row.password_hash))) {
        throw errors.invalidCredentials();
      }
      await members.setPassword(
        app.db.kysely,
        changeContext(request),
        actor.memberId,
        request.body.newPassword,
        actor.session?.idHash ?? null,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary: 'Your signed-in sessions (devices)',
        response: { 200: memberSessionListSchema },
      },
    },
    async (request) => ({ items: await listSessions(app.db.kysely, actorOf(request)) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      config: { access: 'signed_in' },
      schema: {
        tags: ['auth'],
        summary: 'Sign out one of your sessions',
        params: z.object({ id: z.string().max(128) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await revokeSession(app.db.kysely, actorOf(request), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
