import { ActionIcon, Badge, Button, Card, Group, Popover, Skeleton, Stack, Text, Timeline, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useAuth } from '../../lib/auth';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, formatDuration, fromNow } from '../../ui/format';
import { IconClock, IconMessages, IconPlus, IconTrash } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { notifyError, notifySuccess } from '../../ui/server-errors';
import { useDeleteInteraction, useInteractions, type Account, type Interaction } from './api';
import { KIND_ICONS } from './kind-icons';
import { KIND_COLORS, KIND_LABELS } from './labels';
import { LogInteractionModal } from './LogInteractionModal';
import { CaptureFeedbackButton } from '../feedback/items/CaptureFeedback';

export function InteractionTimeline({ account }: { account: Account }) {
  const { can } = useAuth();
  const interactions = useInteractions(account.id);
  const [logOpen, log] = useDisclosure();
  const items = interactions.data?.pages.flatMap((p) => p.items) ?? [];
  const canWrite = can('interactions.write');

  return (
    <Card component="section" aria-label="Interactions">
      <Group justify="space-between" mb="lg">
        <Title order={4}>Interactions</Title>
        {canWrite && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={log.open}>
            Log interaction
          </Button>
        )}
      </Group>
      {interactions.isPending && (
        <Stack>
          {[1, 2, 3].map((n) => (
            <Skeleton key={n} height={64} />
          ))}
        </Stack>
      )}
      {interactions.isError && <QueryError error={interactions.error} onRetry={() => void interactions.refetch()} />}
      {interactions.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconMessages size={18} />}
          title="No interactions yet"
          description="Log meetings, calls, visits and reviews to build the relationship history."
        />
      )}
      {items.length > 0 && (
        <Timeline bulletSize={28} lineWidth={2} active={items.length - 1} aria-label="Interaction timeline" role="list">
          {items.map((interaction) => (
            <Timeline.Item
              key={interaction.id}
              role="listitem"
              bullet={KIND_ICONS[interaction.kind]}
              color={KIND_COLORS[interaction.kind]}
              title={<InteractionTitle interaction={interaction} canDelete={canWrite} accountId={account.id} />}
            >
              <InteractionBody interaction={interaction} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {interactions.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" size="xs" loading={interactions.isFetchingNextPage} onClick={() => void interactions.fetchNextPage()}>
            Show older interactions
          </Button>
        </Group>
      )}
      <LogInteractionModal account={account} opened={logOpen} onClose={log.close} />
    </Card>
  );
}

function InteractionTitle({ interaction, canDelete, accountId }: { interaction: Interaction; canDelete: boolean; accountId: string }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {interaction.subject}
        </Text>
        <Badge size="xs" variant="light" color={KIND_COLORS[interaction.kind]}>
          {KIND_LABELS[interaction.kind]}
        </Badge>
        <CaptureFeedbackButton
          placement="icon"
          sourceType="interaction"
          sourceId={interaction.id}
          accountId={accountId}
          contacts={interaction.attendees.filter((a) => a.type === 'contact')}
          defaultTitle={interaction.subject}
          defaultQuote={interaction.notes ?? undefined}
        />
      </Group>
      {canDelete && <DeleteInteraction interaction={interaction} accountId={accountId} />}
    </Group>
  );
}

function InteractionBody({ interaction }: { interaction: Interaction }) {
  const members = interaction.attendees.filter((a) => a.type === 'member');
  const contacts = interaction.attendees.filter((a) => a.type === 'contact');
  return (
    <Stack gap={6} mt={4}>
      <Group gap="md">
        <Tooltip label={formatDateTime(interaction.occurredAt)}>
          <Text size="xs" c="dimmed">
            {formatDateTime(interaction.occurredAt)} · {fromNow(interaction.occurredAt)}
          </Text>
        </Tooltip>
        <Group gap={4} c="dimmed">
          <IconClock size={12} />
          <Text size="xs" c="dimmed">
            {formatDuration(interaction.durationMinutes)}
          </Text>
        </Group>
      </Group>
      {interaction.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {interaction.notes}
        </Text>
      )}
      {(members.length > 0 || contacts.length > 0) && (
        <Group gap={6}>
          {members.map((a) => (
            <Badge key={a.id} size="sm" variant="outline" color="indigo" radius="sm" tt="none">
              {a.name}
            </Badge>
          ))}
          {contacts.map((a) => (
            <Badge key={a.id} size="sm" variant="light" color="gray" radius="sm" tt="none">
              {a.name}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

function DeleteInteraction({ interaction, accountId }: { interaction: Interaction; accountId: string }) {
  const remove = useDeleteInteraction(accountId);
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <Popover opened={opened} onChange={toggle} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Delete “${interaction.subject}”`} onClick={toggle}>
          <IconTrash size={14} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" maw={240}>
          <Text size="sm">Delete this interaction? It no longer counts towards the relationship.</Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={close}>
              Keep
            </Button>
            <Button
              size="xs"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(interaction.id, {
                  onSuccess: () => {
                    close();
                    notifySuccess('Interaction deleted.');
                  },
                  onError: (error) => notifyError(error),
                })
              }
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
