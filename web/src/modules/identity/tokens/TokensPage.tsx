import { useState } from 'react';
import { Badge, Button, Card, Checkbox, Code, Group, Modal, Popover, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useForm } from '@mantine/form';
import { useSession, type Permission } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, fromNow } from '../../../ui/format';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SecretModal } from '../../../ui/SecretModal';
import { notifyError, notifySuccess, showServerErrors } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { useMemberOptions } from '../../team/api';
import { useCreateToken, useRevokeToken, useTokens, type ApiToken } from './api';

const SCOPE_LABELS: Record<string, string> = {
  'accounts.read': 'Read accounts, contacts and interactions',
  'accounts.write': 'Create and edit accounts and their teams',
  'contacts.write': 'Create and edit contacts',
  'interactions.write': 'Log and delete interactions',
  'members.read': 'Read the team directory',
  'members.manage': 'Invite and manage members',
  'settings.manage': 'Change workspace settings',
  'tokens.manage': 'Manage API tokens',
  'audit.read': 'Read the audit log',
};

export function TokensPage() {
  const session = useSession();
  const tokens = useTokens();
  const members = useMemberOptions();
  const [createOpen, create] = useDisclosure();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const nameOf = (id: string) => members.options.find((o) => o.value === id)?.label ?? 'Unknown member';

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let integrations call the Outpost API. Each carries only the scopes it needs."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            Create token
          </Button>
        }
      />
      <Card p={0}>
        {tokens.isError ? (
          <Stack p="md">
            <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Token</Table.Th>
                  <Table.Th>Scopes</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.isPending && <SkeletonRows columns={7} rows={3} />}
                {tokens.data?.map((token) => (
                  <Table.Tr key={token.id} style={{ opacity: token.revokedAt ? 0.6 : 1 }}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {token.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td maw={280}>
                      <Group gap={4}>
                        {token.scopes.map((s) => (
                          <Badge key={s} size="xs" variant="light" tt="none">
                            {s}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(token.createdAt)}</Text>
                      <Text size="xs" c="dimmed">
                        by {nameOf(token.createdBy)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.lastUsedAt ? fromNow(token.lastUsedAt) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {token.revokedAt ? (
                        <Badge color="gray" variant="light">
                          Revoked {formatDate(token.revokedAt)}
                        </Badge>
                      ) : (
                        <Badge color="green" variant="light">
                          Active
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{!token.revokedAt && <RevokeButton token={token} />}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {tokens.isSuccess && tokens.data.length === 0 && (
          <EmptyState
            icon={<IconKey size={18} />}
            title="No API tokens yet"
            description="Create one for each integration, so each can be revoked on its own."
          />
        )}
      </Card>
      <Modal opened={createOpen} onClose={create.close} title="Create an API token" size="lg" centered>
        <CreateTokenForm
          onClose={create.close}
          onCreated={(name, token) => {
            create.close();
            setSecret({ name, token });
          }}
        />
      </Modal>
      <SecretModal
        title={`Token “${secret?.name ?? ''}” created`}
        label="Token"
        secret={secret?.token ?? null}
        onClose={() => setSecret(null)}
      >
        <Text size="sm">
          Send it as <Code>Authorization: Bearer &lt;token&gt;</Code>.
        </Text>
        <Text size="sm">
          Zendesk clients and scripts: point them at <Code>{window.location.origin}</Code> and sign in as{' '}
          <Code>{session.member.email}/token</Code> with the token as the password (it acts as you).
        </Text>
      </SecretModal>
    </>
  );
}

function CreateTokenForm({ onClose, onCreated }: { onClose: () => void; onCreated: (name: string, token: string) => void }) {
  const { permissions } = useSession();
  const create = useCreateToken();
  const form = useForm({
    initialValues: { name: '', scopes: ['accounts.read'] as Permission[] },
    validate: {
      name: (v) => (v.trim() ? null : 'Name the token after the integration that uses it'),
      scopes: (v) => (v.length ? null : 'Give the token at least one scope'),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          { name: values.name.trim(), scopes: values.scopes },
          {
            onSuccess: (result) => onCreated(result.apiToken.name, result.token),
            onError: (error) => showServerErrors(form, error, ['name', 'scopes']),
          },
        ),
      )}
    >
      <Stack>
        <TextInput label="Name" placeholder="Salesforce sync" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Checkbox.Group
          label="Scopes"
          description="A token can only carry scopes your own roles grant."
          withAsterisk
          {...form.getInputProps('scopes')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
            {permissions.map((p) => (
              <Checkbox key={p} value={p} label={p} description={SCOPE_LABELS[p]} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeButton({ token }: { token: ApiToken }) {
  const revoke = useRevokeToken();
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <Popover opened={opened} onChange={toggle} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button size="xs" variant="subtle" color="red" onClick={toggle}>
          Revoke
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={260}>
          <Text size="sm">Revoke “{token.name}”? Integrations using it stop working at once.</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              size="xs"
              color="red"
              loading={revoke.isPending}
              onClick={() =>
                revoke.mutate(token.id, {
                  onSuccess: () => {
                    close();
                    notifySuccess(`Token “${token.name}” revoked.`);
                  },
                  onError: (error) => notifyError(error),
                })
              }
            >
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
