import { z } from 'zod';
import { PERMISSIONS } from '../../../kernel/contract/permissions.js';
import { MIN_PASSWORD_LENGTH } from './roles.js';

/** The signed-in member as the web app sees it: who, what they may do, and the CSRF token. */
export const sessionViewSchema = z.object({
  member: z.object({ id: z.string(), name: z.string(), email: z.string(), roles: z.array(z.string()) }),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string().nullable().describe('Echo in X-CSRF-Token on every cookie-authenticated write'),
  roleLabels: z.record(z.string(), z.string()),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const signInBody = z.strictObject({
  email: z.string().trim().min(1, 'Enter your e-mail').max(254),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type SignInInput = z.infer<typeof signInBody>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type ChangePasswordInput = z.infer<typeof changePasswordBody>;

/** One signed-in session (device) of the current member. */
export const memberSessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type MemberSession = z.infer<typeof memberSessionSchema>;

export const memberSessionListSchema = z.object({ items: z.array(memberSessionSchema) });
