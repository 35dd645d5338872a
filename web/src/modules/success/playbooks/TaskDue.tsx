import { Text } from '@mantine/core';
import { daysUntil, formatDate } from '../../../ui/format';
import type { SuccessTask } from './api';

/** A task's due date; an overdue open task says so in words and in red. */
export function TaskDue({ task, size = 'sm' }: { task: SuccessTask; size?: 'xs' | 'sm' }) {
  if (task.status !== 'open') return <Text size={size}>Due {formatDate(task.dueOn)}</Text>;
  const days = daysUntil(task.dueOn);
  if (task.overdue || days < 0)
    return (
      <Text size={size} c="red.8" fw={600}>
        Overdue: due {formatDate(task.dueOn)} ({Math.abs(days)} {Math.abs(days) === 1 ? 'day' : 'days'} ago)
      </Text>
    );
  return (
    <Text size={size}>
      Due {formatDate(task.dueOn)}
      {days === 0 ? ' (today)' : days === 1 ? ' (tomorrow)' : ''}
    </Text>
  );
}
