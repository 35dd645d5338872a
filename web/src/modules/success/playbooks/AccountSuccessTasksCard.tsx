import { Anchor, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { QueryError } from '../../../ui/QueryError';
import { TaskDue } from './TaskDue';
import { ROLE_LABELS, useAccountTasks } from './api';

/** The account's open success tasks, with who holds each and when it is due. */
export function AccountSuccessTasksCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const tasks = useAccountTasks(accountId);
  const items = tasks.data?.items ?? [];
  return (
    <Card withBorder component="section" aria-label="Success tasks">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Success tasks
        </Title>
        {can('success.write') && (
          <Anchor component={Link} to="/success/tasks" size="sm">
            My tasks
          </Anchor>
        )}
      </Group>
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No open tasks for this account.
        </Text>
      )}
      <Stack gap="xs">
        {items.map((task, i) => (
          <Fragment key={task.id}>
            {i > 0 && <Divider />}
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {task.title}
              </Text>
              <Text size="xs" c="dimmed">
                {task.reason}
              </Text>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs">
                  {task.assignee ? task.assignee.name : `Unassigned (${ROLE_LABELS[task.role as keyof typeof ROLE_LABELS] ?? task.role})`}
                </Text>
                <TaskDue task={task} size="xs" />
              </Group>
            </Stack>
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}
