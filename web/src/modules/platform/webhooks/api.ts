import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createdWebhookSchema,
  createWebhookBody,
  Delivery,
  deliveryListSchema,
  updateWebhookBody,
  Webhook,
  webhookListSchema,
} from '../../../../../src/modules/platform/contract/webhooks';
import { api } from '../../../lib/api-client';

// Shapes of the webhooks API: src/modules/platform/contract/webhooks.ts.
export type { Delivery, Webhook };
export type WebhookInput = z.input<typeof createWebhookBody>;
export type WebhookUpdate = z.input<typeof updateWebhookBody>;

const keys = {
  all: ['webhooks'] as const,
  deliveries: (id: string) => ['webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: keys.all, queryFn: () => api.get<z.infer<typeof webhookListSchema>>('/api/webhooks') });
}

export function useCreateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookInput) => api.post<z.infer<typeof createdWebhookSchema>>('/api/webhooks', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useUpdateWebhook() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: WebhookUpdate & { id: string }) => api.patch<Webhook>(`/api/webhooks/${id}`, body),
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
    queryFn: () => api.get<z.infer<typeof deliveryListSchema>>(`/api/webhooks/${id}/deliveries`).then((r) => r.items),
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
