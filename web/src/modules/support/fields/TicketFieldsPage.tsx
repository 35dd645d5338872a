import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { FIELD_TYPE_LABELS, useTicketFields, useUpdateTicketField, type TicketField } from './api';
import { TicketFieldForm } from './TicketFieldForm';

/** /admin/ticket-fields: the desk's custom ticket fields (Zendesk's ticket fields), listed, added, edited and retired. */
export function TicketFieldsPage() {
  const fields = useTicketFields();
  // null: closed; 'new': adding; a field: editing it.
  const [editing, setEditing] = useState<TicketField | 'new' | null>(null);
  return (
    <>
      <PageHeader
        title="Ticket fields"
        description="Custom fields every ticket can carry, such as a plan or a version. A field that holds values is retired by deactivating it: its values stay."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New field
          </Button>
        }
      />
      <Card p={0} component="section" aria-label="Ticket fields">
        {fields.isError ? (
          <Stack p="md">
            <QueryError error={fields.error} onRetry={() => void fields.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={340}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Field</Table.Th>
                  <Table.Th visibleFrom="sm">Tickets</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {fields.isPending && <SkeletonRows columns={4} rows={3} />}
                {fields.data?.map((field) => (
                  <FieldRow key={field.id} field={field} onEdit={() => setEditing(field)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {fields.data?.length === 0 && (
          <EmptyState icon={<IconForms size={18} />} title="No ticket fields yet" description="Add one to record what your tickets need." />
        )}
      </Card>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New ticket field' : 'Edit ticket field'}
        centered
        size="lg"
      >
        {editing !== null && <TicketFieldForm field={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}

function FieldRow({ field, onEdit }: { field: TicketField; onEdit: () => void }) {
  const update = useUpdateTicketField(field.id);
  const toggle = () =>
    update.mutate(
      { active: !field.active },
      {
        onSuccess: (saved) => notifySuccess(`“${saved.title}” is ${saved.active ? 'active again' : 'deactivated'}.`),
        onError: (error) => notifyError(error, 'The field was not changed'),
      },
    );
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500} size="sm">
          {field.title}
        </Text>
        <Text size="xs" c="dimmed">
          {FIELD_TYPE_LABELS[field.fieldType]}
          {field.options.length > 0 && ` · ${field.options.map((o) => o.name).join(', ')}`}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">{field.valueCount}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={field.active ? 'green' : 'gray'}>
          {field.active ? 'Active' : 'Inactive'}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button variant="subtle" size="compact-sm" onClick={onEdit} aria-label={`Edit ${field.title}`}>
            Edit
          </Button>
          <Button
            variant="subtle"
            size="compact-sm"
            color={field.active ? 'red' : undefined}
            loading={update.isPending}
            onClick={toggle}
            aria-label={`${field.active ? 'Deactivate' : 'Activate'} ${field.title}`}
          >
            {field.active ? 'Deactivate' : 'Activate'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
