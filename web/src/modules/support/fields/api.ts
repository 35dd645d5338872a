import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  createTicketFieldBody,
  ticketCustomFieldSchema,
  ticketFieldSchema,
  updateTicketFieldBody,
} from '../../../../../src/modules/support/contract/ticket-fields';
import { api } from '../../../lib/api-client';

/** Custom ticket fields' API types, inferred from the server's contract (src/modules/support/contract/ticket-fields.ts). */
export type TicketField = z.infer<typeof ticketFieldSchema>;
export type TicketFieldType = TicketField['fieldType'];
export type TicketCustomField = z.infer<typeof ticketCustomFieldSchema>;
export type CreateTicketFieldInput = z.input<typeof createTicketFieldBody>;
export type UpdateTicketFieldInput = z.input<typeof updateTicketFieldBody>;

export const ticketFieldKeys = { all: ['ticket-fields'] as const };

/** Every field, active or not (the ticket page shows an inactive field's value read-only). */
export function useTicketFields() {
  return useQuery({
    queryKey: ticketFieldKeys.all,
    queryFn: () => api.get<{ items: TicketField[] }>('/api/ticket-fields').then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useCreateTicketField() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTicketFieldInput) => api.post<TicketField>('/api/ticket-fields', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketFieldKeys.all }),
  });
}

export function useUpdateTicketField(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateTicketFieldInput) => api.patch<TicketField>(`/api/ticket-fields/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ticketFieldKeys.all }),
  });
}

export const FIELD_TYPE_LABELS: Record<TicketFieldType, string> = {
  text: 'Text',
  textarea: 'Multi-line text',
  integer: 'Whole number',
  decimal: 'Decimal number',
  checkbox: 'Checkbox',
  date: 'Date',
  dropdown: 'Drop-down',
  multiselect: 'Multi-select',
  regexp: 'Pattern (regular expression)',
};
