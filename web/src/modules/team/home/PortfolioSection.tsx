import { BarChart, DonutChart } from '@mantine/charts';
import { Badge, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { formatMoneyCompact } from '../../../ui/format';
import { IconBuilding, IconCalendar, IconChartBar, IconHeartHandshake } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { StatCard } from '../../../ui/StatCard';
import { useAccounts } from '../../accounts/api';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { RenewalsList, upcomingRenewals } from './RenewalsList';

const SAMPLE = 200;

/** A read-only view over the whole book of business, largest accounts first. */
export function PortfolioSection({ readOnly }: { readOnly: boolean }) {
  const accounts = useAccounts({ sort: 'arr', order: 'desc', limit: SAMPLE });
  if (accounts.isError) return <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const items = accounts.data?.items ?? [];
  const loading = accounts.isPending;
  const partial = Boolean(accounts.data?.nextCursor);
  const engaged = items.filter((a) => a.relationship === 'engaged').length;
  const renewals = upcomingRenewals(items);
  const bySegment = SEGMENTS.map((s) => ({
    segment: SEGMENT_LABELS[s],
    arr: items.filter((a) => a.segment === s).reduce((sum, a) => sum + a.arr, 0),
  }));

  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Title order={3}>Portfolio</Title>
        {readOnly && (
          <Badge variant="light" color="gray">
            Read-only
          </Badge>
        )}
        {partial && (
          <Text size="xs" c="dimmed">
            Largest {SAMPLE} accounts by ARR
          </Text>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <StatCard label="Accounts" value={partial ? `${SAMPLE}+` : items.length} icon={<IconBuilding size={18} />} loading={loading} />
        <StatCard
          label="Total ARR"
          value={formatMoneyCompact(items.reduce((s, a) => s + a.arr, 0))}
          icon={<IconChartBar size={18} />}
          loading={loading}
        />
        <StatCard
          label="Engaged"
          value={items.length ? `${Math.round((engaged / items.length) * 100)}%` : '—'}
          hint={`${engaged} of ${items.length} relationships`}
          icon={<IconHeartHandshake size={18} />}
          loading={loading}
        />
        <StatCard label="Renewals ≤ 90 days" value={renewals.length} icon={<IconCalendar size={18} />} loading={loading} />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card h="100%" component="section" aria-label="Relationship depth">
            <Title order={4} mb="md">
              Relationship depth
            </Title>
            {loading ? (
              <Skeleton height={180} />
            ) : (
              <Group justify="center">
                <DonutChart
                  withLabelsLine={false}
                  withTooltip
                  chartLabel={`${engaged} engaged`}
                  data={[
                    { name: 'Engaged', value: engaged, color: 'green.6' },
                    { name: 'Transactional', value: items.length - engaged, color: 'gray.4' },
                  ]}
                />
              </Group>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card h="100%" component="section" aria-label="ARR by segment">
            <Title order={4} mb="md">
              ARR by segment
            </Title>
            {loading ? (
              <Skeleton height={180} />
            ) : (
              <BarChart
                h={200}
                data={bySegment}
                dataKey="segment"
                series={[{ name: 'arr', label: 'ARR', color: 'indigo.6' }]}
                valueFormatter={formatMoneyCompact}
                gridAxis="y"
                barProps={{ radius: 4 }}
              />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Card h="100%" component="section" aria-label="Upcoming renewals">
            <Title order={4} mb="md">
              Renewals in the next 90 days
            </Title>
            {loading ? <Skeleton height={180} /> : <RenewalsList accounts={renewals} />}
          </Card>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
