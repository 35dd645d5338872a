import { Skeleton, Text, Timeline } from '@mantine/core';
import { useAuth } from '../../lib/auth';
import { formatDateTime } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { useMemberOptions } from '../team/api';
import { useGroups, useTicketEvents } from './api';
import { describeEvent, type NameBook } from './event-lines';

/** The ticket's history, newest first, in sentences. */
export function TicketHistory({ ticketId }: { ticketId: string }) {
  const { roleLabel } = useAuth();
  const events = useTicketEvents(ticketId);
  const members = useMemberOptions();
  const groups = useGroups();

  if (events.isPending) return <Skeleton height={200} />;
  if (events.isError) return <QueryError error={events.error} onRetry={() => void events.refetch()} />;

  const names: NameBook = {
    member: (id) => members.members.find((m) => m.id === id)?.name,
    group: (id) => groups.data?.find((g) => g.id === id)?.name,
    role: roleLabel,
  };
  const items = [...events.data].reverse();
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="History">
      {items.map((event) => (
        <Timeline.Item key={event.id} color={event.type === 'sla.breached' ? 'red' : event.type === 'ticket.escalated' ? 'violet' : 'gray'}>
          {describeEvent(event, names).map((line) => (
            <Text key={line} size="sm" c={event.type === 'sla.breached' ? 'red' : undefined}>
              {line}
            </Text>
          ))}
          <Text size="xs" c="dimmed">
            {formatDateTime(event.at)}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
