import { BarChart, LineChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate, humanize } from '../../../ui/format';
import { REVIEW_CHART_CAPTIONS, type ReviewData } from './api';

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Stack>
  );
}

function Chart({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <Card withBorder component="figure" m={0} style={{ minWidth: 0 }}>
      {children}
      <Text component="figcaption" size="xs" c="dimmed" ta="center" mt="xs">
        {caption}
      </Text>
    </Card>
  );
}

/** The generated figures of a review: headline numbers, charts and tables. Never edited. */
export function ReviewFigures({ data }: { data: ReviewData }) {
  return (
    <Stack gap="md" component="section" aria-label="Figures">
      <Title order={3}>Figures</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label="Health" value={data.health.score === null ? '—' : `${data.health.score} (${data.health.grade ?? '—'})`} />
        <Figure label="SLA attainment" value={pct(data.sla.attainment)} />
        <Figure label="Tickets opened" value={data.tickets.total} />
        <Figure label="Feature adoption" value={pct(data.adoption.featureAdoption)} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Chart caption={REVIEW_CHART_CAPTIONS.ticketsByPriority}>
          <BarChart
            h={180}
            data={data.tickets.byPriority}
            dataKey="priority"
            series={[{ name: 'count', label: 'Tickets', color: 'blue.6' }]}
          />
        </Chart>
        <Chart caption={REVIEW_CHART_CAPTIONS.healthTrend}>
          {data.health.trend.length ? (
            <LineChart
              h={180}
              data={data.health.trend}
              dataKey="day"
              yAxisProps={{ domain: [0, 100] }}
              series={[{ name: 'score', label: 'Score', color: 'teal.6' }]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              No snapshots in this period.
            </Text>
          )}
        </Chart>
        <Chart caption={REVIEW_CHART_CAPTIONS.adoption}>
          {data.adoption.features.length ? (
            <BarChart
              h={180}
              data={data.adoption.features}
              dataKey="feature"
              series={[{ name: 'events', label: 'Events', color: 'violet.6' }]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              No licensed features recorded.
            </Text>
          )}
        </Chart>
      </SimpleGrid>
      <Group gap="xl" wrap="wrap" align="flex-start">
        {data.tickets.topIssues.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Top issues
            </Text>
            {data.tickets.topIssues.map((i) => (
              <Text key={i.label} size="sm">
                {i.label} ({i.count})
              </Text>
            ))}
          </Stack>
        )}
        {data.feedbackShipped.length > 0 && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Shipped at their request
            </Text>
            {data.feedbackShipped.map((r) => (
              <Text key={r.id} size="sm">
                {r.title} ({formatDate(r.shippedAt)})
              </Text>
            ))}
          </Stack>
        )}
        {data.renewal && (
          <Stack gap={4}>
            <Text fw={600} size="sm">
              Renewal
            </Text>
            <Text size="sm">
              {data.renewal.renewalDate ? formatDate(data.renewal.renewalDate) : 'Not dated'} · risk {data.renewal.risk}
            </Text>
          </Stack>
        )}
      </Group>
      {data.engagements.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Engagement</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Tasks done</Table.Th>
                <Table.Th>Go-live</Table.Th>
                <Table.Th>Days to value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.engagements.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{humanize(e.status)}</Table.Td>
                  <Table.Td>{pct(e.percentDone)}</Table.Td>
                  <Table.Td>{formatDate(e.actualGoLiveDate ?? e.targetGoLiveDate)}</Table.Td>
                  <Table.Td>{e.daysToValue ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.environments.length > 0 && (
        <Table.ScrollContainer minWidth={360}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Environment</Table.Th>
                <Table.Th>Version</Table.Th>
                <Table.Th>Releases behind</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.environments.map((e) => (
                <Table.Tr key={e.name}>
                  <Table.Td>{e.name}</Table.Td>
                  <Table.Td>{e.version}</Table.Td>
                  <Table.Td>{e.behind}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
