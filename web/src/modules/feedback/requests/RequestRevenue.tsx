import { BarChart } from '@mantine/charts';
import { Anchor, Badge, Card, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatMoney, formatMoneyCompact } from '../../../ui/format';
import { SEGMENT_LABELS } from '../../accounts/labels';
import { IMPACT_COLORS, IMPACT_LABELS } from '../items/labels';
import type { FeatureRequest } from './api';
import { formatScore } from './labels';

/** ARR behind the request by customer segment. */
export function RevenueBySegmentCard({ request }: { request: FeatureRequest }) {
  const data = request.revenueBySegment.map((s) => ({ segment: SEGMENT_LABELS[s.segment], ARR: s.arr, customers: s.customerCount }));
  return (
    <Card component="section" aria-label="Revenue by segment">
      <Title order={4} mb="md">
        Revenue by segment
      </Title>
      {request.revenueBySegment.every((s) => s.arr === 0) ? (
        <Text size="sm" c="dimmed">
          No revenue is behind this request yet.
        </Text>
      ) : (
        <BarChart
          h={220}
          dataKey="segment"
          data={data}
          series={[{ name: 'ARR', color: 'indigo.6' }]}
          valueFormatter={(v) => formatMoneyCompact(v)}
          gridAxis="y"
        />
      )}
    </Card>
  );
}

/** Every account behind the request and what it adds to the score, the largest first. */
export function RequestAccountsCard({ request }: { request: FeatureRequest }) {
  const accounts = [...request.accounts].sort((a, b) => b.contribution - a.contribution);
  return (
    <Card component="section" aria-label="Accounts" p={0}>
      <Title order={4} p="md" pb="xs">
        Accounts ({accounts.length})
      </Title>
      {accounts.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" pb="md">
          Link feedback to this request to see who wants it.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Accounts behind the request">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Segment</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>ARR</Table.Th>
                <Table.Th>Strongest impact</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>Contribution</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/accounts/${a.id}`} size="sm" fw={500}>
                      {a.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {a.itemCount} {a.itemCount === 1 ? 'item' : 'items'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{SEGMENT_LABELS[a.segment]}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatMoney(a.arr)}</Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={IMPACT_COLORS[a.impact]}>
                      {IMPACT_LABELS[a.impact]}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{formatScore(a.contribution)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
