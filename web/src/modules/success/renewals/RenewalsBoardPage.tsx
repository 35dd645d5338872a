import { Anchor, Badge, Box, Card, Group, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { formatDate, formatMoney, formatMoneyCompact } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { useMemberOptions } from '../../team/api';
import { options } from '../labels';
import {
  FORECAST_COLORS,
  RENEWAL_FORECASTS,
  RENEWAL_FORECAST_LABELS,
  RENEWAL_RISK_LABELS,
  RISK_COLORS,
  useRenewalBoard,
  type BoardFilters,
  type RenewalBoard,
} from './api';
import { DEFAULT_SPAN, QUARTER_SPANS, parseQuarter, quarterChoices, quarterOf, windowDates } from './quarter-window';

const FILTERS = ['start', 'span', 'segment', 'forecast', 'ownerId'] as const;
const FORECAST_FILTER_LABELS = { ...RENEWAL_FORECAST_LABELS, none: 'No forecast' };

type Quarter = RenewalBoard['quarters'][number];

/** Renewals by calendar quarter (this one and the next three unless another window is picked), with ARR totals per forecast. */
export function RenewalsBoardPage() {
  const filters = useUrlFilters(FILTERS);
  const { start, span, ...rest } = filters.values;
  const window = windowDates(parseQuarter(start) ?? quarterOf(new Date()), Number(span ?? DEFAULT_SPAN));
  const board = useRenewalBoard({ ...(rest as BoardFilters), ...window });
  const members = useMemberOptions();
  return (
    <>
      <PageHeader title="Renewals" description="Renewals by quarter, with ARR by forecast and each account’s risk." />
      <FilterBar active={filters.active} onClear={filters.clear} withBorder>
        <Select
          label="From quarter"
          placeholder="This quarter"
          clearable
          data={quarterChoices()}
          value={start ?? null}
          onChange={(v) => filters.setFilter('start', v)}
          w={filterWidth(190)}
        />
        <Select
          label="Quarters"
          data={QUARTER_SPANS.map((n) => ({ value: n, label: n === '1' ? '1 quarter' : `${n} quarters` }))}
          value={span ?? DEFAULT_SPAN}
          onChange={(v) => filters.setFilter('span', v === DEFAULT_SPAN ? null : v)}
          allowDeselect={false}
          w={filterWidth(130)}
        />
        <Select
          label="Segment"
          placeholder="Any"
          clearable
          data={options(SEGMENTS, SEGMENT_LABELS)}
          value={filters.values.segment ?? null}
          onChange={(v) => filters.setFilter('segment', v)}
          w={filterWidth(160)}
        />
        <Select
          label="Forecast"
          placeholder="Any"
          clearable
          data={options([...RENEWAL_FORECASTS, 'none'] as const, FORECAST_FILTER_LABELS)}
          value={filters.values.forecast ?? null}
          onChange={(v) => filters.setFilter('forecast', v)}
          w={filterWidth(160)}
        />
        <Select
          label="Owner"
          placeholder="Anyone"
          clearable
          searchable
          data={members.options}
          value={filters.values.ownerId ?? null}
          onChange={(v) => filters.setFilter('ownerId', v)}
          w={filterWidth(180)}
        />
      </FilterBar>
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && (
        <ScrollArea type="auto" offsetScrollbars mt="md" aria-label="Renewals by quarter">
          <Group align="flex-start" wrap="nowrap" gap="md" pb="sm">
            {board.data.quarters.map((q) => (
              <QuarterColumn key={q.label} quarter={q} />
            ))}
          </Group>
        </ScrollArea>
      )}
    </>
  );
}

function QuarterColumn({ quarter }: { quarter: Quarter }) {
  const t = quarter.totals;
  return (
    <Stack component="section" aria-label={quarter.label} gap="xs" w={280} miw={280} style={{ flexShrink: 0 }}>
      <Box>
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h5">
            {quarter.label}
          </Title>
          <Text size="sm" fw={600} aria-label={`${quarter.label} total ARR`}>
            {formatMoney(t.all)}
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          Commit {formatMoneyCompact(t.commit)} · Likely {formatMoneyCompact(t.likely)} · At risk {formatMoneyCompact(t.at_risk)} · None{' '}
          {formatMoneyCompact(t.none)}
        </Text>
      </Box>
      {quarter.items.length === 0 && (
        <Text size="sm" c="dimmed">
          No renewals.
        </Text>
      )}
      {quarter.items.map((item) => (
        <Card key={item.account.id} withBorder padding="sm" component="article" aria-label={item.account.name}>
          <Stack gap={4}>
            <Anchor component={Link} to={`/accounts/${item.account.id}`} fw={600} size="sm">
              {item.account.name}
            </Anchor>
            <Group justify="space-between" gap="xs">
              <Text size="sm">{formatMoney(item.arr)}</Text>
              <Text size="xs" c="dimmed">
                {formatDate(item.renewalDate)}
              </Text>
            </Group>
            <Group gap={6}>
              {item.forecast ? (
                <Badge size="sm" variant="light" color={FORECAST_COLORS[item.forecast]}>
                  {RENEWAL_FORECAST_LABELS[item.forecast]}
                </Badge>
              ) : (
                <Badge size="sm" variant="outline" color="gray">
                  No forecast
                </Badge>
              )}
              <Badge size="sm" variant="light" color={RISK_COLORS[item.risk]} title={item.reasons.join('; ') || undefined}>
                {RENEWAL_RISK_LABELS[item.risk]}
              </Badge>
            </Group>
            {item.reasons.length > 0 && (
              <Text size="xs" c="dimmed">
                {item.reasons.join(' · ')}
              </Text>
            )}
            {item.owner && (
              <Text size="xs" c="dimmed">
                {item.owner.name}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
