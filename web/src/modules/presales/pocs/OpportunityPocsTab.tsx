import { Anchor, Badge, Button, Card, Group, Progress, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlask, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import { formatDate } from '../../../ui/format';
import { STATUS_COLORS, STATUS_LABELS } from '../../delivery/engagements/labels';
import { CRITERION_COLORS, CRITERION_LABELS } from '../../delivery/records/labels';
import { useOpportunityPocs, type OpportunityPoc } from './api';
import { technicalWinColor, technicalWinLabel } from './labels';
import { StartPocModal } from './StartPocModal';

/**
 * A deal's proofs of concept: its technical win (set by their verdicts), each PoC with its status,
 * verdict and success-criteria progress, a link to the engagement where the work happens, and
 * "Start a PoC" for the pre-sales team while the deal is open.
 */
export function OpportunityPocsTab({ opportunityId }: { opportunityId: string }) {
  const { can } = useAuth();
  const pocs = useOpportunityPocs(opportunityId);
  const [starting, setStarting] = useState(false);

  if (pocs.isPending) return <Skeleton height={160} />;
  if (pocs.isError) return <QueryError error={pocs.error} onRetry={() => void pocs.refetch()} />;
  const { opportunity, items } = pocs.data;
  const canStart = can('presales.write') && opportunity.open;

  return (
    <Stack>
      <Card withBorder component="section" aria-label="Technical win">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Text fw={600}>Technical win</Text>
              <Badge
                color={technicalWinColor(opportunity.technicalWin)}
                variant="filled"
                aria-label={`Technical win: ${technicalWinLabel(opportunity.technicalWin)}`}
              >
                {technicalWinLabel(opportunity.technicalWin)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {opportunity.technicalWinReason ??
                'Recording a proof of concept’s verdict sets it: a pass wins it, a fail loses it with the verdict’s note as the reason.'}
            </Text>
          </Stack>
          {canStart && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setStarting(true)}>
              Start a PoC
            </Button>
          )}
        </Group>
        {!opportunity.open && (
          <Text size="xs" c="dimmed" mt="xs">
            The deal is closed: its technical win stays as it closed, whatever later verdicts say.
          </Text>
        )}
      </Card>

      {items.length === 0 ? (
        <Card withBorder>
          <EmptyState
            icon={<IconFlask size={20} />}
            title="No proof of concept yet"
            description="Prove the product on the customer’s own data: agree the success criteria, run the PoC as an engagement, and its verdict sets the technical win."
          />
        </Card>
      ) : (
        <Stack gap="sm" role="list" aria-label="Proofs of concept">
          {items.map((poc) => (
            <PocCard key={poc.id} poc={poc} />
          ))}
        </Stack>
      )}

      <StartPocModal opened={starting} onClose={() => setStarting(false)} opportunity={opportunity} />
    </Stack>
  );
}

function PocCard({ poc }: { poc: OpportunityPoc }) {
  const { pass, fail, pending, total } = poc.criteria;
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  return (
    <Card withBorder padding="sm" role="listitem" aria-label={poc.name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Anchor component={Link} to={`/engagements/${poc.id}`} fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {poc.name}
          </Anchor>
          <Group gap={6}>
            <Badge variant="light" color={STATUS_COLORS[poc.status]}>
              {STATUS_LABELS[poc.status]}
            </Badge>
            <Badge variant="filled" color={CRITERION_COLORS[poc.verdict]} aria-label={`Verdict: ${CRITERION_LABELS[poc.verdict]}`}>
              Verdict: {CRITERION_LABELS[poc.verdict]}
            </Badge>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {poc.lead ? `Led by ${poc.lead.name} · ` : ''}
          {formatDate(poc.startDate)} → {poc.targetGoLiveDate ? formatDate(poc.targetGoLiveDate) : 'no end date'}
        </Text>
        {total === 0 ? (
          <Text size="sm" c="dimmed">
            No success criteria yet.
          </Text>
        ) : (
          <Stack gap={4}>
            <Tooltip label={`${pass} pass · ${fail} fail · ${pending} pending`}>
              <Progress.Root size="lg" aria-label={`Success criteria: ${pass} of ${total} passed`}>
                <Progress.Section value={share(pass)} color="teal" />
                <Progress.Section value={share(fail)} color="red" />
              </Progress.Root>
            </Tooltip>
            <Text size="xs">
              {pass} of {total} criteria passed
              {fail ? `, ${fail} failed` : ''}
              {pending ? `, ${pending} pending` : ''}
            </Text>
          </Stack>
        )}
        {poc.verdictNote && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {poc.verdictNote}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
