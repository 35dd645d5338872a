import type { ReactNode } from 'react';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { Alert, Badge, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { IconEye, IconLock, IconTrash } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { formatDate, formatDuration } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useDeleteTask, type Engagement } from './api';
import { LogTimeForm } from './LogTimeForm';
import { TaskComments } from './TaskComments';
import { TaskForm } from './TaskForm';
import { TaskOwnerText } from './TaskOwnerText';
import { TaskStatusControl } from './TaskStatusControl';
import { CaptureFeedbackButton } from '../../feedback/items/CaptureFeedback';

/** Everything about one task: status, what blocks it, its details and dependencies, time and comments. */
export function TaskDrawer({ engagement, taskId, onClose }: { engagement: Engagement; taskId: string | null; onClose: () => void }) {
  const task = engagement.tasks.find((t) => t.id === taskId);
  return (
    <Drawer
      opened={Boolean(task)}
      onClose={onClose}
      position="right"
      size="lg"
      title={task ? <Title order={4}>{task.title}</Title> : undefined}
    >
      {task && <TaskDrawerBody key={task.id} engagement={engagement} taskId={task.id} onClose={onClose} />}
    </Drawer>
  );
}

function TaskDrawerBody({ engagement, taskId, onClose }: { engagement: Engagement; taskId: string; onClose: () => void }) {
  const { can } = useAuth();
  const remove = useDeleteTask();
  const task = engagement.tasks.find((t) => t.id === taskId)!;
  const writable = can('delivery.write');
  const blocked = task.blockedBy.length > 0 && task.status !== 'done';

  return (
    <Stack gap="md">
      <TaskStatusControl task={task} size="sm" />
      {blocked && (
        <Alert color="orange" variant="light" icon={<IconLock size={16} />} title="Blocked">
          Waiting for: {task.blockedBy.map((b) => b.title).join(', ')}
        </Alert>
      )}
      <Group gap="lg">
        <Fact label="Owner">
          <TaskOwnerText owner={task.owner} />
        </Fact>
        <Fact label="Dates">
          {formatDate(task.startDate)} → {formatDate(task.dueDate)}
        </Fact>
        <Fact label="Logged">{formatDuration(task.loggedMinutes)}</Fact>
        {task.customerVisible && (
          <Badge variant="light" color="grape" leftSection={<IconEye size={12} />}>
            Customer-visible
          </Badge>
        )}
        {task.milestone && (
          <Badge variant="light" color="violet">
            Milestone
          </Badge>
        )}
        <CaptureFeedbackButton
          sourceType="engagement_task"
          sourceId={task.id}
          accountId={engagement.account.id}
          defaultTitle={task.title}
          defaultQuote={task.description ?? undefined}
        />
      </Group>
      {writable ? (
        <>
          <Divider label="Details" labelPosition="left" />
          <TaskForm engagement={engagement} task={task} />
          <Divider label="Time" labelPosition="left" />
          <LogTimeForm taskId={task.id} />
        </>
      ) : (
        task.description && <Text size="sm">{task.description}</Text>
      )}
      <Divider label={`Comments (${task.commentCount})`} labelPosition="left" />
      <TaskComments taskId={task.id} />
      {writable && (
        <>
          <Divider />
          <Group justify="flex-end">
            <ConfirmButton
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              title={`Delete “${task.title}”?`}
              message="Its comments go with it."
              confirmLabel="Delete task"
              onConfirm={() =>
                remove.mutateAsync(task.id).then(
                  () => {
                    notifySuccess('Task deleted.');
                    onClose();
                  },
                  (error: unknown) => {
                    notifyError(error);
                    throw error;
                  },
                )
              }
            >
              Delete task
            </ConfirmButton>
          </Group>
        </>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm">
        {children}
      </Text>
    </Stack>
  );
}
