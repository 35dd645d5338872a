import { Badge, Card, Group, Progress, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChecklist, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SkeletonRows } from '../../ui/SkeletonRows';
import { usePortalUatRounds, type PortalUatRoundSummary } from './uat-api';

export const UAT_STATUS: Record<PortalUatRoundSummary['status'], { label: string; color: string }> = {
  open: { label: 'Ready to test', color: 'blue' },
  signed_off: { label: 'Signed off', color: 'teal' },
  closed: { label: 'Closed', color: 'gray' },
};

/** The acceptance tests the contact is invited to: each invitation, and how far they are through it. */
export function PortalAcceptancePage() {
  const rounds = usePortalUatRounds();
  const items = rounds.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Acceptance testing"
        description="Try what we built for you, case by case, and tell us whether it does what you expect."
      />
      {rounds.isError && <QueryError error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.isPending && (
        <Card p={0}>
          <Table>
            <Table.Tbody>
              <SkeletonRows columns={2} rows={3} />
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {rounds.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconChecklist size={18} />}
            title="No acceptance tests for you"
            description="When the team invites you to test a feature before it ships, the invitation shows here and arrives by e-mail."
          />
        </Card>
      )}
      <Stack gap="sm" role="list" aria-label="Acceptance tests">
        {items.map((round) => (
          <RoundLink key={round.id} round={round} />
        ))}
      </Stack>
    </>
  );
}

function RoundLink({ round }: { round: PortalUatRoundSummary }) {
  const status = UAT_STATUS[round.status];
  const done = round.caseCount ? Math.round((round.yourResultCount / round.caseCount) * 100) : 0;
  return (
    <Card withBorder role="listitem" p={0}>
      <UnstyledButton component={Link} to={`/portal/acceptance/${round.id}`} p="md" style={{ display: 'block' }} aria-label={round.title}>
        <Group justify="space-between" wrap="nowrap" align="center">
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs" wrap="wrap">
              <Text fw={600}>{round.title}</Text>
              <Badge variant="light" color={status.color} tt="none">
                {status.label}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {round.signOff
                ? `Signed off by ${round.signOff.name} on ${formatDate(round.signOff.at)}`
                : `Invited ${formatDate(round.invitedAt)} · you have tested ${round.yourResultCount} of ${round.caseCount} ${round.caseCount === 1 ? 'case' : 'cases'}`}
            </Text>
            {round.status === 'open' && <Progress value={done} size="sm" aria-label={`${done}% tested by you`} maw={320} />}
          </Stack>
          <IconChevronRight size={18} color="var(--mantine-color-dimmed)" />
        </Group>
      </UnstyledButton>
    </Card>
  );
}
