import { BarChart } from '@mantine/charts';
import {
  Anchor,
  Badge,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconServer2, IconAlertTriangle, IconClockExclamation } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { ExportMenu } from '../../../ui/ExportMenu';
import { QueryError } from '../../../ui/QueryError';
import { StatCard } from '../../../ui/StatCard';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { SEGMENT_LABELS, SEGMENTS } from '../../accounts/labels';
import { behindColor, HOSTING_KINDS, HOSTING_LABELS, useMatrix, type EnvironmentSummary, type MatrixFilters } from './api';
import { BehindBadge } from './parts';
import { compareVersionText } from './version-order';

const FILTER_KEYS = ['product', 'segments', 'hosting', 'name', 'minBehind'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
const ACCOUNTS_PER_PAGE = 50;

/** The environment matrix: accounts × the product's releases, coloured by versions behind, a page of accounts at a time. */
export function EnvironmentsPage() {
  const url = useUrlFilters(FILTER_KEYS);
  const pages = useCursorPages(url.cursor, url.setCursor);
  // A changed filter starts again from the first page of accounts.
  const set = (key: FilterKey, value: string | null) => {
    pages.reset();
    url.setFilter(key, value);
  };
  const [name] = useDebouncedValue(url.get('name') ?? '', 300);
  const filters: MatrixFilters = {
    product: url.get('product') ?? undefined,
    segments: url.get('segments') ?? undefined,
    hosting: url.get('hosting') ?? undefined,
    name: name || undefined,
    minBehind: url.get('minBehind') ? Number(url.get('minBehind')) : undefined,
    cursor: url.cursor,
    limit: ACCOUNTS_PER_PAGE,
  };
  const matrix = useMatrix(filters);
  const data = matrix.data;

  return (
    <Stack gap="lg">
      <PageHeader
        title="Environments"
        description="Every customer environment by the release it runs; colours show how far behind the latest release it is."
        actions={<ExportMenu path="/api/environments/export" query={{ ...filters, product: data?.product ?? filters.product }} />}
      />
      <Card p={0}>
        <FilterBar>
          <Select
            label="Product"
            data={data?.products ?? []}
            value={data?.product ?? url.get('product') ?? null}
            onChange={(v) => set('product', v)}
            allowDeselect={false}
            w={filterWidth(220)}
          />
          <MultiSelect
            label="Segment"
            placeholder="All segments"
            data={SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))}
            value={url.get('segments')?.split(',').filter(Boolean) ?? []}
            onChange={(v) => set('segments', v.join(','))}
            w={filterWidth(260)}
            clearable
          />
          <MultiSelect
            label="Hosting"
            placeholder="Any hosting"
            data={HOSTING_KINDS.map((h) => ({ value: h, label: HOSTING_LABELS[h] }))}
            value={url.get('hosting')?.split(',').filter(Boolean) ?? []}
            onChange={(v) => set('hosting', v.join(','))}
            w={filterWidth(240)}
            clearable
          />
          <TextInput
            label="Environment name"
            placeholder="production"
            value={url.get('name') ?? ''}
            onChange={(e) => set('name', e.currentTarget.value)}
            w={filterWidth(170)}
          />
          <NumberInput
            label="Behind at least"
            min={0}
            max={50}
            value={url.get('minBehind') ?? ''}
            onChange={(v) => set('minBehind', v === '' ? null : String(v))}
            w={filterWidth(130)}
          />
        </FilterBar>
      </Card>

      {matrix.isError && <QueryError error={matrix.error} onRetry={() => void matrix.refetch()} />}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatCard
          label="Environments"
          value={data?.totals.environments ?? '—'}
          hint={data ? `at ${data.totals.accounts} accounts` : undefined}
          icon={<IconServer2 size={20} />}
          loading={matrix.isPending}
        />
        <StatCard
          label="Current"
          value={<span data-testid="total-current">{data?.totals.current ?? '—'}</span>}
          hint="on the latest release"
          icon={<IconCircleCheck size={20} />}
          loading={matrix.isPending}
        />
        <StatCard
          label="1–2 behind"
          value={data?.totals.slightlyBehind ?? '—'}
          icon={<IconClockExclamation size={20} />}
          loading={matrix.isPending}
        />
        <StatCard
          label="3 or more behind"
          value={data?.totals.farBehind ?? '—'}
          icon={<IconAlertTriangle size={20} />}
          loading={matrix.isPending}
        />
      </SimpleGrid>

      {matrix.isPending && <Skeleton height={400} />}
      {data && data.product === null && (
        <EmptyState
          icon={<IconServer2 size={18} />}
          title="No releases yet"
          description="Add the product’s releases under Admin › Releases, then register environments on accounts."
        />
      )}
      {data && data.product !== null && (
        <>
          {data.releases.length > 0 && data.totals.environments > 0 && (
            <Card>
              <Text fw={600} mb="sm">
                Environments per release
              </Text>
              <BarChart
                h={180}
                dataKey="version"
                data={[...data.releases]
                  .reverse()
                  .map((r) => ({ version: r.version, Environments: data.totals.byVersion[r.version] ?? 0 }))}
                series={[{ name: 'Environments', color: 'blue.6' }]}
                gridAxis="y"
              />
            </Card>
          )}
          <Card p={0}>
            {data.rows.length === 0 ? (
              <EmptyState icon={<IconServer2 size={18} />} title="No environments match" description="Loosen the filters to see more." />
            ) : (
              <Table.ScrollContainer minWidth={300 + data.releases.length * 90}>
                <Table withColumnBorders stickyHeader aria-label="Environment matrix">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th miw={200}>Account</Table.Th>
                      {data.releases.map((r) => (
                        <Table.Th key={r.id} ta="center">
                          <Tooltip label={`Released ${r.releasedOn}${r.supported ? '' : ' · end of life'}`}>
                            <Text size="sm" fw={700} td={r.supported ? undefined : 'line-through'}>
                              {r.version}
                            </Text>
                          </Tooltip>
                        </Table.Th>
                      ))}
                      <Table.Th>Worst</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.rows.map((row) => {
                      const worst = row.environments.reduce((m, e) => Math.max(m, e.versionsBehind), 0);
                      return (
                        <Table.Tr key={row.account.id} data-testid={`matrix-row-${row.account.name}`}>
                          <Table.Td>
                            <Anchor component={Link} to={`/accounts/${row.account.id}`} size="sm" fw={500}>
                              {row.account.name}
                            </Anchor>
                            <Text size="xs" c="dimmed">
                              {SEGMENT_LABELS[row.account.segment]}
                            </Text>
                          </Table.Td>
                          {data.releases.map((r) => (
                            <Table.Td key={r.id} ta="center">
                              <Group gap={4} justify="center">
                                {row.environments
                                  .filter((e) => compareVersionText(e.version, r.version) === 0)
                                  .map((e) => (
                                    <EnvironmentChip key={e.id} env={e} />
                                  ))}
                              </Group>
                            </Table.Td>
                          ))}
                          <Table.Td>
                            <BehindBadge behind={worst} latest={data.releases[0]?.version ?? null} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                  <Table.Tfoot>
                    <Table.Tr>
                      <Table.Th>Total ({data.totals.environments})</Table.Th>
                      {data.releases.map((r) => (
                        <Table.Th key={r.id} ta="center">
                          {data.totals.byVersion[r.version] ?? 0}
                        </Table.Th>
                      ))}
                      <Table.Th />
                    </Table.Tr>
                  </Table.Tfoot>
                </Table>
              </Table.ScrollContainer>
            )}
            {(data.nextCursor || pages.hasPrevious) && (
              <Stack px="md" pb="md">
                <CursorPager
                  page={pages.page}
                  shown={data.rows.length}
                  hasPrevious={pages.hasPrevious}
                  hasNext={Boolean(data.nextCursor)}
                  onPrevious={pages.previous}
                  onNext={() => data.nextCursor && pages.next(data.nextCursor)}
                />
              </Stack>
            )}
          </Card>
        </>
      )}
    </Stack>
  );
}

function EnvironmentChip({ env }: { env: EnvironmentSummary }) {
  return (
    <Tooltip label={`${env.name} · ${env.version} · ${env.versionsBehind === 0 ? 'current' : `${env.versionsBehind} behind`}`}>
      <Badge
        component={Link}
        to={`/environments/${env.id}`}
        color={behindColor(env.versionsBehind)}
        variant="filled"
        size="sm"
        style={{ cursor: 'pointer', textTransform: 'none' }}
        data-behind={env.versionsBehind}
      >
        {env.name}
      </Badge>
    </Tooltip>
  );
}
