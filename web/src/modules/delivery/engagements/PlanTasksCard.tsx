import { Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDiamond, IconEye, IconLock, IconMessage, IconPlus } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDuration } from '../../../ui/format';
import type { Engagement, Task } from './api';
import { planGroups } from './plan-groups';
import { TaskForm } from './TaskForm';
import { TaskOwnerText } from './TaskOwnerText';
import { TaskStatusControl } from './TaskStatusControl';

/** The plan as a checklist, phase by phase: status, what blocks each task, owner, due date and time. */
export function PlanTasksCard({ engagement, onOpenTask }: { engagement: Engagement; onOpenTask: (taskId: string) => void }) {
  const { can } = useAuth();
  const [addOpen, add] = useDisclosure();
  const groups = planGroups(engagement);

  return (
    <Card component="section" aria-label="Tasks">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Tasks</Title>
        {can('delivery.write') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={add.open}>
            Add task
          </Button>
        )}
      </Group>
      {engagement.tasks.length === 0 ? (
        <EmptyState title="No tasks yet" description="Add tasks by hand, or start the engagement from a template." />
      ) : (
        <Stack gap="lg">
          {groups.map((group) => {
            const name = group.phase?.name ?? 'Other tasks';
            const done = group.tasks.filter((t) => t.status === 'done').length;
            return (
              <Stack key={group.phase?.id ?? 'loose'} gap={4}>
                <Group gap="xs">
                  <Text fw={700}>{name}</Text>
                  <Text size="xs" c="dimmed">
                    {done} / {group.tasks.length} done
                    {group.phase?.startDate && ` · ${formatDate(group.phase.startDate)} → ${formatDate(group.phase.endDate)}`}
                  </Text>
                </Group>
                <Table.ScrollContainer minWidth={760}>
                  <Table aria-label={name} verticalSpacing={6}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={230}>Status</Table.Th>
                        <Table.Th>Task</Table.Th>
                        <Table.Th w={170}>Owner</Table.Th>
                        <Table.Th w={110}>Due</Table.Th>
                        <Table.Th w={80} style={{ textAlign: 'right' }}>
                          Logged
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {group.tasks.map((task) => (
                        <TaskRow key={task.id} task={task} onOpen={() => onOpenTask(task.id)} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            );
          })}
        </Stack>
      )}
      <Modal opened={addOpen} onClose={add.close} title="Add task" size="lg" centered>
        <TaskForm engagement={engagement} onDone={add.close} />
      </Modal>
    </Card>
  );
}

function TaskRow({ task, onOpen }: { task: Task; onOpen: () => void }) {
  const blocked = task.blockedBy.length > 0 && task.status !== 'done';
  return (
    <Table.Tr>
      <Table.Td>
        <TaskStatusControl task={task} />
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {task.milestone && (
            <Tooltip label="Milestone">
              <IconDiamond size={14} color="var(--mantine-color-violet-6)" aria-label="Milestone" style={{ flexShrink: 0 }} />
            </Tooltip>
          )}
          <Anchor
            component="button"
            type="button"
            size="sm"
            fw={500}
            ta="left"
            onClick={onOpen}
            td={task.status === 'done' ? 'line-through' : undefined}
            c={task.status === 'done' ? 'dimmed' : undefined}
          >
            {task.title}
          </Anchor>
          {task.customerVisible && (
            <Tooltip label="Visible to the customer in the portal">
              <IconEye size={14} color="var(--mantine-color-grape-6)" aria-label="Customer-visible" />
            </Tooltip>
          )}
          {task.commentCount > 0 && (
            <Group gap={2} c="dimmed">
              <IconMessage size={13} />
              <Text size="xs">{task.commentCount}</Text>
            </Group>
          )}
        </Group>
        {blocked && (
          <Group gap={4} mt={2} wrap="nowrap">
            <IconLock size={12} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0 }} />
            <Text size="xs" c="orange.8">
              Blocked by: {task.blockedBy.map((b) => b.title).join(', ')}
            </Text>
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <TaskOwnerText owner={task.owner} />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={task.overdue ? 'red' : undefined}>
          {formatDate(task.dueDate)}
        </Text>
        {task.overdue && (
          <Badge size="xs" color="red" variant="light">
            Overdue
          </Badge>
        )}
      </Table.Td>
      <Table.Td style={{ textAlign: 'right' }}>
        <Text size="sm" c={task.loggedMinutes ? undefined : 'dimmed'}>
          {task.loggedMinutes ? formatDuration(task.loggedMinutes) : '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
