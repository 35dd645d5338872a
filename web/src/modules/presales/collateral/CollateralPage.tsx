import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconFiles, IconLayoutGrid, IconList, IconUpload } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { fromNow } from '../../../ui/format';
import { ListScreen } from '../../../ui/ListScreen';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useUrlFilters } from '../../../ui/use-url-filters';
import {
  COLLATERAL_KINDS,
  COLLATERAL_KIND_LABELS,
  KIND_COLORS,
  formatBytes,
  formatLabel,
  useCollateralFacets,
  useCollateralList,
  type CollateralItem,
  type CollateralListParams,
} from './api';
import { CollateralDrawer } from './CollateralDrawer';
import { MostSentCard } from './MostSentCard';
import { UploadCollateralModal } from './UploadCollateralModal';

const FILTERS = ['q', 'kind', 'productArea', 'tag', 'status', 'sort'] as const;
const SORT_OPTIONS = [
  { value: 'updated', label: 'Recently updated' },
  { value: 'title', label: 'Title' },
  { value: 'most_sent', label: 'Most sent' },
];
const PAGE_SIZE = 24;

/**
 * The collateral library: case studies, whitepapers, solution guides and the rest, searched and
 * filtered, as cards or a table; an item opens in a drawer with its versions and send history.
 * The open item is kept in `?item=`, so a link (from a deal's sent collateral) opens it directly.
 */
export function CollateralPage() {
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const [uploadOpen, upload] = useDisclosure();
  const v = filters.values;
  const view = filters.get('view') === 'list' ? 'list' : 'grid';
  const openItem = filters.get('item') ?? null;
  const facets = useCollateralFacets(v.status ?? 'current');
  const listQuery = {
    q: v.q,
    kind: v.kind as CollateralListParams['kind'],
    productArea: v.productArea,
    tag: v.tag,
    status: (v.status as CollateralListParams['status']) ?? 'current',
    sort: (v.sort as CollateralListParams['sort']) ?? 'updated',
    cursor: filters.cursor,
    limit: PAGE_SIZE,
  } satisfies CollateralListParams;
  const list = useCollateralList(listQuery);
  const items = list.data?.items ?? [];
  const setFilter = (key: (typeof FILTERS)[number], value: string | null) => {
    pages.reset();
    filters.setFilter(key, value);
  };
  const open = (id: string | null) => filters.update({ item: id });
  const kindCount = new Map((facets.data?.kinds ?? []).map((k) => [k.value, k.count]));

  const filterBar = (
    <FilterBar
      search={{ placeholder: 'Title, description or tag', value: v.q, onSearch: (q) => setFilter('q', q) }}
      active={filters.active}
      onClear={() => {
        pages.reset();
        filters.update({ q: null, kind: null, productArea: null, tag: null, status: null, sort: null, cursor: null });
      }}
      withBorder={view === 'grid'}
    >
      <Select
        label="Kind"
        placeholder="Any"
        clearable
        data={COLLATERAL_KINDS.map((k) => ({
          value: k,
          label: `${COLLATERAL_KIND_LABELS[k]}${kindCount.has(k) ? ` (${kindCount.get(k)})` : ''}`,
        }))}
        value={v.kind ?? null}
        onChange={(s) => setFilter('kind', s)}
        w={filterWidth(190)}
      />
      <Select
        label="Product area"
        placeholder="Any"
        clearable
        searchable
        data={(facets.data?.productAreas ?? []).map((a) => ({ value: a.value, label: `${a.value} (${a.count})` }))}
        value={v.productArea ?? null}
        onChange={(s) => setFilter('productArea', s)}
        w={filterWidth(200)}
      />
      <Select
        label="Tag"
        placeholder="Any"
        clearable
        searchable
        data={(facets.data?.tags ?? []).map((t) => ({ value: t.value, label: `${t.value} (${t.count})` }))}
        value={v.tag ?? null}
        onChange={(s) => setFilter('tag', s)}
        w={filterWidth(180)}
      />
      <Select
        label="Status"
        allowDeselect={false}
        data={[
          { value: 'current', label: 'Current' },
          { value: 'archived', label: 'Archived' },
          { value: 'all', label: 'All' },
        ]}
        value={v.status ?? 'current'}
        onChange={(s) => setFilter('status', s === 'current' ? null : s)}
        w={filterWidth(130)}
      />
      <Select
        label="Sort"
        allowDeselect={false}
        data={SORT_OPTIONS}
        value={v.sort ?? 'updated'}
        onChange={(s) => setFilter('sort', s === 'updated' ? null : s)}
        w={filterWidth(170)}
      />
    </FilterBar>
  );

  const empty = (
    <EmptyState
      icon={<IconFiles size={20} />}
      title={filters.active ? 'No collateral matches these filters' : 'No collateral yet'}
      description={
        filters.active
          ? 'Try other words or clear the filters.'
          : 'Upload case studies, whitepapers and solution guides so every deal team finds the latest version.'
      }
    />
  );

  return (
    <>
      <PageHeader
        title="Collateral"
        description="Case studies, whitepapers and solution guides: the latest version of each, and which deals got them."
        actions={
          can('presales.write') && (
            <Button leftSection={<IconUpload size={16} />} onClick={upload.open}>
              Upload collateral
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Group justify="flex-end" mb="xs">
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => filters.update({ view: value === 'list' ? 'list' : null })}
              data={[
                {
                  value: 'grid',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconLayoutGrid size={14} /> Grid
                    </Group>
                  ),
                },
                {
                  value: 'list',
                  label: (
                    <Group gap={4} wrap="nowrap">
                      <IconList size={14} /> List
                    </Group>
                  ),
                },
              ]}
              aria-label="Layout"
            />
          </Group>
          {view === 'list' ? (
            <ListScreen
              exportTo={{ path: '/api/collateral/export', query: listQuery }}
              header={filterBar}
              query={list}
              rowCount={items.length}
              columns={7}
              minWidth={960}
              tableProps={{ highlightOnHover: true, 'aria-label': 'Collateral' }}
              head={
                <>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Product area</Table.Th>
                  <Table.Th>Tags</Table.Th>
                  <Table.Th>Current version</Table.Th>
                  <Table.Th>Updated</Table.Th>
                  <Table.Th ta="right">Sent</Table.Th>
                </>
              }
              empty={empty}
              pager={{ pages, nextCursor: list.data?.nextCursor }}
            >
              {items.map((item) => (
                <Table.Tr key={item.id} style={{ cursor: 'pointer' }} onClick={() => open(item.id)}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      fw={600}
                      size="sm"
                      ta="left"
                      onClick={(e) => {
                        e.stopPropagation();
                        open(item.id);
                      }}
                    >
                      {item.title}
                    </Anchor>
                    {item.status === 'archived' && (
                      <Badge size="xs" ml={6} variant="outline" color="gray">
                        Archived
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={KIND_COLORS[item.kind]}>
                      {COLLATERAL_KIND_LABELS[item.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{item.productArea ?? '—'}</Table.Td>
                  <Table.Td>
                    <TagList tags={item.tags} max={3} />
                  </Table.Td>
                  <Table.Td>
                    {item.currentVersion
                      ? `v${item.currentVersion.number} · ${formatLabel(item.currentVersion.filename)} · ${formatBytes(item.currentVersion.sizeBytes)}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>{fromNow(item.updatedAt)}</Table.Td>
                  <Table.Td ta="right">{item.sendCount}</Table.Td>
                </Table.Tr>
              ))}
            </ListScreen>
          ) : (
            <Card p={0}>
              {filterBar}
              <Stack p="md" gap="md">
                {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
                {list.isPending && (
                  <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
                    {Array.from({ length: 6 }, (_, i) => (
                      <Skeleton key={i} height={150} radius="md" />
                    ))}
                  </SimpleGrid>
                )}
                {list.isSuccess && items.length === 0 && empty}
                {items.length > 0 && (
                  <SimpleGrid
                    cols={{ base: 1, sm: 2, xl: 3 }}
                    style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}
                    aria-busy={list.isFetching}
                    aria-label="Collateral"
                  >
                    {items.map((item) => (
                      <CollateralCard key={item.id} item={item} onOpen={() => open(item.id)} />
                    ))}
                  </SimpleGrid>
                )}
                {list.isSuccess && (items.length > 0 || pages.hasPrevious) && (
                  <CursorPager
                    page={pages.page}
                    shown={items.length}
                    hasPrevious={pages.hasPrevious}
                    hasNext={Boolean(list.data?.nextCursor)}
                    onPrevious={pages.previous}
                    onNext={() => list.data?.nextCursor && pages.next(list.data.nextCursor)}
                  />
                )}
              </Stack>
            </Card>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <MostSentCard onOpen={open} />
        </Grid.Col>
      </Grid>
      <UploadCollateralModal opened={uploadOpen} onClose={upload.close} onCreated={(item) => open(item.id)} />
      <CollateralDrawer itemId={openItem} onClose={() => open(null)} />
    </>
  );
}

function TagList({ tags, max }: { tags: string[]; max: number }) {
  if (tags.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4} wrap="wrap">
      {tags.slice(0, max).map((tag) => (
        <Badge key={tag} size="xs" variant="dot" color="gray" tt="none">
          {tag}
        </Badge>
      ))}
      {tags.length > max && (
        <Text size="xs" c="dimmed">
          +{tags.length - max}
        </Text>
      )}
    </Group>
  );
}

function CollateralCard({ item, onOpen }: { item: CollateralItem; onOpen: () => void }) {
  const current = item.currentVersion;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="collateral-card">
      <Stack gap={6} h="100%">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={6} wrap="wrap">
            <Badge size="sm" variant="light" color={KIND_COLORS[item.kind]}>
              {COLLATERAL_KIND_LABELS[item.kind]}
            </Badge>
            {item.status === 'archived' && (
              <Badge size="sm" variant="outline" color="gray">
                Archived
              </Badge>
            )}
          </Group>
          {current && (
            <ActionIcon
              component="a"
              href={current.downloadUrl}
              download
              variant="subtle"
              color="gray"
              aria-label={`Download ${item.title}`}
              title={`Download version ${current.number}`}
            >
              <IconDownload size={16} />
            </ActionIcon>
          )}
        </Group>
        <UnstyledButton onClick={onOpen} aria-label={`Open ${item.title}`}>
          <Text fw={600} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
        </UnstyledButton>
        {item.productArea && (
          <Text size="xs" c="dimmed">
            {item.productArea}
          </Text>
        )}
        {item.description && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {item.description}
          </Text>
        )}
        <TagList tags={item.tags} max={4} />
        <Group justify="space-between" mt="auto" gap="xs" wrap="wrap">
          <Text size="xs" c="dimmed">
            {current ? `v${current.number} · ${formatLabel(current.filename)} · ${formatBytes(current.sizeBytes)}` : 'No file'} · updated{' '}
            {fromNow(item.updatedAt)}
          </Text>
          <Text size="xs" fw={500}>
            Sent {item.sendCount}×
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
