import { Button, Card, Checkbox, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDateTime, formatDuration } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError } from '../../../ui/server-errors';
import { useDemos, useOpportunityRequests, useSaveDemo, type Demo, type Opportunity } from './api';
import { DemoOutcomeBadge } from './OpportunityBadges';
import { DemoFormModal } from './DemoFormModal';

/** The deal's demos, latest first: audience, environment, outcome and follow-ups to tick off. */
export function DemosCard({ opportunity }: { opportunity: Opportunity }) {
  const { can } = useAuth();
  const demos = useDemos(opportunity.id);
  const requests = useOpportunityRequests(opportunity.id);
  const [editing, setEditing] = useState<Demo | 'new' | null>(null);
  const canWrite = can('presales.write');
  const openDemoRequests = (requests.data ?? []).filter((r) => r.kind === 'demo' && ['new', 'accepted', 'in_progress'].includes(r.status));
  const items = demos.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Demos">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Demos
        </Title>
        {canWrite && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Record demo
          </Button>
        )}
      </Group>
      {demos.isError && <QueryError error={demos.error} onRetry={() => void demos.refetch()} />}
      {demos.isPending && <Skeleton height={48} />}
      {demos.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No demo yet. Record one after it takes place: it is logged on the account’s timeline too.
        </Text>
      )}
      <Stack gap="sm">
        {items.map((demo, i) => (
          <Fragment key={demo.id}>
            {i > 0 && <Divider />}
            <DemoView demo={demo} opportunity={opportunity} canWrite={canWrite} onEdit={() => setEditing(demo)} />
          </Fragment>
        ))}
      </Stack>
      <DemoFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        opportunity={opportunity}
        demo={editing && editing !== 'new' ? editing : undefined}
        demoRequests={openDemoRequests}
      />
    </Card>
  );
}

function DemoView({
  demo,
  opportunity,
  canWrite,
  onEdit,
}: {
  demo: Demo;
  opportunity: Opportunity;
  canWrite: boolean;
  onEdit: () => void;
}) {
  const save = useSaveDemo(opportunity.id, opportunity.account.id);
  const audience = [...demo.contacts.map((c) => (c.title ? `${c.name} (${c.title})` : c.name)), ...demo.otherAttendees];
  const toggle = (index: number, done: boolean) =>
    save.mutate(
      { id: demo.id, followUps: demo.followUps.map((f, i) => (i === index ? { ...f, done } : f)) },
      { onError: (error) => notifyError(error) },
    );
  return (
    <Stack gap={4} component="article" aria-label={`Demo ${demo.title}`}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {demo.title}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(demo.occurredAt)} · {formatDuration(demo.durationMinutes)}
            {demo.presenters.length > 0 && ` · by ${demo.presenters.map((p) => p.name).join(', ')}`}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
          <DemoOutcomeBadge outcome={demo.outcome} />
          {canWrite && (
            <Button size="compact-xs" variant="subtle" onClick={onEdit} aria-label={`Edit demo ${demo.title}`}>
              Edit
            </Button>
          )}
        </Group>
      </Group>
      {audience.length > 0 && (
        <Text size="sm">
          <Text span c="dimmed">
            Audience:{' '}
          </Text>
          {audience.join(', ')}
        </Text>
      )}
      {(demo.environment || demo.script) && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          <Text span c="dimmed">
            {demo.environment ? 'Environment: ' : 'Script: '}
          </Text>
          {demo.environment ? `${demo.environment.name}${demo.environment.product ? ` (${demo.environment.product})` : ''}` : demo.script}
          {demo.environment && demo.script ? ` · ${demo.script}` : ''}
        </Text>
      )}
      {demo.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {demo.notes}
        </Text>
      )}
      {demo.followUps.length > 0 && (
        <Stack gap={4} mt={4} aria-label={`Follow-ups of ${demo.title}`}>
          {demo.followUps.map((f, i) => (
            <Checkbox
              key={i}
              size="xs"
              label={f.text}
              checked={f.done}
              disabled={!canWrite || save.isPending}
              onChange={(e) => toggle(i, e.currentTarget.checked)}
              styles={{ label: { textDecoration: f.done ? 'line-through' : undefined } }}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
