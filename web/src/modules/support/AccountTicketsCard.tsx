import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { QueryError } from '../../ui/QueryError';
import { useTickets } from './api';
import { UNSOLVED } from './labels';
import { SlaBadge } from './SlaBadge';
import { PriorityBadge, StatusBadge } from './TicketBadges';
import { useNow } from './use-now';

const SHOWN = 8;

/** The account's unsolved tickets, most urgent first, on the account page. */
export function AccountTicketsCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const tickets = useTickets({ accountId, limit: 100 }, can('tickets.read'));
  const now = useNow(60_000);
  if (!can('tickets.read')) return null;
  const open = (tickets.data?.items ?? []).filter((t) => UNSOLVED.includes(t.status));

  return (
    <Card component="section" aria-label="Tickets">
      <Group justify="space-between" mb="md">
        <Title order={4}>Tickets</Title>
        {tickets.isSuccess && (
          <Badge variant="light" color={open.length ? 'indigo' : 'gray'}>
            {open.length} open
          </Badge>
        )}
      </Group>
      {tickets.isPending && <Skeleton height={80} />}
      {tickets.isError && <QueryError error={tickets.error} onRetry={() => void tickets.refetch()} />}
      {tickets.isSuccess && open.length === 0 && (
        <Text size="sm" c="dimmed">
          No open tickets.
        </Text>
      )}
      <Stack gap="sm">
        {open.slice(0, SHOWN).map((t) => (
          <Stack key={t.id} gap={4}>
            <Anchor component={Link} to={`/tickets/${t.id}`} size="sm" fw={500} lineClamp={2}>
              #{t.number} {t.subject}
            </Anchor>
            <Group gap={6}>
              <StatusBadge status={t.status} size="xs" />
              <PriorityBadge priority={t.priority} size="xs" />
              <SlaBadge sla={t.sla} now={now} size="sm" />
            </Group>
          </Stack>
        ))}
        {open.length > SHOWN && (
          <Text size="xs" c="dimmed">
            and {open.length - SHOWN} more
          </Text>
        )}
      </Stack>
    </Card>
  );
}
