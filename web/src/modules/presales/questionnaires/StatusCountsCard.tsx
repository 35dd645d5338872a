import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { QUESTION_STATUSES, QUESTION_STATUS_COLORS, QUESTION_STATUS_LABELS, type Questionnaire } from './api';
import { StatusProgress } from './StatusProgress';

/** The whole questionnaire's progress: one bar by status, and the count of each status. */
export function StatusCountsCard({ counts }: { counts: Questionnaire['progress'] }) {
  return (
    <Card withBorder padding="sm">
      <Stack gap={6}>
        <StatusProgress counts={counts} size="lg" />
        <Group gap="md" wrap="wrap">
          {QUESTION_STATUSES.map((s) => (
            <Text key={s} size="xs" c="dimmed">
              <Badge size="xs" circle color={QUESTION_STATUS_COLORS[s]} mr={4}>
                {' '}
              </Badge>
              {QUESTION_STATUS_LABELS[s]} {counts[s]}
            </Text>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}
