import { Button, Card, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { EmptyState } from '../../../ui/EmptyState';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { useCreateGroup, useGroups } from '../api';
import { TIER_LABELS, TIERS, type Tier } from '../labels';
import { TierBadge } from '../TicketBadges';

export function GroupsSection() {
  const groups = useGroups();
  const [open, modal] = useDisclosure();
  return (
    <Card p={0} component="section" aria-label="Groups">
      <Group justify="space-between" p="md">
        <Text size="sm" c="dimmed">
          Groups collect the agents of a tier; escalations and rules route tickets to them.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
          New group
        </Button>
      </Group>
      {groups.isError ? (
        <Stack p="md">
          <QueryError error={groups.error} onRetry={() => void groups.refetch()} />
        </Stack>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Tier</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.isPending && <SkeletonRows columns={2} rows={3} />}
            {groups.data?.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td fw={500}>{g.name}</Table.Td>
                <Table.Td>
                  <TierBadge tier={g.tier} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {groups.data?.length === 0 && <EmptyState icon={<IconUsers size={18} />} title="No groups yet" />}
      <Modal opened={open} onClose={modal.close} title="New group" centered>
        <GroupForm onDone={modal.close} />
      </Modal>
    </Card>
  );
}

function GroupForm({ onDone }: { onDone: () => void }) {
  const create = useCreateGroup();
  const form = useForm({
    initialValues: { name: '', tier: 'tier1' as Tier },
    validate: { name: (v) => (v.trim() ? null : 'Name the group') },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          { name: values.name.trim(), tier: values.tier },
          {
            onSuccess: (group) => {
              notifySuccess(`Group “${group.name}” created.`);
              onDone();
            },
            onError: (error) => showServerErrors(form, error, ['name', 'tier']),
          },
        ),
      )}
    >
      <Stack>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Tier"
          allowDeselect={false}
          data={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))}
          {...form.getInputProps('tier')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create group
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
