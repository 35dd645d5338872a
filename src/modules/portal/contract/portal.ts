import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../../identity/contract/roles.js';
import { publicArticleHitSchema } from '../../support/contract/knowledge.js';

/**
 * The customer portal's API (src/modules/portal/portal-routes.ts). The portal's projects and
 * training come from the delivery module's contract (portal sections of engagements.ts and records.ts).
 */

export const brandingSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name the portal').max(100),
  logoUrl: z
    .url('Use a full https URL for the logo')
    .max(2000)
    .refine((u) => u.startsWith('https://') || u.startsWith('/'), 'Use an https URL')
    .nullable(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #228be6'),
});
export type PortalBranding = z.infer<typeof brandingSchema>;

export const PORTAL_TICKET_STATUSES = ['open', 'awaiting_your_reply', 'solved', 'closed'] as const;
export type PortalTicketStatus = (typeof PORTAL_TICKET_STATUSES)[number];

export const portalTicketSchema = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  status: z.enum(PORTAL_TICKET_STATUSES),
  requester: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PortalTicket = z.infer<typeof portalTicketSchema>;

export const portalMessageSchema = z.object({
  id: z.string(),
  author: z.object({ name: z.string(), fromSupport: z.boolean() }),
  body: z.string(),
  createdAt: z.string(),
});
export type PortalMessage = z.infer<typeof portalMessageSchema>;

export const portalTicketDetailSchema = z.object({ ticket: portalTicketSchema, messages: z.array(portalMessageSchema) });
export type PortalTicketDetail = z.infer<typeof portalTicketDetailSchema>;

export const portalSessionSchema = z.object({
  contact: z.object({ id: z.string(), name: z.string(), email: z.string(), hasPassword: z.boolean() }),
  account: z.object({ id: z.string(), name: z.string() }),
  csrfToken: z.string(),
});
export type PortalSession = z.infer<typeof portalSessionSchema>;

// ---------------------------------------------------------------- sign-in

export const signInLinkBody = z.strictObject({ email: z.email('Enter a valid e-mail address').max(254) });
export const signInLinkSentSchema = z.object({ sent: z.literal(true) });
export const linkSignInBody = z.strictObject({ token: z.string().min(10).max(200) });
export const passwordSignInBody = z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
export type PasswordSignInInput = z.infer<typeof passwordSignInBody>;

export const setPortalPasswordBody = z.strictObject({
  currentPassword: z.string().max(200).optional(),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Passwords need at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type SetPortalPasswordInput = z.infer<typeof setPortalPasswordBody>;

// ---------------------------------------------------------------- tickets

export const portalTicketListQuery = z.object({
  status: z.enum(['open', 'solved']).optional(),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const createPortalTicketBody = z.strictObject({
  subject: z.string().trim().min(1, 'Give your request a subject').max(300),
  description: z.string().trim().min(1, 'Describe the problem').max(100_000),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).default('normal'),
});
export type CreatePortalTicketInput = z.input<typeof createPortalTicketBody>;

export const portalReplyBody = z.strictObject({ body: z.string().trim().min(1, 'Write a message').max(100_000) });

// ---------------------------------------------------------------- help centre

export const articleSearchQuery = z.object({ q: z.string().trim().min(1).max(200) });
export const articleHitListSchema = z.object({ items: z.array(publicArticleHitSchema) });
export type ArticleHit = z.infer<typeof publicArticleHitSchema>;

export const portalArticleSchema = z.object({ id: z.string(), title: z.string(), body: z.string(), updatedAt: z.string() });
export type PortalArticle = z.infer<typeof portalArticleSchema>;

// ---------------------------------------------------------------- members' side

/** Turns a contact's portal access on or off (the accounts screen's menu). */
export const portalAccessBody = z.strictObject({ enabled: z.boolean() });
export type PortalAccessInput = z.infer<typeof portalAccessBody>;
