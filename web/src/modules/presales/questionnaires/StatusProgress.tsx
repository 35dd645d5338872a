import { Group, Progress, Text, Tooltip } from '@mantine/core';
import { QUESTION_STATUSES, QUESTION_STATUS_COLORS, QUESTION_STATUS_LABELS, totalOf, type StatusCounts } from './api';

/** Questions per status as one stacked bar, approved first, with "n of m approved" beside it. */
export function StatusProgress({
  counts,
  label = true,
  size = 'md',
}: {
  counts: StatusCounts;
  label?: boolean;
  size?: 'sm' | 'md' | 'lg';
}) {
  const total = totalOf(counts);
  const order = [...QUESTION_STATUSES].reverse();
  return (
    <Group gap="xs" wrap="nowrap" miw={0}>
      <Progress.Root size={size} style={{ flex: 1, minWidth: 60 }} aria-label={`${counts.approved} of ${total} approved`}>
        {total > 0 &&
          order.map((s) =>
            counts[s] > 0 ? (
              <Tooltip key={s} label={`${QUESTION_STATUS_LABELS[s]}: ${counts[s]}`} withArrow>
                <Progress.Section value={(100 * counts[s]) / total} color={QUESTION_STATUS_COLORS[s]} />
              </Tooltip>
            ) : null,
          )}
      </Progress.Root>
      {label && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {counts.approved}/{total} approved
        </Text>
      )}
    </Group>
  );
}
