import { useState } from 'react';
import { Badge, Button, Card, Group, Modal, NumberInput, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconCoin, IconPlus } from '@tabler/icons-react';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { formatAmount, useDeleteRateCardRole, useRateCard, useSaveRateCardRole, type RateCardRole } from './api';

const FIELDS = ['name', 'description', 'hourlyRate', 'currency', 'active'] as const;

/**
 * Admin → Rate card: the roles statements of work are priced with, each with an hourly rate in a
 * currency. A change here reprices nothing already written (items copy their rate); a role in use
 * is deactivated rather than deleted.
 */
export function RateCardPage() {
  const [showInactive, setShowInactive] = useState(false);
  const card = useRateCard(showInactive);
  const save = useSaveRateCardRole();
  const phone = useMediaQuery('(max-width: 36em)');
  const [editing, setEditing] = useState<RateCardRole | null>(null);
  const [formOpen, form] = useDisclosure();
  const open = (role: RateCardRole | null) => {
    setEditing(role);
    form.open();
  };
  const setActive = (role: RateCardRole, active: boolean) =>
    save.mutate(
      { id: role.id, active },
      { onError: (err) => notifyError(err), onSuccess: (r) => notifySuccess(`${r.name} is ${r.active ? 'active' : 'inactive'}`) },
    );

  return (
    <>
      <PageHeader
        title="Rate card"
        description="Hourly rates statements of work are priced with. Each scope item keeps the rate it was priced at."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
            Add role
          </Button>
        }
      />
      <Card p={0}>
        <Group p="md" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <Switch label="Show inactive roles" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
        </Group>
        {card.isError ? (
          <Stack p="md">
            <QueryError error={card.error} onRetry={() => void card.refetch()} />
          </Stack>
        ) : phone ? (
          <Stack gap={0} role="list" aria-label="Rate card">
            {card.data?.map((role) => (
              <Stack
                key={role.id}
                gap={4}
                p="md"
                role="listitem"
                aria-label={role.name}
                style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Text size="sm" fw={600}>
                    {role.name}
                  </Text>
                  <Text size="sm" fw={600}>
                    {formatAmount(role.hourlyRate, role.currency)}/h
                  </Text>
                </Group>
                {role.description && (
                  <Text size="xs" c="dimmed">
                    {role.description}
                  </Text>
                )}
                <Group justify="space-between" wrap="nowrap">
                  <ActiveSwitch role={role} onChange={setActive} />
                  <Group gap="xs" wrap="nowrap">
                    <Button size="compact-sm" variant="subtle" onClick={() => open(role)} aria-label={`Edit ${role.name}`}>
                      Edit
                    </Button>
                    {role.usedBy === 0 && <DeleteRole role={role} />}
                  </Group>
                </Group>
              </Stack>
            ))}
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label="Rate card">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Role</Table.Th>
                  <Table.Th ta="right">Hourly rate</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th ta="right">Used in</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {card.isPending && <SkeletonRows columns={5} rows={4} />}
                {card.data?.map((role) => (
                  <Table.Tr key={role.id} aria-label={role.name} style={{ opacity: role.active ? 1 : 0.6 }}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {role.name}
                      </Text>
                      {role.description && (
                        <Text size="xs" c="dimmed">
                          {role.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{formatAmount(role.hourlyRate, role.currency)}/h</Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`${role.name} active`}
                        checked={role.active}
                        label={role.active ? 'Active' : 'Inactive'}
                        onChange={(e) =>
                          save.mutate(
                            { id: role.id, active: e.currentTarget.checked },
                            {
                              onError: (err) => notifyError(err),
                              onSuccess: (r) => notifySuccess(`${r.name} is ${r.active ? 'active' : 'inactive'}`),
                            },
                          )
                        }
                      />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Badge variant="light" color={role.usedBy ? 'blue' : 'gray'}>
                        {role.usedBy} item{role.usedBy === 1 ? '' : 's'}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => open(role)} aria-label={`Edit ${role.name}`}>
                          Edit
                        </Button>
                        {role.usedBy === 0 && <DeleteRole role={role} />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {card.isSuccess && card.data.length === 0 && (
          <EmptyState
            icon={<IconCoin size={18} />}
            title="No roles on the rate card"
            description="Add the roles you sell, such as Solutions architect at 220 per hour, to price statements of work."
          />
        )}
      </Card>
      <Modal opened={formOpen} onClose={form.close} title={editing ? `Edit ${editing.name}` : 'Add a role'} centered>
        {formOpen && <RoleForm role={editing} onClose={form.close} />}
      </Modal>
    </>
  );
}

function ActiveSwitch({ role, onChange }: { role: RateCardRole; onChange: (role: RateCardRole, active: boolean) => void }) {
  return (
    <Switch
      aria-label={`${role.name} active`}
      checked={role.active}
      label={role.active ? 'Active' : 'Inactive'}
      onChange={(e) => onChange(role, e.currentTarget.checked)}
    />
  );
}

function DeleteRole({ role }: { role: RateCardRole }) {
  const remove = useDeleteRateCardRole();
  return (
    <ConfirmButton
      size="compact-sm"
      variant="subtle"
      color="red"
      title={`Delete ${role.name}?`}
      message="No statement of work uses this role, so it can be deleted."
      confirmLabel="Delete role"
      onConfirm={() => remove.mutateAsync(role.id).catch((e: unknown) => notifyError(e))}
    >
      Delete
    </ConfirmButton>
  );
}

function RoleForm({ role, onClose }: { role: RateCardRole | null; onClose: () => void }) {
  const save = useSaveRateCardRole();
  const form = useForm({
    initialValues: {
      name: role?.name ?? '',
      description: role?.description ?? '',
      hourlyRate: (role?.hourlyRate ?? '') as number | string,
      currency: role?.currency ?? 'USD',
      active: role?.active ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the role'),
      hourlyRate: (v) => (v === '' || Number(v) < 0 ? 'Give the hourly rate' : null),
      currency: (v) => (/^[A-Za-z]{3}$/.test(v.trim()) ? null : 'Use a three-letter code, such as USD or EUR'),
    },
  });
  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        id: role?.id,
        name: values.name,
        description: values.description.trim() || null,
        hourlyRate: Number(values.hourlyRate),
        currency: values.currency.trim().toUpperCase(),
        active: values.active,
      },
      {
        onSuccess: () => {
          notifySuccess(role ? 'Role saved' : 'Role added');
          onClose();
        },
        onError: (error) => showServerErrors(form, error, FIELDS),
      },
    ),
  );
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label="Role" required maxLength={120} {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} maxLength={1000} {...form.getInputProps('description')} />
        <Group grow align="flex-start">
          <NumberInput label="Hourly rate" required min={0} decimalScale={2} {...form.getInputProps('hourlyRate')} />
          <TextInput label="Currency" required maxLength={3} {...form.getInputProps('currency')} />
        </Group>
        {role && role.usedBy > 0 && (
          <Text size="xs" c="dimmed">
            {role.usedBy} scope items keep the rate they were priced at; drafts can take the new rate with “reprice”.
          </Text>
        )}
        <Switch label="Active: can price new scope items" {...form.getInputProps('active', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {role ? 'Save role' : 'Add role'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
