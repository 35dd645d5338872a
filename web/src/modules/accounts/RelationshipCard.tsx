import { BarChart } from '@mantine/charts';
import { Card, Divider, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatDate } from '../../ui/format';
import { IconCheck, IconX } from '@tabler/icons-react';
import { RelationshipBadge } from '../../ui/RelationshipBadge';
import type { RelationshipEvidence } from './api';
import { INTERACTION_KINDS, KIND_LABELS } from './labels';

/** The verdict and the evidence behind it, so nobody has to take "engaged" on trust. */
export function RelationshipCard({ evidence }: { evidence: RelationshipEvidence }) {
  const kinds = INTERACTION_KINDS.filter((k) => (evidence.kinds[k] ?? 0) > 0).map((k) => ({
    kind: KIND_LABELS[k],
    count: evidence.kinds[k] ?? 0,
  }));

  return (
    <Card aria-label="Relationship depth" component="section">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={4}>Relationship depth</Title>
          <RelationshipBadge value={evidence.verdict} size="lg" />
        </Group>
        <Text size="sm" c="dimmed">
          {evidence.verdict === 'engaged'
            ? 'Ongoing, interactive and deep: repeated contact over months.'
            : 'Few or short touches so far. Meet all criteria below to count as engaged.'}{' '}
          Based on the last {evidence.windowDays} days.
        </Text>
        <List spacing="xs" size="sm" center>
          {evidence.criteria.map((c) => (
            <List.Item
              key={c.label}
              icon={
                <ThemeIcon size={20} radius="xl" color={c.met ? 'teal' : 'gray'} variant={c.met ? 'filled' : 'light'}>
                  {c.met ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
              }
            >
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">{c.label}</Text>
                <Text size="sm" fw={600} c={c.met ? 'teal' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                  {c.actual} / {c.required}
                </Text>
              </Group>
            </List.Item>
          ))}
        </List>
        {evidence.activeEngagements > 0 && (
          <Text size="sm">
            {evidence.activeEngagements} active engagement{evidence.activeEngagements === 1 ? '' : 's'}
          </Text>
        )}
        <Divider />
        <SimpleGrid cols={3} spacing="xs">
          <Stat label="First contact" value={formatDate(evidence.firstAt)} />
          <Stat label="Last contact" value={formatDate(evidence.lastAt)} />
          <Stat label="Span" value={`${evidence.spanDays} days`} />
        </SimpleGrid>
        {kinds.length > 0 ? (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Interactions by kind
            </Text>
            <BarChart
              h={Math.max(90, kinds.length * 28)}
              data={kinds}
              dataKey="kind"
              orientation="vertical"
              series={[{ name: 'count', label: 'Interactions', color: 'indigo.5' }]}
              gridAxis="none"
              withXAxis={false}
              yAxisProps={{ width: 110 }}
              barProps={{ radius: 4 }}
              withBarValueLabel
            />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            No interactions in the window yet.
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}
