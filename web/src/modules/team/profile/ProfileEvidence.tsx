import { DonutChart } from '@mantine/charts';
import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { CATEGORY_COLORS, CATEGORY_LABELS, CATEGORY_ORDER, hours } from '../view/categories';
import type { MemberProfile, Relationship } from './api';

const pct = (share: number) => `${Math.round(share * 1000) / 10} %`;
const day = (d: string) => dayjs(d).format('D MMM YYYY');

/** One of the two conditions: whether it holds, and the figure against its threshold. */
function Condition({ title, holds, figure, detail }: { title: string; holds: boolean; figure: string; detail: string }) {
  return (
    <Card data-testid={`condition-${holds ? 'holds' : 'fails'}`}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon color={holds ? 'teal' : 'red'} variant="light" radius="xl">
          {holds ? <IconCheck size={16} /> : <IconX size={16} />}
        </ThemeIcon>
        <Stack gap={2}>
          <Text fw={600}>{title}</Text>
          <Text size="xl" fw={700}>
            {figure}
          </Text>
          <Text size="sm" c="dimmed">
            {detail}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

export function ProfileConditions({ profile }: { profile: MemberProfile }) {
  const { rules } = profile;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Condition
        title="Hands-on technical work"
        holds={profile.conditions.handsOn}
        figure={profile.handsOnShare === null ? 'No time logged' : pct(profile.handsOnShare)}
        detail={`Engineering ÷ all logged time; needs ${pct(rules.handsOnThreshold)}. ${hours(profile.minutesByCategory.engineering)} of ${hours(profile.totalMinutes)}.`}
      />
      <Condition
        title="Deep customer relationship"
        holds={profile.conditions.deepRelationship}
        figure={`${profile.deepRelationships.length} ${profile.deepRelationships.length === 1 ? 'account' : 'accounts'}`}
        detail={`Contact on ${rules.minWeeks}+ weeks over ${rules.minSpanDays}+ days, on an engaged customer account.`}
      />
    </SimpleGrid>
  );
}

export function TimeByCategoryChart({ profile }: { profile: MemberProfile }) {
  const data = CATEGORY_ORDER.filter((c) => profile.minutesByCategory[c] > 0).map((c) => ({
    name: CATEGORY_LABELS[c],
    value: Math.round((profile.minutesByCategory[c] / 60) * 10) / 10,
    color: CATEGORY_COLORS[c],
  }));
  return (
    <Card data-testid="time-by-category">
      <Title order={4} mb="sm">
        Time by category
      </Title>
      {data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No time logged in this period.
        </Text>
      ) : (
        <Group align="center" justify="center" gap="xl" wrap="wrap">
          <DonutChart
            data={data}
            withTooltip
            tooltipDataSource="segment"
            valueFormatter={(v) => `${v} h`}
            chartLabel={hours(profile.totalMinutes)}
            size={180}
            thickness={26}
          />
          <Stack gap={4}>
            {CATEGORY_ORDER.map((c) => (
              <Group key={c} gap="xs" wrap="nowrap">
                <Badge color={CATEGORY_COLORS[c]} variant="filled" size="xs" circle>
                  {' '}
                </Badge>
                <Text size="sm" w={110}>
                  {CATEGORY_LABELS[c]}
                </Text>
                <Text size="sm" fw={600}>
                  {hours(profile.minutesByCategory[c])}
                </Text>
                <Text size="sm" c="dimmed">
                  {profile.totalMinutes ? pct(profile.minutesByCategory[c] / profile.totalMinutes) : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Group>
      )}
    </Card>
  );
}

function RelationshipRows({ rows, deep }: { rows: (Relationship & { reason?: string })[]; deep: boolean }) {
  return rows.map((r) => (
    <Table.Tr key={r.accountId}>
      <Table.Td>
        <Anchor component={Link} to={`/accounts/${r.accountId}`}>
          {r.accountName}
        </Anchor>
        {!deep && r.reason && (
          <Text size="xs" c="dimmed">
            {r.reason}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{r.weeks}</Table.Td>
      <Table.Td visibleFrom="sm">{day(r.firstDate)}</Table.Td>
      <Table.Td visibleFrom="sm">{day(r.lastDate)}</Table.Td>
      <Table.Td>
        <Badge color={deep ? 'teal' : 'gray'} variant="light">
          {deep ? 'Deep' : 'Not deep'}
        </Badge>
      </Table.Td>
    </Table.Tr>
  ));
}

export function RelationshipsCard({ profile }: { profile: MemberProfile }) {
  const empty = !profile.deepRelationships.length && !profile.otherRelationships.length;
  return (
    <Card data-testid="relationships">
      <Title order={4} mb="sm">
        Customer relationships
      </Title>
      {empty ? (
        <Text c="dimmed" size="sm">
          No interactions attended and no customer-linked time in this period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Account</Table.Th>
                <Table.Th>Weeks</Table.Th>
                <Table.Th visibleFrom="sm">First contact</Table.Th>
                <Table.Th visibleFrom="sm">Last contact</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <RelationshipRows rows={profile.deepRelationships} deep />
              <RelationshipRows rows={profile.otherRelationships} deep={false} />
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

export function ReasonsCard({ profile }: { profile: MemberProfile }) {
  return (
    <Card data-testid="reasons">
      <Title order={4} mb="sm">
        Why
      </Title>
      <List spacing="xs" size="sm">
        {profile.reasons.map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
    </Card>
  );
}
