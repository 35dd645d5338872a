import { AreaChart } from '@mantine/charts';
import { Badge, Button, Card, Divider, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport, IconLicense } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useAdoption, type Adoption } from './api';
import { EditLicencesModal } from './EditLicencesModal';
import { ImportUsageModal } from './ImportUsageModal';

const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);
const signedPct = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(Math.round(value))}%`;

/**
 * How much of what the customer bought they use: licensed features used in the last 30 days, seats
 * in use, the active-user trend against the 30 days before, and each licensed feature — the ones
 * never used stand out, as they do in the health drivers.
 */
export function AccountAdoptionCard({ accountId }: { accountId: string }) {
  const adoption = useAdoption(accountId);
  return (
    <Card component="section" aria-label="Adoption" id="adoption">
      {adoption.isPending && (
        <Stack gap="sm">
          <Title order={4}>Adoption</Title>
          <Skeleton height={56} />
          <Skeleton height={160} />
        </Stack>
      )}
      {adoption.isError && (
        <Stack gap="sm">
          <Title order={4}>Adoption</Title>
          <QueryError error={adoption.error} onRetry={() => void adoption.refetch()} />
        </Stack>
      )}
      {adoption.isSuccess && <AdoptionBody accountId={accountId} adoption={adoption.data} />}
    </Card>
  );
}

function Figure({ label, value, hint, testId }: { label: string; value: string; hint: string; testId: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Stack>
  );
}

function AdoptionBody({ accountId, adoption }: { accountId: string; adoption: Adoption }) {
  const { can } = useAuth();
  const mayWrite = can('success.write');
  const [licencesOpen, licences] = useDisclosure();
  const [importOpen, importer] = useDisclosure();
  const licensed = adoption.licensedFeatures;
  const usedCount = licensed.filter((f) => f.usedInLast30Days).length;
  const hasUsage = adoption.daily.some((d) => d.events > 0 || d.activeUsers > 0);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={4}>Adoption</Title>
        {mayWrite && (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconLicense size={14} />} onClick={licences.open}>
              Edit licences
            </Button>
            <Button size="xs" variant="default" leftSection={<IconFileImport size={14} />} onClick={importer.open}>
              Import usage
            </Button>
          </Group>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <Figure
          label="Feature adoption"
          value={pct(adoption.featureAdoption)}
          hint={licensed.length ? `${usedCount} of ${licensed.length} licensed features used in 30 days` : 'No licensed features set'}
          testId="feature-adoption"
        />
        <Figure
          label="Seat utilisation"
          value={pct(adoption.seatUtilisation)}
          hint={
            adoption.seats === null
              ? `${adoption.activeUsers} active users; no seats set`
              : `${adoption.activeUsers} of ${adoption.seats} seats active in 30 days`
          }
          testId="seat-utilisation"
        />
        <Figure
          label="Active users trend"
          value={signedPct(adoption.activeUserTrend)}
          hint={adoption.activeUserTrend === null ? 'No usage in the 30 days before to compare with' : 'Last 30 days against the 30 before'}
          testId="active-user-trend"
        />
      </SimpleGrid>

      {hasUsage ? (
        <AreaChart
          h={180}
          data={adoption.daily}
          dataKey="day"
          curveType="monotone"
          withDots={false}
          fillOpacity={0.3}
          xAxisProps={{ tickFormatter: (day: string) => dayjs(day).format('D MMM'), minTickGap: 24 }}
          yAxisProps={{ width: 36, allowDecimals: false }}
          series={[{ name: 'activeUsers', label: 'Active users', color: 'teal.6' }]}
          role="img"
          aria-label={`Active users per day over ${adoption.daily.length} days; ${adoption.activeUsers} in the last 30 days`}
        />
      ) : (
        <Text size="sm" c="dimmed">
          No usage received in the last {adoption.daily.length} days. Products post it to /api/usage/events with an API token scoped
          usage:write.
        </Text>
      )}

      <Divider label="Licensed features" labelPosition="left" />
      {licensed.length === 0 ? (
        <Text size="sm" c="dimmed">
          No licensed features yet{mayWrite ? ': add them with “Edit licences”.' : '.'}
        </Text>
      ) : (
        <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Licensed features">
          {licensed.map((f) => (
            <Group key={f.feature} component="li" justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {f.feature}
              </Text>
              {f.usedInLast30Days ? (
                <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                  {f.eventsLast30Days} events
                </Badge>
              ) : f.lastUsedOn ? (
                <Badge variant="light" color="yellow" style={{ flexShrink: 0 }}>
                  last used {formatDate(f.lastUsedOn)}
                </Badge>
              ) : (
                <Badge variant="light" color="red" style={{ flexShrink: 0 }}>
                  never used
                </Badge>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {adoption.unlicensedFeaturesUsed.length > 0 && (
        <Text size="sm" c="dimmed">
          Used without a licence: {adoption.unlicensedFeaturesUsed.map((f) => f.feature).join(', ')}
        </Text>
      )}

      {mayWrite && <EditLicencesModal accountId={accountId} opened={licencesOpen} onClose={licences.close} />}
      {mayWrite && <ImportUsageModal accountId={accountId} opened={importOpen} onClose={importer.close} />}
    </Stack>
  );
}
