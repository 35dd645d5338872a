import type { ReactNode } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useAuth } from '../../lib/auth';
import { formatDateTime, fromNow } from '../../ui/format';
import type { Ticket } from './api';
import { CHANNEL_LABELS } from './labels';
import { formatSpan, urgencyOf } from './SlaBadge';
import { IconBug, IconPlayerPause, IconStairsUp } from '@tabler/icons-react';
import { PriorityBadge, StatusBadge, TierBadge } from './TicketBadges';

interface Props {
  ticket: Ticket;
  now: number;
  onEscalate: () => void;
}

export function TicketHeader({ ticket, now, onEscalate }: Props) {
  const { can } = useAuth();
  const closed = ticket.status === 'closed';
  return (
    <Card>
      <Stack gap="sm">
        <Breadcrumbs>
          <Anchor component={Link} to="/tickets" size="sm">
            Tickets
          </Anchor>
          <Text size="sm">#{ticket.number}</Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              <Text span inherit c="dimmed" fw={500}>
                #{ticket.number}
              </Text>{' '}
              {ticket.subject}
            </Title>
            <Group gap="xs">
              <StatusBadge status={ticket.status} size="md" />
              <PriorityBadge priority={ticket.priority} size="md" />
              <TierBadge tier={ticket.tier} size="md" />
              {ticket.reopenCount > 0 && (
                <Badge size="md" variant="outline" color="orange">
                  Reopened {ticket.reopenCount}×
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {ticket.requester.name} · {ticket.account.name} · via {CHANNEL_LABELS[ticket.channel]} · opened {fromNow(ticket.createdAt)}
              </Text>
            </Group>
            {ticket.engineeringLink && (
              <Group gap={6}>
                <IconBug size={16} />
                <Anchor href={ticket.engineeringLink} target="_blank" rel="noreferrer" size="sm">
                  {ticket.engineeringLink}
                </Anchor>
              </Group>
            )}
          </Stack>
          {can('tickets.write') && !closed && (
            <Button variant="light" color="violet" leftSection={<IconStairsUp size={16} />} onClick={onEscalate} style={{ flexShrink: 0 }}>
              Escalate
            </Button>
          )}
        </Group>
        <SlaTargets ticket={ticket} now={now} />
      </Stack>
    </Card>
  );
}

/** Every SLA target with its due time, countdown and breach, so the agent sees what is at stake. */
function SlaTargets({ ticket, now }: { ticket: Ticket; now: number }) {
  const { sla } = ticket;
  if (!sla.policyId) {
    return (
      <Text size="sm" c="dimmed">
        No SLA policy applies to this ticket.
      </Text>
    );
  }
  const solved = ticket.status === 'solved' || ticket.status === 'closed';
  const targets: { key: string; label: string; dueAt: string | null }[] = [
    { key: 'first_reply', label: 'First reply', dueAt: sla.firstReplyDueAt },
    { key: 'next_reply', label: 'Next reply', dueAt: sla.nextReplyDueAt },
    { key: 'resolution', label: 'Resolution', dueAt: sla.resolutionDueAt },
  ];
  return (
    <Card withBorder={false} bg="gray.0" p="sm" aria-label="SLA targets" component="section">
      <Group justify="space-between" mb={6}>
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          SLA targets
        </Text>
        {sla.paused && (
          <Badge color="gray" variant="light" leftSection={<IconPlayerPause size={12} />}>
            Paused
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={3} spacing="sm">
        {targets.map((t) => (
          <Target key={t.key} label={t.label} breached={sla.breaches.includes(t.key)}>
            {t.dueAt ? (
              <DueBadge dueAt={t.dueAt} now={now} />
            ) : (
              <Text size="sm" c="dimmed">
                {solved ? 'Met' : t.key === 'resolution' && sla.paused ? 'Paused' : t.key === 'next_reply' ? 'Not running' : 'Met'}
              </Text>
            )}
          </Target>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function Target({ label, breached, children }: { label: string; breached: boolean; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {breached && (
          <Badge size="xs" color="red" variant="filled">
            Breached
          </Badge>
        )}
      </Group>
      {children}
    </Stack>
  );
}

function DueBadge({ dueAt, now }: { dueAt: string; now: number }) {
  const { urgency, minutes } = urgencyOf(dueAt, now);
  const color = urgency === 'overdue' ? 'red' : urgency === 'soon' ? 'orange' : undefined;
  return (
    <Tooltip label={formatDateTime(dueAt)} withArrow>
      <Text size="sm" c={color} fw={color ? 600 : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {urgency === 'overdue' ? `Overdue by ${formatSpan(-minutes)}` : `Due in ${formatSpan(minutes)}`}
        <Text span size="xs" c="dimmed" ml={6}>
          {formatDateTime(dueAt)}
        </Text>
      </Text>
    </Tooltip>
  );
}
