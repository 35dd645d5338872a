import { Anchor, Badge, Button, Card, Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { formatDate } from '../../../ui/format';
import { CloseTaskModal } from './CloseTaskModal';
import { TaskDue } from './TaskDue';
import { ROLE_LABELS, TASK_CLOSE_REASON_LABELS, useSuccessTasks, useUpdateTask, type SuccessTask, type TaskStatus } from './api';

type Scope = 'me' | 'all';

/** The success-task queue: my open tasks first, soonest due first; everyone's, and closed ones, a click away. */
export function SuccessTasksPage() {
  const [scope, setScope] = useState<Scope>('me');
  const [status, setStatus] = useState<TaskStatus>('open');
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const tasks = useSuccessTasks({ assignee: scope === 'me' ? 'me' : undefined, status, cursor });
  const [closing, setClosing] = useState<SuccessTask | null>(null);
  const items = tasks.data?.items ?? [];
  const restart = () => {
    setCursor(undefined);
    pages.reset();
  };
  return (
    <>
      <PageHeader title="Success tasks" description="Calls to action the playbooks created for the account team, soonest due first." />
      <Group mb="md" gap="sm">
        <SegmentedControl
          aria-label="Whose tasks"
          data={[
            { value: 'me', label: 'Mine' },
            { value: 'all', label: 'Everyone' },
          ]}
          value={scope}
          onChange={(v) => {
            setScope(v as Scope);
            restart();
          }}
        />
        <SegmentedControl
          aria-label="Status"
          data={[
            { value: 'open', label: 'Open' },
            { value: 'done', label: 'Done' },
            { value: 'dismissed', label: 'Dismissed' },
          ]}
          value={status}
          onChange={(v) => {
            setStatus(v as TaskStatus);
            restart();
          }}
        />
      </Group>
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconListCheck size={18} />}
            title={status === 'open' ? 'Nothing to do' : `No ${status} tasks`}
            description={
              status === 'open'
                ? 'When a playbook rule fires on an account you look after, its task appears here.'
                : 'Closed tasks are listed here with the reason they were closed.'
            }
          />
        </Card>
      )}
      {items.length > 0 && (
        <Stack gap="sm" component="ul" aria-label="Tasks" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((task) => (
            <TaskCard key={task.id} task={task} onClose={() => setClosing(task)} />
          ))}
        </Stack>
      )}
      {tasks.isSuccess && (items.length > 0 || pages.hasPrevious) && (
        <CursorPager
          page={pages.page}
          shown={items.length}
          hasPrevious={pages.hasPrevious}
          hasNext={Boolean(tasks.data?.nextCursor)}
          onPrevious={pages.previous}
          onNext={() => tasks.data?.nextCursor && pages.next(tasks.data.nextCursor)}
        />
      )}
      <CloseTaskModal task={closing} onClose={() => setClosing(null)} />
    </>
  );
}

function TaskCard({ task, onClose }: { task: SuccessTask; onClose: () => void }) {
  const update = useUpdateTask();
  const open = task.status === 'open';
  // The box shows the click at once; the mutation stays pending until the list has refetched.
  const ticking = update.isPending ? update.variables?.steps?.[0] : undefined;
  const toggle = (index: number, done: boolean) =>
    update.mutate({ id: task.id, steps: [{ index, done }] }, { onError: (error) => notifyError(error, 'The step was not saved') });
  return (
    <Card withBorder component="li" aria-label={task.title}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
            <Text fw={600}>{task.title}</Text>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/accounts/${task.account.id}`} size="sm">
                {task.account.name}
              </Anchor>
              <Text size="sm" c="dimmed">
                · {task.assignee ? task.assignee.name : `Unassigned (${ROLE_LABELS[task.role as keyof typeof ROLE_LABELS] ?? task.role})`}
              </Text>
            </Group>
          </Stack>
          <Stack gap={2} align="flex-end">
            <TaskDue task={task} />
            {task.rule && (
              <Badge variant="light" size="sm">
                {task.rule.name}
              </Badge>
            )}
          </Stack>
        </Group>
        <Text size="sm">{task.reason}</Text>
        {task.steps.length > 0 && (
          <Stack gap={6} role="group" aria-label="Steps">
            {task.steps.map((step, index) => (
              <Checkbox
                key={index}
                label={step.text}
                checked={ticking?.index === index ? ticking.done : step.done}
                disabled={!open || update.isPending}
                onChange={(e) => toggle(index, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        )}
        {open ? (
          <Group justify="flex-end">
            <Button size="compact-sm" variant="light" onClick={onClose}>
              Close
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {task.status === 'done' ? 'Done' : 'Dismissed'} {formatDate(task.closedAt)}
            {task.closedBy ? ` by ${task.closedBy.name}` : ''} · {task.closeReason ? TASK_CLOSE_REASON_LABELS[task.closeReason] : ''}
            {task.closeNote ? ` — ${task.closeNote}` : ''}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
