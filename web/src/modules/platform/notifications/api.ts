import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Notification, NotificationList, readAllResultSchema } from '../../../../../src/modules/platform/contract/notifications';
import { api } from '../../../lib/api-client';

// Shapes of the notifications API: src/modules/platform/contract/notifications.ts.
export type { Notification, NotificationList };

const KEY = ['notifications'] as const;
/** The bell polls: a notification is rarely urgent, and one small read a minute per tab is cheap. */
const REFRESH_MS = 60_000;

export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => api.get<NotificationList>('/api/notifications', { limit: 30 }),
    refetchInterval: REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Notification>(`/api/notifications/${id}/read`),
    onSuccess: (read) => {
      client.setQueryData<NotificationList>(KEY, (old) =>
        old
          ? {
              items: old.items.map((n) => (n.id === read.id ? read : n)),
              unreadCount: Math.max(0, old.unreadCount - (old.items.find((n) => n.id === read.id)?.readAt ? 0 : 1)),
            }
          : old,
      );
      return client.invalidateQueries({ queryKey: KEY });
    },
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof readAllResultSchema>>('/api/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
