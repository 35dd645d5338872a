import { z } from 'zod';

/**
 * Members' in-app notifications (the bell in the workbench header): what a member was told, newest
 * first, and which of it they have not read yet. The same message may also have gone out by e-mail.
 */

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string().describe('What happened, e.g. "feedback.request_shipped"'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('The workbench path the notification opens'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int().describe('All of the member’s unread notifications, not only those on this list'),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const readAllResultSchema = z.object({ marked: z.number().int() });
