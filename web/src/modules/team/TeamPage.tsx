import { useState } from 'react';
import { ActionIcon, Anchor, Avatar, Badge, Button, Card, Group, Menu, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { CursorPager } from '../../ui/CursorPager';
import { EmptyState } from '../../ui/EmptyState';
import { initials } from '../../ui/format';
import { IconDots, IconLock, IconPencil, IconPlus, IconSearch, IconUsers, IconX, IconCheck } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SecretModal } from '../../ui/SecretModal';
import { notifyError, notifySuccess } from '../../ui/server-errors';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { useCursorPages } from '../../ui/use-cursor-pages';
import { useMembers, useRoles, useTeams, useUpdateMember, type Member, type Role } from './api';
import { MemberFormModal } from './MemberFormModal';
import { SetPasswordModal } from './SetPasswordModal';
import { describeDays } from './time-zones';

const STATUS_COLORS = { active: 'green', invited: 'blue', disabled: 'gray' } as const;

/** The team directory; members with `members.manage` also invite and administer members here. */
export function TeamPage({ manage = false }: { manage?: boolean }) {
  const { can, roleLabel, session } = useAuth();
  const canManage = can('members.manage');
  const roles = useRoles();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [role, setRole] = useState<Role | null>(null);
  const [team, setTeam] = useState<string | null>(null);
  const teams = useTeams();
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const members = useMembers({ q: q || undefined, role: role ?? undefined, team: team ?? undefined, cursor, limit: 25 });
  const update = useUpdateMember();

  const [inviteOpen, setInviteOpen] = useState(false);
  const [editing, setEditing] = useState<Member | null>(null);
  const [passwordFor, setPasswordFor] = useState<Member | null>(null);
  const [created, setCreated] = useState<{ member: Member; password: string } | null>(null);

  const resetPaging = () => {
    pages.reset();
    setCursor(undefined);
  };
  const setStatus = (member: Member, status: 'active' | 'disabled') =>
    update.mutate(
      { id: member.id, status },
      {
        onSuccess: () => notifySuccess(`${member.name} ${status === 'active' ? 'enabled' : 'disabled'}.`),
        onError: (error) => notifyError(error),
      },
    );

  const items = members.data?.items ?? [];
  const columns = canManage ? 8 : 7;

  return (
    <>
      <PageHeader
        title={manage ? 'Members' : 'Team directory'}
        description={
          manage ? 'Invite members, set their roles, availability and access.' : 'Who is on the team, what they know and when they work.'
        }
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setInviteOpen(true)}>
              Invite member
            </Button>
          )
        }
      />
      <Card p={0}>
        <Group p="md" gap="sm" align="flex-end">
          <TextInput
            label="Search"
            placeholder="Name or e-mail"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              resetPaging();
            }}
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label="Role"
            placeholder="Any role"
            clearable
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.label }))}
            value={role}
            onChange={(value) => {
              setRole(value as Role | null);
              resetPaging();
            }}
            w={260}
          />
          <Select
            label="Team"
            placeholder="Any team"
            clearable
            searchable
            data={(teams.data ?? []).map((t) => t.name)}
            value={team}
            onChange={(value) => {
              setTeam(value);
              resetPaging();
            }}
            w={220}
          />
        </Group>
        {members.isError ? (
          <Stack p="md">
            <QueryError error={members.error} onRetry={() => void members.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Member</Table.Th>
                  <Table.Th>Roles</Table.Th>
                  <Table.Th>Team</Table.Th>
                  <Table.Th>Skills</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>Capacity</Table.Th>
                  <Table.Th>Time zone and hours</Table.Th>
                  <Table.Th>Status</Table.Th>
                  {canManage && <Table.Th w={50} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.isPending && <SkeletonRows columns={columns} />}
                {items.map((member) => (
                  <Table.Tr key={member.id} style={{ opacity: member.status === 'disabled' ? 0.6 : 1 }}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar radius="xl" color="indigo">
                          {initials(member.name)}
                        </Avatar>
                        <Stack gap={0}>
                          <Anchor component={Link} to={`/team/members/${member.id}`} size="sm" fw={600}>
                            {member.name}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {member.title ? `${member.title} · ` : ''}
                            {member.email}
                          </Text>
                        </Stack>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {member.roles.map((r) => (
                          <Text key={r} size="sm" c={r === 'admin' ? 'red.7' : undefined}>
                            {roleLabel(r)}
                          </Text>
                        ))}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={member.team ? undefined : 'dimmed'}>
                        {member.team ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td maw={240}>
                      <Group gap={4}>
                        {member.skills.length === 0 && (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                        {member.skills.map((s) => (
                          <Badge key={s} variant="outline" color="gray" size="sm" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{member.capacityHours} h/wk</Table.Td>
                    <Table.Td>
                      <Text size="sm">{member.timeZone}</Text>
                      <Text size="xs" c="dimmed">
                        {member.workingHours.start}–{member.workingHours.end} · {describeDays(member.workingHours.days)}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ minWidth: 110 }}>
                      <Badge variant="dot" color={STATUS_COLORS[member.status]}>
                        {member.status}
                      </Badge>
                    </Table.Td>
                    {canManage && (
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${member.name}`}>
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(member)}>
                              Edit member
                            </Menu.Item>
                            <Menu.Item leftSection={<IconLock size={14} />} onClick={() => setPasswordFor(member)}>
                              Set password
                            </Menu.Item>
                            <Menu.Divider />
                            {member.status === 'disabled' ? (
                              <Menu.Item leftSection={<IconCheck size={14} />} onClick={() => setStatus(member, 'active')}>
                                Enable
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                color="red"
                                leftSection={<IconX size={14} />}
                                disabled={member.id === session?.member.id}
                                onClick={() => setStatus(member, 'disabled')}
                              >
                                Disable
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {members.isSuccess && items.length === 0 && (
          <EmptyState icon={<IconUsers size={18} />} title="No members match" description="Try another name, role or team." />
        )}
        {members.isSuccess && (items.length > 0 || pages.hasPrevious) && (
          <Stack px="md" pb="md">
            <CursorPager
              page={pages.page}
              shown={items.length}
              hasPrevious={pages.hasPrevious}
              hasNext={Boolean(members.data.nextCursor)}
              onPrevious={pages.previous}
              onNext={() => members.data.nextCursor && pages.next(members.data.nextCursor)}
            />
          </Stack>
        )}
      </Card>

      <MemberFormModal
        opened={inviteOpen}
        onClose={() => setInviteOpen(false)}
        onCreated={(member, password) => password && setCreated({ member, password })}
      />
      <MemberFormModal opened={editing !== null} member={editing ?? undefined} onClose={() => setEditing(null)} />
      <SetPasswordModal member={passwordFor} onClose={() => setPasswordFor(null)} />
      <SecretModal
        title={`${created?.member.name ?? ''} was invited`}
        label="Temporary password"
        secret={created?.password ?? null}
        onClose={() => setCreated(null)}
      >
        <Text size="sm">
          Give {created?.member.name} this temporary password to sign in as <b>{created?.member.email}</b>. They can change it from their
          account menu.
        </Text>
      </SecretModal>
    </>
  );
}
