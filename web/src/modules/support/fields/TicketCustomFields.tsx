import { Stack, Text } from '@mantine/core';
import { notifyError } from '../../../ui/server-errors';
import { useUpdateTicket, type Ticket } from '../api';
import { useTicketFields, type TicketCustomField, type TicketField } from './api';
import { CustomFieldInput } from './CustomFieldInput';

/** A value as text, for a read-only ticket or a retired field. */
function shown(field: TicketField | undefined, value: TicketCustomField['value']): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const name = (v: string) => field?.options.find((o) => o.value === v)?.name ?? v;
  if (Array.isArray(value)) return value.map(name).join(', ');
  return typeof value === 'string' ? name(value) : String(value);
}

/**
 * The ticket's custom fields in the properties sidebar: every active field, editable when the
 * ticket is, and a retired field only where this ticket still holds its value (read-only).
 */
export function TicketCustomFields({ ticket, editable }: { ticket: Ticket; editable: boolean }) {
  const fields = useTicketFields();
  const update = useUpdateTicket(ticket.id);
  const values = new Map(ticket.customFields.map((f) => [f.fieldId, f.value]));
  const visible = (fields.data ?? []).filter((f) => f.active || values.has(f.id));
  if (!visible.length) return null;
  const save = (fieldId: string, value: TicketCustomField['value']) =>
    update.mutate({ customFields: [{ fieldId, value }] }, { onError: (error) => notifyError(error, 'The field was not saved') });
  return (
    <Stack gap="sm" role="group" aria-label="Custom fields">
      {visible.map((field) =>
        editable && field.active ? (
          <CustomFieldInput
            // A saved value comes back with a new updatedAt, which resets a typed draft to it.
            key={`${field.id}:${ticket.updatedAt}`}
            field={field}
            value={values.get(field.id) ?? null}
            disabled={update.isPending}
            onSave={(value) => save(field.id, value)}
          />
        ) : (
          <Stack key={field.id} gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {field.title}
            </Text>
            <Text size="sm">{shown(field, values.get(field.id) ?? null)}</Text>
          </Stack>
        ),
      )}
    </Stack>
  );
}
