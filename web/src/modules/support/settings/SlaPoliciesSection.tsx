import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { EmptyState } from '../../../ui/EmptyState';
import { IconClock, IconPencil, IconPlus } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { SkeletonRows } from '../../../ui/SkeletonRows';
import { SEGMENT_LABELS } from '../../accounts/labels';
import { useCalendars, useSlaPolicies, type SlaConditions, type SlaPolicy } from '../api';
import { CHANNEL_LABELS, PRIORITIES, PRIORITY_LABELS, TIER_LABELS } from '../labels';
import { SlaPolicyModal } from './SlaPolicyModal';

export function SlaPoliciesSection() {
  const policies = useSlaPolicies();
  const calendars = useCalendars();
  // null: closed; 'new': creating; a policy: editing it.
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const sorted = [...(policies.data ?? [])].sort((a, b) => a.position - b.position);
  const calendarName = (id: string | null) =>
    id ? (calendars.data?.find((c) => c.id === id)?.name ?? 'Unknown calendar') : 'Calendar hours (24×7)';

  return (
    <Card p={0} component="section" aria-label="SLA policies">
      <Group justify="space-between" p="md">
        <Text size="sm" c="dimmed" maw={640}>
          The first active policy, in this order, whose conditions match a ticket sets its targets. Changes apply to new tickets and to
          tickets whose priority changes.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          New SLA policy
        </Button>
      </Group>
      {policies.isError ? (
        <Stack p="md">
          <QueryError error={policies.error} onRetry={() => void policies.refetch()} />
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Order</Table.Th>
                <Table.Th>Policy</Table.Th>
                <Table.Th>Applies to</Table.Th>
                <Table.Th>First reply · next reply · resolution</Table.Th>
                <Table.Th w={50} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.isPending && <SkeletonRows columns={5} rows={3} />}
              {sorted.map((policy) => (
                <Table.Tr key={policy.id} style={{ opacity: policy.status === 'archived' ? 0.55 : 1 }}>
                  <Table.Td>
                    <Badge variant="default" circle size="lg">
                      {policy.position}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {policy.name}
                      </Text>
                      {policy.status === 'archived' && (
                        <Badge size="xs" color="gray">
                          Archived
                        </Badge>
                      )}
                    </Group>
                    <Group gap={4} c="dimmed">
                      <IconClock size={12} />
                      <Text size="xs" c="dimmed">
                        {calendarName(policy.calendarId)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ConditionBadges conditions={policy.conditions} />
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {PRIORITIES.slice()
                        .reverse()
                        .map((p) => (
                          <Text key={p} size="xs" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            <Text span size="xs" fw={600} w={56} display="inline-block">
                              {PRIORITY_LABELS[p]}
                            </Text>
                            {[policy.targets[p].firstReplyMinutes, policy.targets[p].nextReplyMinutes, policy.targets[p].resolutionMinutes]
                              .map((m) => (m === null ? '—' : formatTarget(m)))
                              .join(' · ')}
                          </Text>
                        ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label="Edit policy" withArrow>
                      <ActionIcon variant="subtle" aria-label={`Edit ${policy.name}`} onClick={() => setEditing(policy)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {policies.data?.length === 0 && (
        <EmptyState icon={<IconClock size={18} />} title="No SLA policies" description="Without a policy, tickets have no due times." />
      )}
      <SlaPolicyModal
        key={editing === null ? 'closed' : editing === 'new' ? 'new' : editing.id}
        opened={editing !== null}
        policy={editing === 'new' ? undefined : (editing ?? undefined)}
        nextPosition={(sorted.at(-1)?.position ?? 0) + 1}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}

/** Targets read in hours (business hours may not add up to days): `90` → `1h 30m`, `2400` → `40h`. */
function formatTarget(minutes: number): string {
  if (minutes < 60) return `${minutes}m`;
  const rest = minutes % 60;
  return rest ? `${Math.floor(minutes / 60)}h ${rest}m` : `${minutes / 60}h`;
}

export function ConditionBadges({ conditions }: { conditions: SlaConditions }) {
  const parts = [
    ...(conditions.segments ?? []).map((s) => SEGMENT_LABELS[s]),
    ...(conditions.priorities ?? []).map((p) => `${PRIORITY_LABELS[p]} priority`),
    ...(conditions.channels ?? []).map((c) => `via ${CHANNEL_LABELS[c]}`),
    ...(conditions.tiers ?? []).map((t) => TIER_LABELS[t]),
    ...(conditions.tags ?? []).map((t) => `#${t}`),
  ];
  if (parts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Every ticket
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {parts.map((p) => (
        <Badge key={p} size="sm" variant="light" color="indigo" tt="none">
          {p}
        </Badge>
      ))}
    </Group>
  );
}
