import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Code, Group, Menu, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { IconDots, IconHistory, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { SecretModal } from '../../../ui/SecretModal';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { useDeleteWebhook, usePingWebhook, useUpdateWebhook, useWebhooks, type Webhook } from './api';
import { DeliveryLogDrawer } from './DeliveryLogDrawer';
import { IconPlayerPause, IconPlayerPlay, IconSend, IconWebhook } from '@tabler/icons-react';
import { WebhookFormModal } from './WebhookFormModal';

export function WebhooksPage() {
  const webhooks = useWebhooks();
  // null: closed; 'new': adding; a webhook: editing it.
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const items = webhooks.data?.items ?? [];

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Push support events to your other systems as they happen. Each request is signed so receivers can trust it."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Add webhook
          </Button>
        }
      />
      <Card p={0}>
        {webhooks.isError ? (
          <Stack p="md">
            <QueryError error={webhooks.error} onRetry={() => void webhooks.refetch()} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={860}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Receiver</Table.Th>
                  <Table.Th>Events</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th w={210} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {webhooks.isPending && <SkeletonRows columns={5} rows={3} />}
                {items.map((webhook) => (
                  <WebhookRow
                    key={webhook.id}
                    webhook={webhook}
                    onEdit={() => setEditing(webhook)}
                    onLog={() => setLogOf(webhook)}
                    onDelete={() => setDeleting(webhook)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {webhooks.isSuccess && items.length === 0 && (
          <EmptyState
            icon={<IconWebhook size={18} />}
            title="No webhooks yet"
            description="Add one to tell a chat channel, an incident tool or your own service when tickets are opened, escalated or breach their SLA."
          />
        )}
      </Card>
      <WebhookFormModal
        opened={editing !== null}
        webhook={editing === 'new' ? undefined : (editing ?? undefined)}
        eventTypes={webhooks.data?.eventTypes ?? []}
        onClose={() => setEditing(null)}
        onCreated={(name, value) => {
          setEditing(null);
          setSecret({ name, secret: value });
        }}
      />
      <SecretModal
        title={`Webhook “${secret?.name ?? ''}” added`}
        label="Signing secret"
        secret={secret?.secret ?? null}
        onClose={() => setSecret(null)}
      >
        <Text size="sm">
          Receivers verify the <Code>Outpost-Signature</Code> header with this secret (see docs/webhooks.md).
        </Text>
      </SecretModal>
      <DeliveryLogDrawer webhook={logOf} onClose={() => setLogOf(null)} />
      <DeleteWebhookModal webhook={deleting} onClose={() => setDeleting(null)} />
    </>
  );
}

function WebhookRow({
  webhook,
  onEdit,
  onLog,
  onDelete,
}: {
  webhook: Webhook;
  onEdit: () => void;
  onLog: () => void;
  onDelete: () => void;
}) {
  const ping = usePingWebhook();
  const update = useUpdateWebhook();
  const paused = webhook.status === 'paused';
  // Test events go to subscriptions of webhook.ping only, and never to a paused one.
  const testable = !paused && (webhook.eventTypes.includes('webhook.ping') || webhook.eventTypes.includes('*'));
  const setStatus = (status: 'active' | 'paused') =>
    update.mutate(
      { id: webhook.id, status },
      {
        onSuccess: () => notifySuccess(status === 'active' ? `“${webhook.name}” resumed.` : `“${webhook.name}” paused.`),
        onError: (error) => notifyError(error),
      },
    );
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {webhook.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {webhook.url}
        </Text>
      </Table.Td>
      <Table.Td maw={300}>
        <Group gap={4}>
          {webhook.eventTypes.map((type) => (
            <Badge key={type} size="xs" variant="light" tt="none" color={type === '*' ? 'grape' : 'indigo'}>
              {type === '*' ? 'All events' : type}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td maw={280}>
        <Badge color={paused ? 'orange' : 'green'} variant="light">
          {paused ? 'Paused' : 'Active'}
        </Badge>
        {paused && webhook.pausedReason && (
          <Text size="xs" c="orange.8" mt={4}>
            {webhook.pausedReason}
          </Text>
        )}
        {!paused && webhook.consecutiveFailures > 0 && (
          <Text size="xs" c="red" mt={4}>
            {webhook.consecutiveFailures} failed deliver{webhook.consecutiveFailures === 1 ? 'y' : 'ies'} in a row
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDate(webhook.createdAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Tooltip
            label={paused ? 'Resume the webhook to send a test' : 'Subscribe it to webhook.ping to receive test events'}
            disabled={testable}
            withArrow
          >
            <Button
              size="xs"
              variant="default"
              leftSection={<IconSend size={14} />}
              // data-disabled keeps the tooltip working where a disabled button would swallow the hover.
              data-disabled={!testable || undefined}
              loading={ping.isPending}
              onClick={() =>
                testable &&
                ping.mutate(webhook.id, {
                  onSuccess: () => notifySuccess(`Test event queued for “${webhook.name}”. See it in the delivery log.`),
                  onError: (error) => notifyError(error),
                })
              }
            >
              Send test
            </Button>
          </Tooltip>
          <Button size="xs" variant="subtle" leftSection={<IconHistory size={14} />} onClick={onLog}>
            Deliveries
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Tooltip label="More">
                <ActionIcon variant="subtle" color="gray" aria-label={`More actions for ${webhook.name}`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
                Edit
              </Menu.Item>
              {paused ? (
                <Menu.Item leftSection={<IconPlayerPlay size={14} />} onClick={() => setStatus('active')}>
                  Resume
                </Menu.Item>
              ) : (
                <Menu.Item leftSection={<IconPlayerPause size={14} />} onClick={() => setStatus('paused')}>
                  Pause
                </Menu.Item>
              )}
              <Menu.Divider />
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onDelete}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function DeleteWebhookModal({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const remove = useDeleteWebhook();
  return (
    <Modal opened={webhook !== null} onClose={onClose} title="Delete webhook?" centered>
      <Stack>
        <Text size="sm">
          “{webhook?.name}” stops receiving events at once, and its delivery log is deleted with it. To stop deliveries for a while, pause
          it instead.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              webhook &&
              remove.mutate(webhook.id, {
                onSuccess: () => {
                  notifySuccess(`Webhook “${webhook.name}” deleted.`);
                  onClose();
                },
                onError: (error) => notifyError(error),
              })
            }
          >
            Delete webhook
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
