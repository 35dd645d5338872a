import { Accordion, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useUatRounds, type UatRoundSummary } from './api';
import { CreateRoundModal } from './CreateRoundModal';
import { ROUND_STATUS } from './labels';
import { RoundPanel } from './RoundPanel';

/**
 * Customer acceptance testing on a feature request's page: its UAT rounds, newest first and the
 * newest open; a round is started only while the request is in progress.
 */
export function UatSection({
  requestId,
  requestStatus,
  requestTitle,
}: {
  requestId: string;
  requestStatus: string;
  requestTitle?: string;
}) {
  const { can } = useAuth();
  const rounds = useUatRounds(requestId);
  const [creating, setCreating] = useState(false);
  const [opened, setOpened] = useState<string | null>(null);
  const canStart = can('feedback.manage') && requestStatus === 'in_progress';
  const items = rounds.data ?? [];
  const current = opened ?? items[0]?.id ?? null;

  return (
    <Card component="section" aria-label="Acceptance testing">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={4}>Acceptance testing</Title>
        {canStart && (
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            Start a UAT round
          </Button>
        )}
      </Group>
      {rounds.isPending && <Skeleton height={120} />}
      {rounds.isError && <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconChecklist size={18} />}
          title="No UAT rounds yet"
          description={
            requestStatus === 'in_progress'
              ? 'Start a round: write the test cases and invite the customer’s testers; they record pass or fail in the portal and sign off.'
              : 'Acceptance testing starts once the request is in progress.'
          }
        />
      )}
      {items.length > 0 && (
        <Accordion variant="separated" value={current} onChange={setOpened}>
          {items.map((round) => (
            <Accordion.Item key={round.id} value={round.id}>
              <Accordion.Control aria-label={`Round: ${round.title}`}>
                <RoundHeading round={round} />
              </Accordion.Control>
              <Accordion.Panel>{current === round.id && <RoundPanel roundId={round.id} />}</Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
      <CreateRoundModal
        requestId={requestId}
        requestTitle={requestTitle}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(round) => setOpened(round.id)}
      />
    </Card>
  );
}

function RoundHeading({ round }: { round: UatRoundSummary }) {
  const status = ROUND_STATUS[round.status];
  const c = round.counts;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{round.title}</Text>
        <Badge variant="light" color={status.color} tt="none">
          {status.label}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {round.account.name} · started {formatDate(round.createdAt)} · {c.cases} {c.cases === 1 ? 'case' : 'cases'}: {c.passedCases} passed,{' '}
        {c.failingCases} failing, {c.untestedCases} untested · {c.invitees} {c.invitees === 1 ? 'tester' : 'testers'}
        {round.signOff ? ` · signed off by ${round.signOff.name} on ${formatDate(round.signOff.at)}` : ''}
      </Text>
    </Stack>
  );
}
