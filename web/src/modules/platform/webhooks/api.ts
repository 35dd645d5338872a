import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Shapes of the webhooks API (src/modules/platform/webhooks/routes.ts). */

export interface Webhook {
  id: string;
  name: string;
  url: string;
  eventTypes: string[];
  status: 'active' | 'paused';
  consecutiveFailures: number;
  pausedReason: string | null;
  createdAt: string;
}

export interface DeliveryAttempt {
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

export interface Delivery {
  id: string;
  eventId: number;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

export interface WebhookInput {
  name: string;
  url: string;
  eventTypes: string[];
}

const keys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: keys.all, queryFn: () => api.get<{ items: Webhook[]; eventTypes: string[] }>('/api/webhooks') });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookInput) => api.post<{ webhook: Webhook; secret: string }>('/api/webhooks', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<WebhookInput> & { id: string; status?: 'active' | 'paused' }) => api.patch<Webhook>(`/api/webhooks/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useDeleteWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/webhooks/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function usePingWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<null>(`/api/webhooks/${id}/ping`),
    onSuccess: (_, id) => client.invalidateQueries({ queryKey: keys.deliveries(id) }),
  });
}

/** The delivery log refreshes while the drawer is open: deliveries go out every few seconds. */
export function useDeliveries(id: string | null) {
  return useQuery({
    queryKey: keys.deliveries(id ?? ''),
    queryFn: () => api.get<{ items: Delivery[] }>(`/api/webhooks/${id}/deliveries`).then((r) => r.items),
    enabled: id !== null,
    refetchInterval: 3000,
  });
}

export function useRedeliver(webhookId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<null>(`/api/webhook-deliveries/${deliveryId}/redeliver`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.deliveries(webhookId) }),
  });
}
