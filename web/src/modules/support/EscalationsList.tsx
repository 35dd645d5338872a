import { Anchor, Badge, Group, Paper, Spoiler, Stack, Text, Tooltip } from '@mantine/core';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, fromNow } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import type { Escalation } from './api';
import { IconArrowUpRight, IconBolt, IconBug, IconStairsUp } from '@tabler/icons-react';
import { TierBadge } from './TicketBadges';
import type { UseQueryResult } from '@tanstack/react-query';

/** Every change of tier: who or which rule, why, and what had been tried by then. */
export function EscalationsList({ escalations }: { escalations: UseQueryResult<Escalation[]> }) {
  if (escalations.isError) return <QueryError error={escalations.error} onRetry={() => void escalations.refetch()} />;
  if (!escalations.data) return null;
  if (escalations.data.length === 0) {
    return (
      <EmptyState
        icon={<IconStairsUp size={18} />}
        title="Not escalated"
        description="The case has stayed in its first tier. Escalations appear here with their reason and summary."
      />
    );
  }
  return (
    <Stack gap="sm" role="list" aria-label="Escalations">
      {[...escalations.data].reverse().map((e) => (
        <Paper key={e.id} withBorder p="md" role="listitem">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Group gap={6}>
              <TierBadge tier={e.fromTier} />
              <IconArrowUpRight size={14} />
              <TierBadge tier={e.toTier} />
              <Text size="sm" fw={500} ml={4}>
                {e.actor.name}
              </Text>
              {e.ruleId && (
                <Badge size="xs" variant="light" color="orange" leftSection={<IconBolt size={10} />}>
                  Automatic
                </Badge>
              )}
            </Group>
            <Tooltip label={formatDateTime(e.at)} withArrow>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {fromNow(e.at)}
              </Text>
            </Tooltip>
          </Group>
          <Text size="sm" mt="xs">
            <Text span fw={600}>
              Reason:{' '}
            </Text>
            {e.reason}
          </Text>
          {e.engineeringLink && (
            <Group gap={6} mt={4}>
              <IconBug size={14} />
              <Anchor href={e.engineeringLink} target="_blank" rel="noreferrer" size="sm">
                {e.engineeringLink}
              </Anchor>
            </Group>
          )}
          <Spoiler maxHeight={96} showLabel="Show the whole summary" hideLabel="Show less" mt="xs">
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }} bg="gray.0" p="xs">
              {e.summary}
            </Text>
          </Spoiler>
        </Paper>
      ))}
    </Stack>
  );
}
