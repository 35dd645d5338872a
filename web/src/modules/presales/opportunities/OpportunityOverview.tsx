import { Anchor, Badge, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, formatMoney } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { STAGE_LABELS, useOpportunity, type Opportunity } from './api';
import { DealSupportCard } from './DealSupportCard';
import { DemosCard } from './DemosCard';
import { OpportunityTimelineCard } from './OpportunityTimelineCard';
import { TechnicalWinCard } from './TechnicalWinCard';

/**
 * The deal at a glance: its details and team, the technical win, demos, the support asked of the
 * pre-sales team, and everything that happened on it.
 */
export function OpportunityOverview({ opportunityId }: { opportunityId: string }) {
  const opportunity = useOpportunity(opportunityId);
  if (opportunity.isError) return <QueryError error={opportunity.error} onRetry={() => void opportunity.refetch()} />;
  if (!opportunity.data) return <Skeleton height={240} />;
  const o = opportunity.data;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <DetailsCard opportunity={o} />
          <TechnicalWinCard opportunity={o} />
          <DealSupportCard opportunity={o} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="md">
          <DemosCard opportunity={o} />
          <OpportunityTimelineCard opportunity={o} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text size="sm" ta="right" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

function DetailsCard({ opportunity: o }: { opportunity: Opportunity }) {
  const person = (m: { name: string } | null) =>
    m?.name ?? (
      <Text span c="dimmed">
        Not assigned
      </Text>
    );
  return (
    <Card withBorder component="section" aria-label="Details">
      <Title order={3} size="h5" mb="sm">
        Details
      </Title>
      <Stack gap={6}>
        <Fact label="Account">
          <Anchor component={Link} to={`/accounts/${o.account.id}`}>
            {o.account.name}
          </Anchor>
        </Fact>
        <Fact label="Stage">{STAGE_LABELS[o.stage]}</Fact>
        <Fact label="ARR">{formatMoney(o.arr)}</Fact>
        <Fact label="Close date">{formatDate(o.closeDate)}</Fact>
        {o.closedAt && <Fact label="Closed">{formatDateTime(o.closedAt)}</Fact>}
        <Fact label="Sales owner">{person(o.salesOwner)}</Fact>
        <Fact label="Sales engineer">{person(o.salesEngineer)}</Fact>
        <Fact label="Solutions architect">{person(o.solutionsArchitect)}</Fact>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
            Products
          </Text>
          <Group gap={4} justify="flex-end" wrap="wrap">
            {o.products.length === 0 && (
              <Text size="sm" c="dimmed">
                None listed
              </Text>
            )}
            {o.products.map((p) => (
              <Badge key={p} size="sm" variant="default">
                {p}
              </Badge>
            ))}
          </Group>
        </Group>
        {o.description && (
          <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {o.description}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          Created {formatDate(o.createdAt)}
          {o.createdBy ? ` by ${o.createdBy.name}` : ''} · updated {formatDateTime(o.updatedAt)}
        </Text>
      </Stack>
    </Card>
  );
}
