import { Text } from '@mantine/core';
import { daysUntil, formatDate } from '../../../ui/format';

/** A request's due date, in red with "overdue" once it has passed while the request is open. */
export function DueDate({ date, overdue }: { date: string | null; overdue: boolean }) {
  if (!date)
    return (
      <Text span size="sm" c="dimmed">
        No due date
      </Text>
    );
  const days = daysUntil(date);
  return (
    <Text span size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
      {formatDate(date)}
      {overdue ? ` · overdue ${-days} d` : ''}
    </Text>
  );
}
