import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { fromNow } from '../../ui/format';
import { IconStar } from '@tabler/icons-react';
import { useTicketCsat } from './workbench-api';

/** The requester's satisfaction rating after a solve, shown once a survey exists. */
export function CsatCard({ ticketId }: { ticketId: string }) {
  const surveys = useTicketCsat(ticketId);
  const latest = surveys.data?.[0];
  if (!latest) return null;
  return (
    <Card component="section" aria-label="Satisfaction">
      <Group gap="xs" mb="xs">
        <IconStar size={18} />
        <Title order={5}>Satisfaction</Title>
      </Group>
      <Stack gap={4}>
        {latest.rating ? (
          <Group gap={6}>
            <Badge color={latest.rating === 'good' ? 'teal' : 'red'} variant="filled">
              {latest.rating === 'good' ? 'Good' : 'Bad'}
            </Badge>
            <Text size="xs" c="dimmed">
              rated {fromNow(latest.ratedAt)}
              {latest.assignee ? ` · ${latest.assignee.name}` : ''}
            </Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {latest.expired ? 'Survey expired without a rating.' : `Survey sent ${fromNow(latest.createdAt)}; awaiting a rating.`}
          </Text>
        )}
        {latest.comment && (
          <Text size="sm" fs="italic">
            “{latest.comment}”
          </Text>
        )}
      </Stack>
    </Card>
  );
}
