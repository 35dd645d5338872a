import { Anchor, Badge, Button, Card, Group, Menu, ActionIcon, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconDots, IconPencil, IconPlus, IconSchool, IconStar, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime, formatDuration } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useTrainingSessions, useUpdateTraining, type TrainingSession } from './api';
import { AUDIENCE_COLORS, AUDIENCE_LABELS, TRAINING_STATUS_COLORS, TRAINING_STATUS_LABELS } from './labels';
import { DeliverTrainingModal, FeedbackModal } from './TrainingActionModals';
import { TrainingFormModal } from './TrainingFormModal';

/** The account's training sessions: scheduled, delivered (with feedback) and cancelled. */
export function AccountTrainingCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const canWrite = can('delivery.write');
  const sessions = useTrainingSessions(accountId);
  const update = useUpdateTraining(accountId);
  const [editing, setEditing] = useState<TrainingSession | 'new' | null>(null);
  const [delivering, setDelivering] = useState<TrainingSession | null>(null);
  const [rating, setRating] = useState<TrainingSession | null>(null);

  const cancel = (session: TrainingSession) =>
    update.mutate(
      { id: session.id, status: 'cancelled' },
      { onSuccess: () => notifySuccess('Training cancelled.'), onError: (e) => notifyError(e) },
    );

  return (
    <Card component="section" aria-label="Training sessions">
      <Group justify="space-between" mb="md">
        <Title order={4}>Training</Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Schedule training
          </Button>
        )}
      </Group>
      {sessions.isPending && <Skeleton height={100} />}
      {sessions.isError && <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isSuccess && sessions.data.items.length === 0 && (
        <EmptyState
          icon={<IconSchool size={18} />}
          title="No training yet"
          description="Schedule sessions for the customer’s end users and IT administrators."
        />
      )}
      {sessions.isSuccess && sessions.data.items.length > 0 && (
        <Stack gap="sm">
          {sessions.data.items.map((session) => (
            <Card key={session.id} withBorder padding="sm" component="article" aria-label={`Training: ${session.topic}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {session.topic}
                    </Text>
                    <Badge size="sm" variant="light" color={AUDIENCE_COLORS[session.audience]}>
                      {AUDIENCE_LABELS[session.audience]}
                    </Badge>
                    <Badge size="sm" variant="dot" color={TRAINING_STATUS_COLORS[session.status]}>
                      {TRAINING_STATUS_LABELS[session.status]}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(session.scheduledAt)} · {formatDuration(session.durationMinutes)}
                    {session.trainer ? ` · trainer ${session.trainer.name}` : ''}
                    {session.engagement ? ` · ${session.engagement.name}` : ''}
                  </Text>
                  <Text size="sm">
                    {session.attendees.length ? (
                      session.attendees.map((a) => a.contact.name).join(', ')
                    ) : (
                      <Text span c="dimmed" size="sm">
                        No attendees yet
                      </Text>
                    )}
                  </Text>
                  {session.materials.length > 0 && (
                    <Group gap="xs">
                      {session.materials.map((m) => (
                        <Anchor key={m.url + m.title} href={m.url} target="_blank" rel="noreferrer" size="xs">
                          {m.title}
                        </Anchor>
                      ))}
                    </Group>
                  )}
                  {session.status === 'delivered' && (
                    <Group gap={4} aria-label="Feedback">
                      <IconStar size={14} color="var(--mantine-color-yellow-6)" />
                      <Text size="xs">
                        {session.feedback.averageRating !== null
                          ? `${session.feedback.averageRating.toFixed(1)} average from ${session.feedback.count} of ${session.attendees.length} attendee${session.attendees.length === 1 ? '' : 's'}`
                          : 'No feedback yet'}
                      </Text>
                    </Group>
                  )}
                  {session.status === 'delivered' &&
                    session.attendees
                      .filter((a) => a.comment)
                      .map((a) => (
                        <Text key={a.contact.id} size="xs" c="dimmed">
                          “{a.comment}” — {a.contact.name}
                          {a.rating ? ` (${a.rating}/5)` : ''}
                        </Text>
                      ))}
                </Stack>
                {canWrite && (
                  <Group gap={4} wrap="nowrap">
                    {session.status === 'scheduled' && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="teal"
                        leftSection={<IconCheck size={12} />}
                        onClick={() => setDelivering(session)}
                      >
                        Deliver
                      </Button>
                    )}
                    {session.status === 'delivered' && (
                      <Button size="compact-xs" variant="light" leftSection={<IconStar size={12} />} onClick={() => setRating(session)}>
                        Feedback
                      </Button>
                    )}
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Tooltip label="More">
                          <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${session.topic}`}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setEditing(session)}>
                          Edit
                        </Menu.Item>
                        {session.status === 'scheduled' && (
                          <Menu.Item leftSection={<IconX size={14} />} color="red" onClick={() => cancel(session)}>
                            Cancel session
                          </Menu.Item>
                        )}
                        {session.status === 'cancelled' && (
                          <Menu.Item
                            leftSection={<IconCheck size={14} />}
                            onClick={() => update.mutate({ id: session.id, status: 'scheduled' })}
                          >
                            Schedule again
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <TrainingFormModal
        accountId={accountId}
        session={editing === 'new' ? undefined : (editing ?? undefined)}
        opened={editing !== null}
        onClose={() => setEditing(null)}
      />
      <DeliverTrainingModal session={delivering} onClose={() => setDelivering(null)} />
      <FeedbackModal session={rating} onClose={() => setRating(null)} />
    </Card>
  );
}
