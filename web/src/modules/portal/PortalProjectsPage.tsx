import { Alert, Badge, Button, Card, Group, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFlag, IconLock, IconRoute } from '@tabler/icons-react';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { usePortalSession } from './api';
import { useCompletePortalTask, usePortalEngagements, type PortalEngagement, type PortalTask } from './projects-api';

const KIND_LABELS: Record<PortalEngagement['kind'], string> = {
  implementation: 'Implementation',
  professional_services: 'Professional services',
  proof_of_concept: 'Proof of concept',
  field_visit: 'Field visit',
  forward_deployment: 'Forward deployment',
  onboarding: 'Onboarding',
};

const STATUS: Record<PortalEngagement['status'], { label: string; color: string }> = {
  planned: { label: 'Planned', color: 'gray' },
  active: { label: 'In progress', color: 'blue' },
  at_risk: { label: 'In progress', color: 'blue' },
  on_hold: { label: 'On hold', color: 'yellow' },
  done: { label: 'Completed', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

const TASK_STATUS: Record<PortalTask['status'], { label: string; color: string }> = {
  todo: { label: 'To do', color: 'gray' },
  in_progress: { label: 'In progress', color: 'blue' },
  done: { label: 'Done', color: 'green' },
};

const today = () => new Date().toISOString().slice(0, 10);

/** The customer's projects: each plan's shared tasks by phase, with theirs to mark done. */
export function PortalProjectsPage() {
  const session = usePortalSession().data;
  const engagements = usePortalEngagements();
  const items = engagements.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Projects"
        description={session ? `The plans we are working through with ${session.account.name}, and what we need from you.` : undefined}
      />
      {engagements.isError && <QueryError error={engagements.error} onRetry={() => void engagements.refetch()} />}
      {engagements.isPending && (
        <Card p={0}>
          <Table>
            <Table.Tbody>
              <SkeletonRows columns={4} rows={5} />
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {engagements.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconRoute size={18} />}
            title="No projects yet"
            description="When we start an implementation or another project with you, its plan shows here."
          />
        </Card>
      )}
      <Stack gap="lg">
        {items.map((engagement) => (
          <ProjectCard key={engagement.id} engagement={engagement} />
        ))}
      </Stack>
    </>
  );
}

function ProjectCard({ engagement }: { engagement: PortalEngagement }) {
  const tasks = engagement.phases.flatMap((p) => p.tasks);
  const done = tasks.filter((t) => t.status === 'done').length;
  const yoursOpen = tasks.filter((t) => t.yours && t.status !== 'done').length;
  const status = STATUS[engagement.status];
  return (
    <Card withBorder component="section" aria-label={engagement.name}>
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} size="h4">
              {engagement.name}
            </Title>
            <Badge variant="light" color={status.color} tt="none">
              {status.label}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {KIND_LABELS[engagement.kind]} · started {formatDate(engagement.startDate)}
            {engagement.actualGoLiveDate
              ? ` · live since ${formatDate(engagement.actualGoLiveDate)}`
              : engagement.targetGoLiveDate
                ? ` · go-live planned for ${formatDate(engagement.targetGoLiveDate)}`
                : ''}
            {engagement.lead ? ` · led by ${engagement.lead.name}` : ''}
          </Text>
        </Stack>
        <Stack gap={4} miw={200}>
          <Text size="sm" ta="right">
            {done} of {tasks.length} shared tasks done
          </Text>
          <Progress value={tasks.length ? (done / tasks.length) * 100 : 0} aria-label="Shared tasks done" />
        </Stack>
      </Group>
      {yoursOpen > 0 && (
        <Alert color="brand" variant="light" mb="sm" icon={<IconFlag size={16} />}>
          {yoursOpen === 1 ? 'One task is waiting for you.' : `${yoursOpen} tasks are waiting for you.`}
        </Alert>
      )}
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tasks are shared with you on this project yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Task</Table.Th>
                <Table.Th w={140}>Owner</Table.Th>
                <Table.Th w={120}>Due</Table.Th>
                <Table.Th w={170}>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {engagement.phases.map((phase) => (
                <PhaseRows key={phase.id ?? 'other'} name={phase.name} tasks={phase.tasks} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function PhaseRows({ name, tasks }: { name: string; tasks: PortalTask[] }) {
  return (
    <>
      <Table.Tr bg="var(--mantine-color-gray-0)">
        <Table.Td colSpan={4}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed">
            {name}
          </Text>
        </Table.Td>
      </Table.Tr>
      {tasks.map((task) => (
        <TaskRow key={task.id} task={task} />
      ))}
    </>
  );
}

function TaskRow({ task }: { task: PortalTask }) {
  const complete = useCompletePortalTask();
  const overdue = task.status !== 'done' && task.dueDate < today();
  const status = TASK_STATUS[task.status];
  return (
    <Table.Tr aria-label={task.title}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {task.milestone && (
            <Tooltip label="Milestone">
              <IconFlag size={14} aria-label="Milestone" color="var(--mantine-color-brand-6)" />
            </Tooltip>
          )}
          <Text size="sm" fw={task.yours ? 600 : 400}>
            {task.title}
          </Text>
        </Group>
        {task.description && (
          <Text size="xs" c="dimmed">
            {task.description}
          </Text>
        )}
        {complete.isError && (
          <Text size="xs" c="red" role="alert">
            {complete.error.message}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{task.yours ? 'You' : (task.owner?.name ?? '—')}</Text>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" c={overdue ? 'red' : undefined}>
            {formatDate(task.dueDate)}
          </Text>
          {overdue && (
            <Tooltip label="Past its due date">
              <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" aria-label="Overdue" />
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        {task.yours && task.status !== 'done' ? (
          task.blocked ? (
            <Tooltip label="This waits for an earlier step of the plan">
              <Badge variant="light" color="gray" leftSection={<IconLock size={12} />} tt="none">
                Waiting on an earlier step
              </Badge>
            </Tooltip>
          ) : (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCheck size={14} />}
              loading={complete.isPending}
              onClick={() => complete.mutate(task.id)}
            >
              Mark done
            </Button>
          )
        ) : (
          <Badge variant="light" color={status.color} tt="none">
            {status.label}
          </Badge>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
