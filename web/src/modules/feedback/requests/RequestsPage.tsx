import { Anchor, Badge, Button, Select, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBulb, IconPlus } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { formatMoney } from '../../../ui/format';
import { ListScreen } from '../../../ui/ListScreen';
import { PageHeader } from '../../../ui/PageHeader';
import { SortableTh } from '../../../ui/SortableTh';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { SEGMENT_LABELS, SEGMENTS, STAGE_LABELS, STAGES, options } from '../../accounts/labels';
import { useFeatureRequests, useProductAreas, type FeatureRequestSummary } from './api';
import { formatScore, REQUEST_STATUSES, STATUS_COLORS, STATUS_LABELS, type RequestSort } from './labels';
import { RequestFormModal } from './RequestFormModal';
import { useRequestFilters } from './use-request-filters';

const COLUMNS = 9;
const NUMERIC = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/**
 * Feature requests ranked by the revenue behind them. On a phone the table scrolls sideways with
 * the title and the score first, so both stay in view.
 */
export function RequestsPage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const filters = useRequestFilters();
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const requests = useFeatureRequests(filters.query);
  const areas = useProductAreas();
  const [createOpen, create] = useDisclosure();
  const items = requests.data?.items ?? [];

  const setFilter = (key: Parameters<typeof filters.setFilter>[0], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };
  const sortBy = (column: RequestSort) => {
    pages.reset();
    filters.setSort(column);
  };
  // The server ranks each column one way: the largest figure (or the newest) first, titles A–Z.
  const th = (column: RequestSort, label: string, align: 'left' | 'right' = 'right') => (
    <SortableTh active={filters.sort === column} order={column === 'title' ? 'asc' : 'desc'} onSort={() => sortBy(column)} align={align}>
      {label}
    </SortableTh>
  );

  return (
    <>
      <PageHeader
        title="Feature requests"
        description="Ranked by score: each customer’s ARR × the strongest impact they stated, plus the pipeline they block."
        actions={
          can('feedback.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
              New request
            </Button>
          )
        }
      />
      <ListScreen
        exportTo={{ path: '/api/feature-requests/export', query: filters.query }}
        header={
          <FilterBar
            search={{ placeholder: 'Title or description', value: filters.values.q, onSearch: (q) => setFilter('q', q) }}
            active={filters.active}
            onClear={() => {
              pages.reset();
              filters.clear();
            }}
          >
            <Select
              label="Segment"
              placeholder="Any"
              clearable
              data={options(SEGMENTS, SEGMENT_LABELS)}
              value={filters.values.segment ?? null}
              onChange={(v) => setFilter('segment', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Lifecycle stage"
              placeholder="Any"
              clearable
              data={options(STAGES, STAGE_LABELS)}
              value={filters.values.stage ?? null}
              onChange={(v) => setFilter('stage', v)}
              w={filterWidth(150)}
            />
            <Select
              label="Product area"
              placeholder="Any"
              clearable
              searchable
              data={areas}
              value={filters.values.area ?? null}
              onChange={(v) => setFilter('area', v)}
              w={filterWidth(170)}
            />
            <Select
              label="Status"
              placeholder="Any"
              clearable
              data={options(REQUEST_STATUSES, STATUS_LABELS)}
              value={filters.values.status ?? null}
              onChange={(v) => setFilter('status', v)}
              w={filterWidth(150)}
            />
          </FilterBar>
        }
        query={requests}
        rowCount={items.length}
        columns={COLUMNS}
        minWidth={1050}
        tableProps={{ 'aria-label': 'Feature requests', highlightOnHover: true }}
        head={
          <>
            {th('title', 'Request', 'left')}
            {th('score', 'Score')}
            {th('customers', 'Customers')}
            {th('arr', 'ARR')}
            {th('pipeline', 'Pipeline')}
            <Table.Th>Status</Table.Th>
            <Table.Th>Product area</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Target release</Table.Th>
          </>
        }
        empty={
          <EmptyState
            icon={<IconBulb size={18} />}
            title={filters.active ? 'No requests match these filters' : 'No feature requests yet'}
            description={
              filters.active ? 'Try a different search or clear the filters.' : 'Link feedback from the insights inbox to start ranking.'
            }
          />
        }
        pager={{ pages, nextCursor: requests.data?.nextCursor }}
      >
        {items.map((request) => (
          <RequestRow key={request.id} request={request} onOpen={() => navigate(`/feedback/requests/${request.id}`)} />
        ))}
      </ListScreen>
      <RequestFormModal opened={createOpen} onClose={create.close} onSaved={(r) => navigate(`/feedback/requests/${r.id}`)} />
    </>
  );
}

function RequestRow({ request, onOpen }: { request: FeatureRequestSummary; onOpen: () => void }) {
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={onOpen}>
      {/* Narrow enough that the score stays beside it on a 390 px screen. */}
      <Table.Td style={{ minWidth: 170, maxWidth: 340 }}>
        <Anchor
          component={Link}
          to={`/feedback/requests/${request.id}`}
          fw={600}
          size="sm"
          onClick={(e) => e.stopPropagation()}
          style={{ overflowWrap: 'anywhere' }}
        >
          {request.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {request.itemCount} {request.itemCount === 1 ? 'item' : 'items'}
          {request.visibility === 'public' ? ' · public' : ''}
        </Text>
      </Table.Td>
      <Table.Td style={NUMERIC} fw={700}>
        {formatScore(request.score)}
      </Table.Td>
      <Table.Td style={NUMERIC}>{request.customerCount}</Table.Td>
      <Table.Td style={NUMERIC}>{formatMoney(request.arr)}</Table.Td>
      <Table.Td style={NUMERIC}>{formatMoney(request.pipelineArr)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATUS_COLORS[request.status]}>
          {STATUS_LABELS[request.status]}
        </Badge>
      </Table.Td>
      <Table.Td>{request.productArea ?? <Text c="dimmed">—</Text>}</Table.Td>
      <Table.Td>{request.owner?.name ?? <Text c="dimmed">Unassigned</Text>}</Table.Td>
      <Table.Td>{request.targetRelease ?? <Text c="dimmed">—</Text>}</Table.Td>
    </Table.Tr>
  );
}
