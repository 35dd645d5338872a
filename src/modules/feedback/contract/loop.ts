import { z } from 'zod';

/**
 * Closing the loop (issue 14): when a feature request ships, each contact who asked for it gets one
 * notice in the portal and one e-mail, unless they switched product updates off.
 */

export const portalNoticeSchema = z.object({
  id: z.string(),
  kind: z.string().describe('"shipped" — a request the contact asked for has shipped'),
  title: z.string(),
  body: z.string(),
  request: z.object({ id: z.string(), title: z.string(), targetRelease: z.string().nullable() }),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type PortalNotice = z.infer<typeof portalNoticeSchema>;

export const portalNoticeListSchema = z.object({ items: z.array(portalNoticeSchema), unreadCount: z.number().int() });
export type PortalNoticeList = z.infer<typeof portalNoticeListSchema>;

export const feedbackPreferencesBody = z.strictObject({
  optOut: z.boolean().describe('true: no more product-update notices or e-mails'),
});
export type FeedbackPreferencesInput = z.infer<typeof feedbackPreferencesBody>;

export const feedbackPreferencesSchema = z.object({ optOut: z.boolean(), optedOutAt: z.string().nullable() });
export type FeedbackPreferences = z.infer<typeof feedbackPreferencesSchema>;
