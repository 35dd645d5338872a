import { Badge, Button, Card, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ChangePasswordModal } from '../ChangePasswordModal';
import { useSession } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDateTime, fromNow } from '../../../ui/format';
import { IconLock } from '@tabler/icons-react';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { IconDevices } from '@tabler/icons-react';
import { useMySessions, useRevokeSession, type MemberSession } from './api';
import { describeUserAgent } from './user-agent';

/** The member's own security: password, and every device signed in as them. */
export function SecurityPage() {
  const { member } = useSession();
  const sessions = useMySessions();
  const revoke = useRevokeSession();
  const [passwordOpen, password] = useDisclosure();
  const others = (sessions.data ?? []).filter((s) => !s.current);

  const signOutOthers = async () => {
    try {
      for (const s of others) await revoke.mutateAsync(s.id);
      notifySuccess(`Signed out of ${others.length} other device${others.length === 1 ? '' : 's'}.`);
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <PageHeader title="Security" description={`Sign-in settings for ${member.email}.`} />
      <Stack gap="lg">
        <Card>
          <Group justify="space-between">
            <Stack gap={2}>
              <Title order={4}>Password</Title>
              <Text size="sm" c="dimmed">
                Changing it signs you out everywhere else.
              </Text>
            </Stack>
            <Button variant="default" leftSection={<IconLock size={16} />} onClick={password.open}>
              Change password
            </Button>
          </Group>
        </Card>
        <Card p={0} component="section" aria-label="Sessions">
          <Group justify="space-between" p="md">
            <Stack gap={2}>
              <Title order={4}>Sessions</Title>
              <Text size="sm" c="dimmed">
                Devices signed in to your account. Sign out any you do not recognise.
              </Text>
            </Stack>
            {others.length > 0 && (
              <Button variant="light" color="red" onClick={() => void signOutOthers()} loading={revoke.isPending}>
                Sign out all other sessions
              </Button>
            )}
          </Group>
          {sessions.isError ? (
            <Stack p="md">
              <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Device</Table.Th>
                    <Table.Th>IP address</Table.Th>
                    <Table.Th>Signed in</Table.Th>
                    <Table.Th>Last seen</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sessions.isPending && <SkeletonRows columns={5} rows={2} />}
                  {sessions.data?.map((session) => (
                    <SessionRow key={session.id} session={session} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {sessions.isSuccess && sessions.data.length === 0 && <EmptyState icon={<IconDevices size={18} />} title="No sessions" />}
        </Card>
      </Stack>
      <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
    </>
  );
}

function SessionRow({ session }: { session: MemberSession }) {
  const revoke = useRevokeSession();
  const device = describeUserAgent(session.userAgent);
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <IconDevices size={20} color="var(--mantine-color-gray-6)" />
          <Stack gap={0}>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {device}
              </Text>
              {session.current && (
                <Badge size="sm" color="green" variant="light">
                  This device
                </Badge>
              )}
            </Group>
            {session.userAgent && (
              <Tooltip label={session.userAgent} multiline w={360}>
                <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                  {session.userAgent}
                </Text>
              </Tooltip>
            )}
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{session.ip ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(session.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          expires {formatDate(session.expiresAt)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatDateTime(session.lastSeenAt)}>
          <Text size="sm">{session.current ? 'Now' : fromNow(session.lastSeenAt)}</Text>
        </Tooltip>
      </Table.Td>
      <Table.Td ta="right">
        {!session.current && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            loading={revoke.isPending}
            aria-label={`Sign out ${device}, last seen ${fromNow(session.lastSeenAt)}`}
            onClick={() =>
              revoke.mutate(session.id, {
                onSuccess: () => notifySuccess(`Signed out of ${device}.`),
                onError: (error) => notifyError(error),
              })
            }
          >
            Sign out
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
