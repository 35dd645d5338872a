import { Anchor, Badge, Button, Card, Grid, Group, SimpleGrid, Skeleton, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatMoneyCompact, formatMoney } from '../../../ui/format';
import { IconBuilding, IconCalendar, IconChartBar, IconHeartHandshake } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { RelationshipBadge } from '../../../ui/RelationshipBadge';
import { StatCard } from '../../../ui/StatCard';
import { useAccounts } from '../../accounts/api';
import { STAGE_COLORS, STAGE_LABELS } from '../../accounts/labels';
import { RenewalsList, upcomingRenewals } from './RenewalsList';

/** The accounts on which this member sits on the account team. */
export function MyAccountsSection({ memberId }: { memberId: string }) {
  const accounts = useAccounts({ memberId, sort: 'renewal_date', order: 'asc', limit: 200 });
  if (accounts.isError) return <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} />;

  const items = accounts.data?.items ?? [];
  const loading = accounts.isPending;
  const engaged = items.filter((a) => a.relationship === 'engaged').length;
  const renewals = upcomingRenewals(items);
  const totalArr = items.reduce((sum, a) => sum + a.arr, 0);

  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <StatCard label="My accounts" value={items.length} icon={<IconBuilding size={18} />} loading={loading} />
        <StatCard label="ARR I cover" value={formatMoneyCompact(totalArr)} icon={<IconChartBar size={18} />} loading={loading} />
        <StatCard
          label="Engaged"
          value={items.length ? `${Math.round((engaged / items.length) * 100)}%` : '—'}
          hint={`${engaged} of ${items.length} relationships`}
          icon={<IconHeartHandshake size={18} />}
          loading={loading}
        />
        <StatCard
          label="Renewals ≤ 90 days"
          value={renewals.length}
          hint={formatMoneyCompact(renewals.reduce((s, a) => s + a.arr, 0))}
          icon={<IconCalendar size={18} />}
          loading={loading}
        />
      </SimpleGrid>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card component="section" aria-label="My accounts">
            <Group justify="space-between" mb="md">
              <Title order={4}>My accounts</Title>
              <Button component={Link} to={`/accounts?owner=${memberId}`} variant="subtle" size="xs">
                Open in accounts list
              </Button>
            </Group>
            {loading && <Skeleton height={200} />}
            {!loading && items.length === 0 && (
              <EmptyState
                icon={<IconBuilding size={18} />}
                title="You are on no account teams yet"
                description="When an account team names you, the account shows here."
              />
            )}
            {items.length > 0 && (
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Account</Table.Th>
                      <Table.Th>Stage</Table.Th>
                      <Table.Th style={{ textAlign: 'right' }}>ARR</Table.Th>
                      <Table.Th>Renewal</Table.Th>
                      <Table.Th>Relationship</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((a) => (
                      <Table.Tr key={a.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/accounts/${a.id}`} size="sm" fw={600}>
                            {a.name}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="dot" color={STAGE_COLORS[a.lifecycleStage]} size="sm">
                            {STAGE_LABELS[a.lifecycleStage]}
                          </Badge>
                        </Table.Td>
                        <Table.Td style={{ textAlign: 'right' }}>{formatMoney(a.arr)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDate(a.renewalDate)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <RelationshipBadge value={a.relationship} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card component="section" aria-label="Upcoming renewals">
            <Title order={4} mb="md">
              Renewals in the next 90 days
            </Title>
            {loading ? <Skeleton height={160} /> : <RenewalsList accounts={renewals} />}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}
