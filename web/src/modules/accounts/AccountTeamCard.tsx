import { Avatar, Button, Card, Group, Modal, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useAuth } from '../../lib/auth';
import { EmptyState } from '../../ui/EmptyState';
import { initials } from '../../ui/format';
import { IconPencil, IconUsers } from '@tabler/icons-react';
import { notifySuccess, notifyError } from '../../ui/server-errors';
import { useMemberOptions, useRoles, type Member, type Role } from '../team/api';
import { useSetAccountTeam, type Account } from './api';

// Roles that make sense on an account team; admins and stakeholders are not customer-facing.
const NOT_ON_TEAMS = new Set(['admin', 'stakeholder']);

export function AccountTeamCard({ account }: { account: Account }) {
  const { can, roleLabel } = useAuth();
  const [editOpen, edit] = useDisclosure();

  return (
    <Card component="section" aria-label="Account team">
      <Group justify="space-between" mb="md">
        <Title order={4}>Account team</Title>
        {can('accounts.write') && (
          <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={edit.open}>
            Edit team
          </Button>
        )}
      </Group>
      {account.team.length === 0 ? (
        <EmptyState
          icon={<IconUsers size={18} />}
          title="No team assigned"
          description="Name a technical account manager or customer success engineer."
        />
      ) : (
        <Stack gap="sm">
          {account.team.map((slot) => (
            <Group key={slot.role} gap="sm" wrap="nowrap">
              <Avatar radius="xl" size={32} color="indigo">
                {initials(slot.memberName)}
              </Avatar>
              <Stack gap={0}>
                <Text size="sm" fw={500}>
                  {slot.memberName}
                </Text>
                <Text size="xs" c="dimmed">
                  {roleLabel(slot.role)}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      <Modal opened={editOpen} onClose={edit.close} title="Edit account team" size="lg" centered>
        <TeamForm account={account} onDone={edit.close} />
      </Modal>
    </Card>
  );
}

function TeamForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const roles = useRoles();
  const members = useMemberOptions();
  const save = useSetAccountTeam(account.id);
  const [slots, setSlots] = useState<Record<string, string | null>>(() =>
    Object.fromEntries(account.team.map((s) => [s.role, s.memberId])),
  );

  if (roles.isPending || members.isPending) return <Skeleton height={300} />;
  const teamRoles = (roles.data ?? []).filter((r) => !NOT_ON_TEAMS.has(r.id));
  const active = members.members.filter((m) => m.status !== 'disabled');

  const submit = () =>
    save.mutate(
      // The slots are keyed by the role ids the role catalogue returned.
      Object.entries(slots).flatMap(([role, memberId]) => (memberId ? [{ role: role as Role, memberId }] : [])),
      {
        onSuccess: () => {
          notifySuccess('Account team saved.');
          onDone();
        },
        onError: (error) => notifyError(error),
      },
    );

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        One member per role. Members who hold the role are listed first.
      </Text>
      {teamRoles.map((role) => (
        <Select
          key={role.id}
          label={role.label}
          placeholder="Nobody"
          searchable
          clearable
          data={groupedOptions(active, role.id)}
          value={slots[role.id] ?? null}
          onChange={(value) => setSlots((s) => ({ ...s, [role.id]: value }))}
        />
      ))}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          Save team
        </Button>
      </Group>
    </Stack>
  );
}

function groupedOptions(members: Member[], role: Role) {
  const option = (m: Member) => ({ value: m.id, label: m.name });
  const holding = members.filter((m) => m.roles.includes(role)).map(option);
  const others = members.filter((m) => !m.roles.includes(role)).map(option);
  return [
    ...(holding.length ? [{ group: 'With this role', items: holding }] : []),
    ...(others.length ? [{ group: 'Everyone else', items: others }] : []),
  ];
}
