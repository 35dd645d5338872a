import { useState } from 'react';
import { Badge, Button, Card, Group, Select, SimpleGrid, Skeleton, Stack, Switch, Tabs } from '@mantine/core';
import { IconBooks, IconPlus, IconUpload } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { StatCard } from '../../../ui/StatCard';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { useMemberOptions } from '../../team/api';
import { LIBRARY_ENTRY_STATUSES, LIBRARY_STATUS_LABELS, useLibraryEntries, useLibraryFacets, type LibraryListParams } from './api';
import { EntryDrawer } from './EntryDrawer';
import { EntryList } from './EntryList';
import { ImportLibraryModal } from './ImportLibraryModal';
import { NewEntryModal } from './NewEntryModal';
import { ReviewQueueTab } from './ReviewQueueTab';

const FILTERS = ['q', 'productArea', 'tag', 'owner', 'status', 'stale'] as const;

/**
 * The answer library: reviewed answers to what RFPs and security questionnaires ask, searched by
 * meaning of words across each question's phrasings and answer; the review queue of what is stale
 * or falling due; bulk import from a spreadsheet. Filters, the tab and the open entry live in the URL.
 */
export function AnswerLibraryPage() {
  const { can } = useAuth();
  const filters = useUrlFilters(FILTERS);
  const tab = filters.get('tab') === 'review' ? 'review' : 'library';
  const openId = filters.get('entry') ?? null;
  const open = (id: string | null) => filters.update({ entry: id });
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const facets = useLibraryFacets();
  const counts = facets.data?.counts;
  const canWrite = can('presales.write');

  return (
    <>
      <PageHeader
        title="Answer library"
        description="Reviewed answers for RFPs and security questionnaires, each kept current by its owner: the source of auto-fill."
        actions={
          canWrite && (
            <>
              <Button variant="default" leftSection={<IconUpload size={16} />} onClick={() => setImporting(true)}>
                Import
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New entry
              </Button>
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} mb="md" spacing="sm">
        <StatCard label="Approved" value={counts?.approved ?? '—'} loading={facets.isPending} />
        <StatCard label="Stale" value={counts?.stale ?? '—'} loading={facets.isPending} />
        <StatCard label="Drafts" value={counts?.draft ?? '—'} loading={facets.isPending} />
        <StatCard label="Archived" value={counts?.archived ?? '—'} loading={facets.isPending} />
      </SimpleGrid>
      <Tabs value={tab} onChange={(v) => filters.update({ tab: v === 'review' ? 'review' : null, cursor: null })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="library" leftSection={<IconBooks size={16} />}>
            Library
          </Tabs.Tab>
          <Tabs.Tab
            value="review"
            rightSection={
              counts?.stale ? (
                <Badge size="xs" color="orange" circle={counts.stale < 10}>
                  {counts.stale}
                </Badge>
              ) : undefined
            }
          >
            Due for review
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="library">
          <LibraryTab filters={filters} onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="review">
          <ReviewQueueTab onOpen={open} />
        </Tabs.Panel>
      </Tabs>
      <EntryDrawer entryId={openId} onClose={() => open(null)} />
      <NewEntryModal opened={creating} onClose={() => setCreating(false)} onCreated={(e) => open(e.id)} />
      <ImportLibraryModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}

function LibraryTab({
  filters,
  onOpen,
}: {
  filters: ReturnType<typeof useUrlFilters<(typeof FILTERS)[number]>>;
  onOpen: (id: string) => void;
}) {
  const { values, setFilter } = filters;
  const facets = useLibraryFacets();
  const members = useMemberOptions();
  const pages = useCursorPages(filters.cursor, filters.setCursor);
  const params: LibraryListParams = {
    q: values.q,
    productArea: values.productArea,
    tag: values.tag,
    owner: values.owner,
    status: values.status as LibraryListParams['status'],
    stale: values.stale === 'true' ? 'true' : undefined,
    cursor: filters.cursor,
    limit: 50,
  };
  const list = useLibraryEntries(params);
  const items = list.data?.items ?? [];
  const set = (key: (typeof FILTERS)[number], value: string | null | undefined) => {
    setFilter(key, value);
    pages.reset();
  };

  return (
    <Card p={0}>
      <FilterBar
        search={{ placeholder: 'Question or answer words', value: values.q, onSearch: (q) => set('q', q || null) }}
        active={filters.active}
        onClear={() => {
          filters.update({ q: null, productArea: null, tag: null, owner: null, status: null, stale: null, cursor: null });
          pages.reset();
        }}
        withBorder
      >
        <Select
          label="Product area"
          w={filterWidth(170)}
          clearable
          searchable
          data={(facets.data?.productAreas ?? []).map((a) => ({ value: a.name, label: `${a.name} (${a.count})` }))}
          value={values.productArea ?? null}
          onChange={(v) => set('productArea', v)}
        />
        <Select
          label="Tag"
          w={filterWidth(150)}
          clearable
          searchable
          data={(facets.data?.tags ?? []).map((t) => ({ value: t.name, label: `${t.name} (${t.count})` }))}
          value={values.tag ?? null}
          onChange={(v) => set('tag', v)}
        />
        <Select
          label="Owner"
          w={filterWidth(170)}
          clearable
          searchable
          data={[{ value: 'me', label: 'Me' }, ...members.options]}
          value={values.owner ?? null}
          onChange={(v) => set('owner', v)}
        />
        <Select
          label="Status"
          w={filterWidth(150)}
          clearable
          placeholder="Not archived"
          data={LIBRARY_ENTRY_STATUSES.map((s) => ({ value: s, label: LIBRARY_STATUS_LABELS[s] }))}
          value={values.status ?? null}
          onChange={(v) => set('status', v)}
        />
        <Switch
          label="Stale only"
          checked={values.stale === 'true'}
          onChange={(e) => set('stale', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </FilterBar>
      {list.isError ? (
        <Stack p="md">
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        </Stack>
      ) : (
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }} aria-busy={list.isFetching}>
          {list.isSuccess && (
            <Group px="md" pt="sm">
              <Badge variant="default">
                {list.data.total} {list.data.total === 1 ? 'entry' : 'entries'}
                {values.q ? ', best match first' : ''}
              </Badge>
            </Group>
          )}
          {items.length > 0 && <EntryList items={items} label="Library entries" onOpen={onOpen} showScore={Boolean(values.q)} />}
        </div>
      )}
      {list.isPending && (
        <Stack p="md" gap="sm" aria-label="Loading the library">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={44} />
          ))}
        </Stack>
      )}
      {list.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<IconBooks size={22} />}
          title={filters.active ? 'No entry matches' : 'The library is empty'}
          description={
            filters.active
              ? 'Try other words (a question asked differently often uses other ones), or clear the filters.'
              : 'Add entries one by one, import a spreadsheet, or add approved answers from a questionnaire.'
          }
        />
      )}
      {list.isSuccess && (items.length > 0 || pages.hasPrevious) && (
        <Stack px="md" pb="md">
          <CursorPager
            page={pages.page}
            shown={items.length}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(list.data.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => list.data.nextCursor && pages.next(list.data.nextCursor)}
          />
        </Stack>
      )}
    </Card>
  );
}
