import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errors } from '../../../kernel/errors.js';
import * as team from '../../team/index.js';
import { MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.js';
import { actorOf, changeContext } from '../../../kernel/request-context.js';
import { SESSION_COOKIE } from './auth-plugin.js';
import { listSessions, revokeSession, signIn, signOut } from './auth-service.js';
import { signInRateLimit } from '../sign-in-limits/security-plugin.js';
import { permissionsFor, ROLE_LABELS, type Role } from '../roles/roles.js';

const sessionView = z.object({
  member: z.object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.string()) }),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable().describe('Echo in X-CSRF-Token on every cookie-authenticated write'),
  roleLabels: z.record(z.string(), z.string()),
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public', rateLimit: signInRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: z.strictObject({ email: z.string().trim().min(1, 'Enter your e-mail').max(254), password: z.string().min(1, 'Enter your password').max(200) }),
        response: { 200: sessionView },
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
      const member = await team.getMember(app.db.kysely, session.memberId);
      return {
        member: { id: member.id, name: member.name, email: member.email, roles: member.roles },
        permissions: [...permissionsFor(member.roles)],
        csrfToken: session.csrfToken,
        roleLabels: ROLE_LABELS,
      };
    },
  );

  app.get(
    '/api/auth/session',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: sessionView } } },
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
        body: z.strictObject({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const row = await team.findMemberRow(app.db.kysely, actor.memberId);
      if (!row?.password_hash || !(await verifyPassword(request.body.currentPassword, row.password_hash))) {
        throw errors.invalidCredentials();
      }
      await team.setPassword(app.db.kysely, changeContext(request), actor.memberId, request.body.newPassword, actor.session?.idHash ?? null);
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
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(), ip: z.string().nullable(), userAgent: z.string().nullable(), current: z.boolean() }),
            ),
          }),
        },
      },
    },
    async (request) => ({ items: await listSessions(app.db.kysely, actorOf(request)) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    { config: { access: 'signed_in' }, schema: { tags: ['auth'], summary: 'Sign out one of your sessions', params: z.object({ id: z.string().max(128) }), response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeSession(app.db.kysely, actorOf(request), changeContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
