import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useMyTasks, type MyTask } from './api';
import { groupOpenTasks } from './my-task-groups';
import { TaskStatusControl } from './TaskStatusControl';

const DONE_SHOWN = 20;

export function MyTasksPage() {
  const open = useMyTasks('open');
  const done = useMyTasks('done');
  const groups = groupOpenTasks(open.data ?? []);

  return (
    <>
      <PageHeader title="My tasks" description="Tasks you own on every engagement, most urgent first." />
      {open.isError && <QueryError error={open.error} onRetry={() => void open.refetch()} />}
      {open.isPending ? (
        <Skeleton height={300} radius="md" />
      ) : (
        <Stack gap="lg">
          {open.data?.length === 0 && (
            <Card>
              <EmptyState
                icon={<IconChecklist size={18} />}
                title="Nothing open"
                description="Tasks assigned to you on an engagement show up here."
              />
            </Card>
          )}
          <TaskGroup title="Overdue" color="red" tasks={groups.overdue} />
          <TaskGroup title="This week" tasks={groups.this_week} />
          <TaskGroup title="Later" tasks={groups.later} />
          {done.isSuccess && done.data.length > 0 && (
            <TaskGroup
              title="Done"
              color="teal"
              tasks={[...done.data].sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '')).slice(0, DONE_SHOWN)}
            />
          )}
        </Stack>
      )}
    </>
  );
}

function TaskGroup({ title, tasks, color }: { title: string; tasks: MyTask[]; color?: string }) {
  if (tasks.length === 0) return null;
  return (
    <Card component="section" aria-label={title}>
      <Group gap="xs" mb="sm">
        <Title order={4} c={color}>
          {title}
        </Title>
        <Badge variant="light" color={color ?? 'gray'}>
          {tasks.length}
        </Badge>
      </Group>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tasks.map((task) => (
          <TaskItem key={task.id} task={task} />
        ))}
      </Stack>
    </Card>
  );
}

function TaskItem({ task }: { task: MyTask }) {
  const blocked = task.blockedBy.length > 0 && task.status !== 'done';
  return (
    <Group
      component="li"
      aria-label={task.title}
      justify="space-between"
      wrap="nowrap"
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Anchor component={Link} to={`/engagements/${task.engagement.id}?task=${task.id}`} fw={600} size="sm">
            {task.title}
          </Anchor>
          {task.milestone && (
            <Badge size="xs" variant="light" color="violet">
              Milestone
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          <Anchor component={Link} to={`/engagements/${task.engagement.id}`} size="xs" c="dimmed">
            {task.engagement.name}
          </Anchor>{' '}
          ·{' '}
          <Anchor component={Link} to={`/accounts/${task.account.id}`} size="xs" c="dimmed">
            {task.account.name}
          </Anchor>
        </Text>
        {blocked && (
          <Group gap={4} wrap="nowrap">
            <IconLock size={12} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0 }} />
            <Text size="xs" c="orange.8">
              Blocked by: {task.blockedBy.map((b) => b.title).join(', ')}
            </Text>
          </Group>
        )}
      </Stack>
      <Group gap="md" wrap="nowrap">
        <Text size="sm" c={task.overdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
          {task.status === 'done' ? `Done ${formatDateTime(task.completedAt)}` : `Due ${formatDate(task.dueDate)}`}
        </Text>
        <TaskStatusControl task={task} />
      </Group>
    </Group>
  );
}
