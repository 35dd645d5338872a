import { Box, Card, Group, ScrollArea, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import dayjs from 'dayjs';
import type { CSSProperties, ReactNode } from 'react';
import { formatDate } from '../../../ui/format';
import type { Engagement, Task } from './api';
import { TASK_STATUS_LABELS } from './labels';
import { planGroups } from './plan-groups';
import { timelineScale } from './timeline-scale';

const LABEL_WIDTH = 280;
const DAY_WIDTH = 14;
const ROW_HEIGHT = 30;

const shortDate = (date: string) => dayjs(date).format('D MMM');

/**
 * The plan as a Gantt chart: one row per task grouped under its phase, bars placed by start and due
 * date over week ticks, a line for today and one for the target go-live. Milestones are diamonds.
 * Plain positioned boxes (no chart library), so every bar is a real element with a name.
 */
export function PlanTimeline({ engagement, onOpenTask }: { engagement: Engagement; onOpenTask: (taskId: string) => void }) {
  const today = dayjs().format('YYYY-MM-DD');
  const groups = planGroups(engagement);
  const scale = timelineScale([
    engagement.startDate,
    engagement.targetGoLiveDate,
    engagement.projectedGoLiveDate,
    ...engagement.tasks.flatMap((t) => [t.startDate, t.dueDate]),
  ]);
  const target = engagement.targetGoLiveDate;

  return (
    <Card component="section" aria-label="Timeline">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Timeline</Title>
        <Legend />
      </Group>
      {engagement.tasks.length === 0 ? (
        <Text size="sm" c="dimmed">
          No tasks yet: the timeline fills in as the plan does.
        </Text>
      ) : (
        <ScrollArea type="auto" offsetScrollbars>
          <Box style={{ minWidth: LABEL_WIDTH + scale.days * DAY_WIDTH, position: 'relative' }}>
            {/* Week ticks */}
            <Box
              style={{
                display: 'grid',
                gridTemplateColumns: `${LABEL_WIDTH}px 1fr`,
                borderBottom: '1px solid var(--mantine-color-default-border)',
              }}
            >
              <Text size="xs" c="dimmed" fw={600} py={4}>
                Phase / task
              </Text>
              <Box style={{ position: 'relative', height: 24 }} aria-hidden>
                {scale.weeks.map((w) => (
                  <Text
                    key={w.date}
                    size="xs"
                    c="dimmed"
                    style={{ position: 'absolute', left: `${w.offset}%`, top: 4, paddingLeft: 4, whiteSpace: 'nowrap' }}
                  >
                    {shortDate(w.date)}
                  </Text>
                ))}
              </Box>
            </Box>
            <Box style={{ position: 'relative' }}>
              <Gridlines
                weeks={scale.weeks.map((w) => w.offset)}
                today={scale.contains(today) ? scale.offset(today) : null}
                target={target && scale.contains(target) ? scale.offset(target) : null}
              />
              <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {groups.map((group) => (
                  <li key={group.phase?.id ?? 'loose'} aria-label={`Phase: ${group.phase?.name ?? 'Other tasks'}`}>
                    <Row
                      label={
                        <Text size="sm" fw={700} truncate>
                          {group.phase?.name ?? 'Other tasks'}
                        </Text>
                      }
                    >
                      {group.phase?.startDate && group.phase.endDate && (
                        <Box
                          aria-label={`${group.phase.name}: ${formatDate(group.phase.startDate)} to ${formatDate(group.phase.endDate)}`}
                          role="img"
                          style={{
                            ...barPosition(scale.offset(group.phase.startDate), scale.span(group.phase.startDate, group.phase.endDate)),
                            top: ROW_HEIGHT / 2 - 3,
                            height: 6,
                            background: 'var(--mantine-color-dark-4)',
                            borderRadius: 3,
                          }}
                        />
                      )}
                    </Row>
                    <Box component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {group.tasks.map((task) => (
                        <TaskRow
                          key={task.id}
                          task={task}
                          left={scale.offset(task.startDate)}
                          width={scale.span(task.startDate, task.dueDate)}
                          dayWidth={100 / scale.days}
                          onOpen={() => onOpenTask(task.id)}
                        />
                      ))}
                    </Box>
                  </li>
                ))}
              </Box>
            </Box>
          </Box>
        </ScrollArea>
      )}
    </Card>
  );
}

function Row({ label, children }: { label: ReactNode; children?: ReactNode }) {
  return (
    <Box
      style={{
        display: 'grid',
        gridTemplateColumns: `${LABEL_WIDTH}px 1fr`,
        alignItems: 'center',
        minHeight: ROW_HEIGHT,
        borderBottom: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Box pr="sm" style={{ minWidth: 0 }}>
        {label}
      </Box>
      <Box style={{ position: 'relative', height: ROW_HEIGHT }}>{children}</Box>
    </Box>
  );
}

function TaskRow({
  task,
  left,
  width,
  dayWidth,
  onOpen,
}: {
  task: Task;
  left: number;
  width: number;
  dayWidth: number;
  onOpen: () => void;
}) {
  const blocked = task.blockedBy.length > 0 && task.status !== 'done';
  const overdue = task.overdue;
  const dates = task.startDate === task.dueDate ? shortDate(task.dueDate) : `${shortDate(task.startDate)} – ${shortDate(task.dueDate)}`;
  const state = blocked ? 'blocked' : overdue ? 'overdue' : TASK_STATUS_LABELS[task.status].toLowerCase();
  const description = `${task.title}: ${dates}, ${state}${task.milestone ? ', milestone' : ''}`;

  return (
    <li>
      <Row
        label={
          <UnstyledButton onClick={onOpen} style={{ display: 'block', width: '100%', paddingLeft: 14 }} aria-label={`Open ${task.title}`}>
            <Group gap={4} wrap="nowrap">
              {blocked && <IconLock size={12} color="var(--mantine-color-orange-7)" aria-label="Blocked" style={{ flexShrink: 0 }} />}
              <Text
                size="sm"
                truncate
                td={task.status === 'done' ? 'line-through' : undefined}
                c={task.status === 'done' ? 'dimmed' : undefined}
              >
                {task.title}
              </Text>
              <Text size="xs" c={overdue ? 'red' : 'dimmed'} style={{ whiteSpace: 'nowrap', marginLeft: 'auto' }}>
                {dates}
              </Text>
            </Group>
          </UnstyledButton>
        }
      >
        <Tooltip label={description} withArrow openDelay={200}>
          {task.milestone ? (
            <Box
              role="img"
              aria-label={description}
              onClick={onOpen}
              style={{
                position: 'absolute',
                left: `calc(${left + dayWidth / 2}% - 8px)`,
                top: ROW_HEIGHT / 2 - 8,
                width: 16,
                height: 16,
                transform: 'rotate(45deg)',
                cursor: 'pointer',
                ...barColors(task.status, blocked, overdue),
              }}
            />
          ) : (
            <Box
              role="img"
              aria-label={description}
              onClick={onOpen}
              style={{
                ...barPosition(left, width),
                top: 7,
                height: ROW_HEIGHT - 14,
                borderRadius: 4,
                cursor: 'pointer',
                ...barColors(task.status, blocked, overdue),
              }}
            />
          )}
        </Tooltip>
      </Row>
    </li>
  );
}

const barPosition = (left: number, width: number): CSSProperties => ({ position: 'absolute', left: `${left}%`, width: `${width}%` });

function barColors(status: Task['status'], blocked: boolean, overdue: boolean): CSSProperties {
  if (status === 'done') return { background: 'var(--mantine-color-teal-6)' };
  if (blocked) {
    return {
      background: 'repeating-linear-gradient(135deg, var(--mantine-color-orange-2) 0 5px, var(--mantine-color-orange-4) 5px 10px)',
      border: '1px solid var(--mantine-color-orange-6)',
    };
  }
  const base = status === 'in_progress' ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-blue-2)';
  return { background: base, border: overdue ? '2px solid var(--mantine-color-red-6)' : undefined };
}

function Gridlines({ weeks, today, target }: { weeks: number[]; today: number | null; target: number | null }) {
  const line = (offset: number, style: CSSProperties) => ({
    position: 'absolute' as const,
    left: `${offset}%`,
    top: 0,
    bottom: 0,
    width: 0,
    ...style,
  });
  return (
    <Box aria-hidden style={{ position: 'absolute', left: LABEL_WIDTH, right: 0, top: 0, bottom: 0, pointerEvents: 'none' }}>
      {weeks.map((offset) => (
        <Box key={offset} style={line(offset, { borderLeft: '1px dashed var(--mantine-color-default-border)' })} />
      ))}
      {target !== null && <Box title="Target go-live" style={line(target, { borderLeft: '2px dashed var(--mantine-color-violet-5)' })} />}
      {today !== null && (
        <Box style={line(today, { borderLeft: '2px solid var(--mantine-color-red-6)', zIndex: 1 })}>
          <Text size="10px" c="red" fw={700} style={{ position: 'absolute', top: -2, left: 3 }}>
            Today
          </Text>
        </Box>
      )}
    </Box>
  );
}

function Legend() {
  const swatch = (label: string, style: CSSProperties) => (
    <Group gap={4} key={label}>
      <Box w={14} h={10} style={{ borderRadius: 2, ...style }} />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
  return (
    <Group gap="sm" aria-label="Legend">
      {swatch('To do', barColors('todo', false, false))}
      {swatch('In progress', barColors('in_progress', false, false))}
      {swatch('Done', barColors('done', false, false))}
      {swatch('Blocked', barColors('todo', true, false))}
      {swatch('Overdue', barColors('todo', false, true))}
      <Group gap={4}>
        <Box w={9} h={9} style={{ transform: 'rotate(45deg)', background: 'var(--mantine-color-blue-2)' }} />
        <Text size="xs" c="dimmed">
          Milestone
        </Text>
      </Group>
      <Group gap={4}>
        <Box w={0} h={12} style={{ borderLeft: '2px solid var(--mantine-color-red-6)' }} />
        <Text size="xs" c="dimmed">
          Today
        </Text>
      </Group>
      <Group gap={4}>
        <Box w={0} h={12} style={{ borderLeft: '2px dashed var(--mantine-color-violet-5)' }} />
        <Text size="xs" c="dimmed">
          Target go-live
        </Text>
      </Group>
    </Group>
  );
}
