import { Badge, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconDiamond } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useUpdateTask, type EngagementProgress, type Task } from './api';

/** The engagement's milestones in order: reached, overdue or coming, each with a "Mark reached" action. */
export function MilestonesCard({ progress, tasks }: { progress: EngagementProgress | undefined; tasks: Task[] }) {
  const { can } = useAuth();
  const update = useUpdateTask();
  const today = dayjs().format('YYYY-MM-DD');
  const milestones = [...(progress?.milestones ?? [])].sort((a, b) => a.dueDate.localeCompare(b.dueDate));

  return (
    <Card component="section" aria-label="Milestones">
      <Title order={4} mb="sm">
        Milestones
      </Title>
      {!progress && <Skeleton height={120} />}
      {progress && milestones.length === 0 && (
        <Text size="sm" c="dimmed">
          No milestones on this plan.
        </Text>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {milestones.map((m) => {
          const done = m.status === 'done';
          const overdue = !done && m.dueDate < today;
          const waitingFor = done ? [] : (tasks.find((t) => t.id === m.id)?.blockedBy ?? []);
          return (
            <Group key={m.id} component="li" justify="space-between" wrap="nowrap" aria-label={m.title}>
              <Group gap="sm" wrap="nowrap">
                <ThemeIcon variant="light" radius="xl" color={done ? 'teal' : overdue ? 'red' : 'violet'}>
                  {done ? <IconCircleCheck size={16} /> : <IconDiamond size={16} />}
                </ThemeIcon>
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {m.title}
                  </Text>
                  <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
                    {done ? `Reached ${formatDate(m.completedAt)}` : `Due ${formatDate(m.dueDate)}`}
                  </Text>
                  {waitingFor.length > 0 && (
                    <Text size="xs" c="orange.8">
                      Blocked by: {waitingFor.map((b) => b.title).join(', ')}
                    </Text>
                  )}
                </Stack>
              </Group>
              {done ? (
                <Badge color="teal" variant="light">
                  Reached
                </Badge>
              ) : (
                <Group gap="xs" wrap="nowrap">
                  {overdue && (
                    <Badge color="red" variant="light">
                      Overdue
                    </Badge>
                  )}
                  {can('delivery.write') && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      loading={update.isPending && update.variables?.id === m.id}
                      onClick={() =>
                        update.mutate(
                          { id: m.id, status: 'done' },
                          {
                            onSuccess: () => notifySuccess(`Milestone “${m.title}” reached.`),
                            onError: (e) => notifyError(e, 'The milestone was not marked'),
                          },
                        )
                      }
                    >
                      Mark reached
                    </Button>
                  )}
                </Group>
              )}
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
