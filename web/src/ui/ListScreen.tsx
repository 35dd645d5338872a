import type { ReactNode } from 'react';
import { Box, Card, Group, Stack, Table, type TableProps } from '@mantine/core';
import { CursorPager } from './CursorPager';
import { ExportMenu } from './ExportMenu';
import { QueryError } from './QueryError';
import { SkeletonRows } from './SkeletonRows';
import type { useCursorPages } from './use-cursor-pages';

/** What a list screen reads from its TanStack query (a plain or an infinite one). */
export interface ListQuery {
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  /** The previous filter's rows, shown dimmed while the new ones load. */
  isPlaceholderData: boolean;
  refetch: () => unknown;
}

interface ListScreenProps {
  /** Above the table: a `FilterBar`, usually. */
  header?: ReactNode;
  /** "Export" beside the header: the list's export route and the query the list is fetched with (its filters from the URL). */
  exportTo?: { path: string; query: object };
  query: ListQuery;
  /** How many rows are on screen; none shows `empty` once loaded. */
  rowCount: number;
  /** The header row's cells. */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  /** Cells per skeleton row while the first page loads: the column count. */
  columns: number;
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  /** Passed to the Mantine `Table`: its `aria-label`, `highlightOnHover`… */
  tableProps?: Omit<TableProps, 'children' | 'style'>;
  /** Shown under the column headers when the loaded list is empty: an `EmptyState`. */
  empty: ReactNode;
  /** Previous/next over a cursor-paginated list. */
  pager?: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined };
  /** Anything else under a non-empty list (a "Load more" for an infinite one). */
  footer?: ReactNode;
}

/**
 * The card of a list screen: the filters, then skeleton rows while loading, the error with a
 * retry, the table (dimmed while the previous filter's rows stand in) with its empty state, and
 * the pager.
 *
 * @example
 * <ListScreen header={<FilterBar … />} query={accounts} rowCount={items.length} columns={8} minWidth={900}
 *   head={<Table.Th>Name</Table.Th>} empty={<EmptyState title="No accounts yet" />} pager={{ pages, nextCursor: accounts.data?.nextCursor }}>
 *   {items.map((a) => <Table.Tr key={a.id}>…</Table.Tr>)}
 * </ListScreen>
 */
export function ListScreen({
  header,
  exportTo,
  query,
  rowCount,
  head,
  children,
  columns,
  minWidth,
  tableProps,
  empty,
  pager,
  footer,
}: ListScreenProps) {
  const loadedEmpty = query.isSuccess && rowCount === 0;
  return (
    <Card p={0}>
      {exportTo ? (
        <Group gap={0} align="flex-end" justify="flex-end" wrap="nowrap">
          <Box style={{ flex: 1, minWidth: 0 }}>{header}</Box>
          <Box p="md" pl={0}>
            <ExportMenu path={exportTo.path} query={exportTo.query} />
          </Box>
        </Group>
      ) : (
        header
      )}
      {query.isError ? (
        <Stack p="md">
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        </Stack>
      ) : (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table {...tableProps} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }} aria-busy={query.isFetching}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isPending && <SkeletonRows columns={columns} rows={8} />}
              {children}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {loadedEmpty && empty}
      {pager && query.isSuccess && (rowCount > 0 || pager.pages.hasPrevious) && (
        <Stack px="md" pb="md">
          <CursorPager
            page={pager.pages.page}
            shown={rowCount}
            hasPrevious={pager.pages.hasPrevious}
            hasNext={Boolean(pager.nextCursor)}
            onPrevious={pager.pages.previous}
            onNext={() => pager.nextCursor && pager.pages.next(pager.nextCursor)}
          />
        </Stack>
      )}
      {footer && query.isSuccess && rowCount > 0 && footer}
    </Card>
  );
}
