import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { daysUntil, formatDate } from '../../../ui/format';
import { LIBRARY_SHORT_ANSWER_LABELS, LIBRARY_STATUS_COLORS, LIBRARY_STATUS_LABELS, SHORT_ANSWER_COLORS, type LibraryEntry } from './api';

/** The entry's status, and "Stale" beside it once its review date has passed. */
export function EntryStatusBadges({ entry }: { entry: Pick<LibraryEntry, 'status' | 'stale' | 'reviewDueAt'> }) {
  return (
    <Group gap={4} wrap="wrap">
      <Badge variant="light" color={LIBRARY_STATUS_COLORS[entry.status]} style={{ flexShrink: 0 }}>
        {LIBRARY_STATUS_LABELS[entry.status]}
      </Badge>
      {entry.stale && <StaleBadge reviewDueAt={entry.reviewDueAt} />}
    </Group>
  );
}

export function StaleBadge({ reviewDueAt }: { reviewDueAt: string }) {
  return (
    <Tooltip
      label={`Review was due ${formatDate(reviewDueAt)}: questionnaires show it flagged and never auto-approve it`}
      multiline
      w={260}
    >
      <Badge variant="filled" color="orange" leftSection={<IconAlertTriangle size={12} />} style={{ flexShrink: 0 }}>
        Stale
      </Badge>
    </Tooltip>
  );
}

export function ShortAnswerBadge({ value }: { value: LibraryEntry['shortAnswer'] }) {
  if (!value) return null;
  return (
    <Badge variant="outline" color={SHORT_ANSWER_COLORS[value]} size="sm">
      {LIBRARY_SHORT_ANSWER_LABELS[value]}
    </Badge>
  );
}

/** When an approved entry is (or was) due for review: overdue in orange, due within a fortnight in yellow. */
export function ReviewDue({ entry }: { entry: Pick<LibraryEntry, 'status' | 'reviewDueAt'> }) {
  if (entry.status !== 'approved')
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const days = daysUntil(entry.reviewDueAt);
  const text =
    days < 0
      ? `${-days} day${days === -1 ? '' : 's'} overdue`
      : days === 0
        ? 'Due today'
        : days <= 14
          ? `Due in ${days} day${days === 1 ? '' : 's'}`
          : formatDate(entry.reviewDueAt);
  return (
    <Text
      size="sm"
      c={days < 0 ? 'orange.8' : days <= 14 ? 'yellow.8' : undefined}
      fw={days <= 14 ? 600 : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      {text}
    </Text>
  );
}
