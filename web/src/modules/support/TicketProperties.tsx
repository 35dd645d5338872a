import type { ReactNode } from 'react';
import { Badge, Button, Card, Divider, Group, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { useAuth, useSession } from '../../lib/auth';
import { formatDateTime } from '../../ui/format';
import { notifyError } from '../../ui/server-errors';
import { useMemberOptions } from '../team/api';
import { useGroups, useUpdateTicket, type Ticket, type UpdateTicketInput } from './api';
import { CHANNEL_LABELS, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS, STATUSES, TIER_LABELS, options } from './labels';
import { PriorityBadge, StatusBadge } from './TicketBadges';
import { TicketCustomFields } from './fields/TicketCustomFields';
import { TICKET_TYPE_LABELS, TICKET_TYPES, type TicketType } from './fields/labels';

/** Status, priority, type, assignee, group, tags and custom fields, each saved the moment it changes. */
export function TicketProperties({ ticket }: { ticket: Ticket }) {
  const { can } = useAuth();
  const editable = can('tickets.write') && ticket.status !== 'closed';
  return (
    <Card component="section" aria-label="Properties">
      <Title order={5} mb="sm">
        Properties
      </Title>
      {editable ? <EditableProperties ticket={ticket} /> : <ReadOnlyProperties ticket={ticket} />}
      <Stack mt="sm">
        <TicketCustomFields ticket={ticket} editable={editable} />
      </Stack>
      <Divider my="md" />
      <Stack gap={8}>
        <Fact label="Requester">
          <Text size="sm">{ticket.requester.name}</Text>
          <Text size="xs" c="dimmed">
            {ticket.requester.email}
          </Text>
        </Fact>
        <Fact label="Channel">{CHANNEL_LABELS[ticket.channel]}</Fact>
        <Fact label="Tier">
          {TIER_LABELS[ticket.tier]}
          <Text span size="xs" c="dimmed">
            {' '}
            since {formatDateTime(ticket.tierEnteredAt)}
          </Text>
        </Fact>
        <Fact label="Created">{formatDateTime(ticket.createdAt)}</Fact>
        {ticket.solvedAt && <Fact label="Solved">{formatDateTime(ticket.solvedAt)}</Fact>}
      </Stack>
    </Card>
  );
}

function EditableProperties({ ticket }: { ticket: Ticket }) {
  const session = useSession();
  const update = useUpdateTicket(ticket.id);
  const members = useMemberOptions();
  const groups = useGroups();
  const save = (body: UpdateTicketInput) => update.mutate(body, { onError: (error) => notifyError(error, 'The ticket was not updated') });

  const statusOptions = options(
    STATUSES.filter((s) => s !== 'new' || ticket.status === 'new'),
    STATUS_LABELS,
  );
  const assigneeOptions =
    members.options.some((o) => o.value === ticket.assignee?.id) || !ticket.assignee
      ? members.options
      : [{ value: ticket.assignee.id, label: ticket.assignee.name }, ...members.options];

  return (
    <Stack gap="sm">
      <Select
        label="Status"
        data={statusOptions}
        value={ticket.status}
        allowDeselect={false}
        onChange={(v) => v && v !== ticket.status && save({ status: v as Ticket['status'] })}
        disabled={update.isPending}
      />
      <Select
        label="Priority"
        data={options(PRIORITIES, PRIORITY_LABELS)}
        value={ticket.priority}
        allowDeselect={false}
        onChange={(v) => v && v !== ticket.priority && save({ priority: v as Ticket['priority'] })}
        disabled={update.isPending}
      />
      <Select
        label="Type"
        placeholder="No type"
        clearable
        data={options(TICKET_TYPES, TICKET_TYPE_LABELS)}
        value={ticket.type}
        onChange={(v) => v !== ticket.type && save({ type: v as TicketType | null })}
        disabled={update.isPending}
      />
      <Stack gap={4}>
        <Select
          label="Assignee"
          placeholder="Unassigned"
          searchable
          clearable
          data={assigneeOptions}
          value={ticket.assignee?.id ?? null}
          onChange={(v) => v !== (ticket.assignee?.id ?? null) && save({ assigneeId: v })}
          disabled={update.isPending}
        />
        {ticket.assignee?.id !== session.member.id && (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={() => save({ assigneeId: session.member.id })}
            style={{ alignSelf: 'flex-start' }}
          >
            Take it
          </Button>
        )}
      </Stack>
      <Select
        label="Group"
        placeholder="No group"
        clearable
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: `${g.name} (${TIER_LABELS[g.tier]})` }))}
        value={ticket.group?.id ?? null}
        onChange={(v) => v !== (ticket.group?.id ?? null) && save({ groupId: v })}
        disabled={update.isPending}
      />
      <TagsInput
        label="Tags"
        placeholder="Add a tag"
        value={ticket.tags}
        splitChars={[',', ' ']}
        onChange={(tags) => save({ tags: tags.map((t) => t.trim().toLowerCase()).filter(Boolean) })}
        disabled={update.isPending}
      />
    </Stack>
  );
}

function ReadOnlyProperties({ ticket }: { ticket: Ticket }) {
  return (
    <Stack gap={8}>
      <Fact label="Status">
        <StatusBadge status={ticket.status} />
      </Fact>
      <Fact label="Priority">
        <PriorityBadge priority={ticket.priority} />
      </Fact>
      <Fact label="Type">
        {ticket.type ? (
          TICKET_TYPE_LABELS[ticket.type]
        ) : (
          <Text span c="dimmed" size="sm">
            No type
          </Text>
        )}
      </Fact>
      <Fact label="Assignee">
        {ticket.assignee?.name ?? (
          <Text span c="dimmed" size="sm">
            Unassigned
          </Text>
        )}
      </Fact>
      <Fact label="Group">
        {ticket.group?.name ?? (
          <Text span c="dimmed" size="sm">
            No group
          </Text>
        )}
      </Fact>
      <Fact label="Tags">
        {ticket.tags.length ? (
          <Group gap={4}>
            {ticket.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text span c="dimmed" size="sm">
            None
          </Text>
        )}
      </Fact>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" size="sm">
        {children}
      </Text>
    </Stack>
  );
}
