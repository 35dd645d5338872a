import { useEffect, useState } from 'react';
import { Anchor, Badge, Box, Button, Card, Chip, Group, Loader, Paper, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { Link, useSearchParams } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../ui/use-url-filters';
import { EmptyState } from '../../ui/EmptyState';
import { formatDateTime, fromNow } from '../../ui/format';
import { IconBuilding, IconFiles, IconFileText, IconMessages, IconSearch, IconUser } from '@tabler/icons-react';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { IconTicket } from '@tabler/icons-react';
import { AccountFilter } from './AccountFilter';
import { resultHref, SEARCH_TYPES, useSearch, type SearchResult, type SearchType } from './api';

/** Counts stop at a cap on large workspaces (searching stays fast); past it the server says "at least". */
const countLabel = (n: number, exact: boolean) => (exact ? String(n) : `${n}+`);

const TYPE_LABELS: Record<SearchType, string> = {
  ticket: 'Tickets',
  message: 'Messages',
  contact: 'Contacts',
  account: 'Accounts',
  article: 'Articles',
  collateral: 'Collateral',
};
const TYPE_LABEL: Record<SearchType, string> = {
  ticket: 'Ticket',
  message: 'Message',
  contact: 'Contact',
  account: 'Account',
  article: 'Article',
  collateral: 'Collateral',
};
const TYPE_COLORS: Record<SearchType, string> = {
  ticket: 'indigo',
  message: 'cyan',
  contact: 'orange',
  account: 'teal',
  article: 'grape',
  collateral: 'lime',
};
const TYPE_ICONS: Record<SearchType, typeof IconSearch> = {
  ticket: IconTicket,
  message: IconMessages,
  contact: IconUser,
  account: IconBuilding,
  article: IconFileText,
  collateral: IconFiles,
};

const isType = (value: string): value is SearchType => (SEARCH_TYPES as readonly string[]).includes(value);

/** `/search?q=&type=&account=`: everything the header's search box finds, best match first. */
export function SearchPage() {
  const [params] = useSearchParams();
  const set = useSearchParamsUpdate();
  const q = params.get('q')?.trim() ?? '';
  const type = params.get('type');
  const types = type && isType(type) ? [type] : [];
  const accountId = params.get('account') ?? undefined;
  const search = useSearch({ q, types, accountId, limit: 20 });
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const first = search.data?.pages[0];
  const items = search.data?.pages.flatMap((p) => p.items) ?? [];
  const allCount = first ? SEARCH_TYPES.reduce((sum, t) => sum + first.counts[t], 0) : 0;
  const allExact = first ? SEARCH_TYPES.every((t) => first.countsExact[t]) : true;

  return (
    <>
      <PageHeader
        title="Search"
        description={
          q
            ? `Results for “${q}”, best match first.`
            : 'Search tickets, their messages, contacts, accounts, knowledge-base articles and collateral.'
        }
      />
      <Stack gap="md">
        <Card>
          <Stack gap="sm">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                set({ q: text.trim() || null });
              }}
            >
              <Group gap="sm" align="flex-end">
                <TextInput
                  aria-label="Search for"
                  placeholder="A word from a subject, a message, a name…"
                  leftSection={<IconSearch size={16} />}
                  value={text}
                  onChange={(e) => setText(e.currentTarget.value)}
                  maxLength={200}
                  style={{ flex: 1, minWidth: 240 }}
                />
                <AccountFilter value={accountId ?? null} onChange={(v) => set({ account: v })} />
                <Button type="submit">Search</Button>
              </Group>
            </form>
            {q && (
              <Chip.Group multiple={false} value={types[0] ?? 'all'} onChange={(v) => set({ type: v === 'all' ? null : v })}>
                <Group gap="xs" role="group" aria-label="Result types">
                  <Chip value="all" size="sm" variant="outline">
                    All {first ? `· ${countLabel(allCount, allExact)}` : ''}
                  </Chip>
                  {SEARCH_TYPES.map((t) => (
                    <Chip
                      key={t}
                      value={t}
                      size="sm"
                      variant="outline"
                      color={TYPE_COLORS[t]}
                      disabled={first ? first.counts[t] === 0 && types[0] !== t : false}
                    >
                      {TYPE_LABELS[t]} {first ? `· ${countLabel(first.counts[t], first.countsExact[t])}` : ''}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            )}
          </Stack>
        </Card>

        {!q && (
          <EmptyState
            icon={<IconSearch size={18} />}
            title="What are you looking for?"
            description="Type a word or two above, or in the search box at the top of any page."
          />
        )}
        {q && search.isError && <QueryError error={search.error} onRetry={() => void search.refetch()} />}
        {q && search.isPending && (
          <Group justify="center" py="xl">
            <Loader size="sm" />
          </Group>
        )}
        {q && search.isSuccess && items.length === 0 && (
          <Card>
            <EmptyState
              icon={<IconSearch size={18} />}
              title={`Nothing matches “${q}”`}
              description={
                types.length || accountId
                  ? 'Try all types or any account, or fewer words.'
                  : 'Try fewer or different words; search matches whole words and their beginnings.'
              }
              action={
                (types.length > 0 || accountId) && (
                  <Button variant="light" size="xs" onClick={() => set({ type: null, account: null })}>
                    Search everything
                  </Button>
                )
              }
            />
          </Card>
        )}
        {items.length > 0 && (
          <Stack
            gap="xs"
            role="list"
            aria-label="Search results"
            style={{ opacity: search.isPlaceholderData ? 0.6 : 1 }}
            aria-busy={search.isFetching}
          >
            {items.map((result) => (
              <ResultItem key={`${result.type}:${result.id}`} result={result} />
            ))}
          </Stack>
        )}
        {items.length > 0 && (
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {items.length} of {first ? countLabel(first.total, first.totalExact) : items.length} shown
            </Text>
            {search.hasNextPage && (
              <Button variant="default" size="xs" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </>
  );
}

/**
 * The server escapes every title and snippet and adds only <mark> around matched words, so these two
 * strings are the one place the app renders HTML it received.
 */
function ResultItem({ result }: { result: SearchResult }) {
  const Icon = TYPE_ICONS[result.type];
  return (
    <Paper role="listitem" withBorder p="md" radius="md" className="outpost-search-result">
      <Group align="flex-start" gap="md" wrap="nowrap">
        <ThemeIcon variant="light" color={TYPE_COLORS[result.type]} size={34} radius="md">
          <Icon size={18} />
        </ThemeIcon>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
            <Anchor
              component={Link}
              to={resultHref(result)}
              fw={600}
              size="sm"
              lineClamp={1}
              dangerouslySetInnerHTML={{ __html: result.titleHtml }}
            />
            <Text size="xs" c="dimmed" title={formatDateTime(result.updatedAt)} style={{ whiteSpace: 'nowrap' }}>
              {fromNow(result.updatedAt)}
            </Text>
          </Group>
          {result.snippet && (
            <Text
              size="sm"
              c="dimmed"
              mt={4}
              lineClamp={2}
              style={{ overflowWrap: 'anywhere' }}
              dangerouslySetInnerHTML={{ __html: result.snippet }}
            />
          )}
          <Group gap={6} mt={6}>
            <Badge size="xs" variant="light" color={TYPE_COLORS[result.type]}>
              {TYPE_LABEL[result.type]}
            </Badge>
            {result.visibility === 'internal' && (
              <Badge size="xs" variant="outline" color={result.type === 'message' ? 'yellow' : 'grape'}>
                {result.type === 'message' ? 'Internal note' : 'Internal'}
              </Badge>
            )}
            {(result.type === 'article' || (result.type === 'collateral' && result.status === 'archived')) && result.status && (
              <Badge size="xs" variant="outline" color="gray">
                {result.status}
              </Badge>
            )}
          </Group>
        </Box>
      </Group>
    </Paper>
  );
}
