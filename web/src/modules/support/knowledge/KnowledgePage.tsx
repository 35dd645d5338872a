import { Anchor, Badge, Button, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useSearchParamsUpdate } from '../../../ui/use-url-filters';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { ListScreen } from '../../../ui/ListScreen';
import { formatDateTime, fromNow } from '../../../ui/format';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { PageHeader } from '../../../ui/PageHeader';
import {
  ARTICLE_STATUSES,
  ARTICLE_VISIBILITIES,
  useArticleFacets,
  useArticles,
  type Article,
  type ArticleListParams,
  type ArticleStatus,
  type ArticleVisibility,
} from './api';
import { ArticleStatusBadge, VisibilityBadge } from './ArticleBadges';
import { STATUS_LABELS, VISIBILITY_LABELS } from './labels';

const COLUMNS = 6;
const FILTERS = ['status', 'visibility', 'productArea', 'tag'] as const;

/** The knowledge base: every article, most recently updated first, with how often each solved a case. */
export function KnowledgePage() {
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const updateParams = useSearchParamsUpdate();
  const facets = useArticleFacets();
  const query: ArticleListParams = {
    status: (params.get('status') as ArticleStatus | null) ?? undefined,
    visibility: (params.get('visibility') as ArticleVisibility | null) ?? undefined,
    productArea: params.get('productArea') ?? undefined,
    tag: params.get('tag') ?? undefined,
    limit: 50,
  };
  const articles = useArticles(query);
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = FILTERS.some((k) => params.has(k));

  const setFilter = (key: (typeof FILTERS)[number], value: string | null) => updateParams({ [key]: value });

  return (
    <>
      <PageHeader
        title="Knowledge base"
        description="Answers the team has written down, and how often each one solved a case."
        actions={
          can('knowledge.write') && (
            <Button component={Link} to="/knowledge/new" leftSection={<IconPlus size={16} />}>
              New article
            </Button>
          )
        }
      />
      <ListScreen
        exportTo={{ path: '/api/articles/export', query: query }}
        header={
          <FilterBar active={filtered} onClear={() => setParams(new URLSearchParams(), { replace: true })} withBorder>
            <Select
              label="Status"
              placeholder="Any status"
              data={ARTICLE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              value={query.status ?? null}
              onChange={(v) => setFilter('status', v)}
              clearable
              w={filterWidth(160)}
            />
            <Select
              label="Visibility"
              placeholder="Internal and public"
              data={ARTICLE_VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v] }))}
              value={query.visibility ?? null}
              onChange={(v) => setFilter('visibility', v)}
              clearable
              w={filterWidth(180)}
            />
            <Select
              label="Product area"
              placeholder="Any area"
              data={facets.data?.productAreas ?? []}
              value={query.productArea ?? null}
              onChange={(v) => setFilter('productArea', v)}
              clearable
              searchable
              w={filterWidth(200)}
            />
            <Select
              label="Tag"
              placeholder="Any tag"
              data={facets.data?.tags ?? []}
              value={query.tag ?? null}
              onChange={(v) => setFilter('tag', v)}
              clearable
              searchable
              w={filterWidth(180)}
            />
          </FilterBar>
        }
        query={articles}
        rowCount={items.length}
        columns={COLUMNS}
        minWidth={760}
        tableProps={{ 'aria-label': 'Articles', highlightOnHover: true }}
        head={
          <>
            <Table.Th pl="md">Article</Table.Th>
            <Table.Th>Product area</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Visibility</Table.Th>
            <Table.Th ta="right">Solved</Table.Th>
            <Table.Th pr="md">Updated</Table.Th>
          </>
        }
        empty={
          <EmptyState
            icon={<IconFileText size={18} />}
            title={filtered ? 'No articles match these filters' : 'No articles yet'}
            description={
              filtered ? 'Clear a filter to see more.' : 'Write the first one, or turn a solved ticket into an article from its page.'
            }
          />
        }
        footer={
          <Group justify="space-between" p="md">
            <Text size="sm" c="dimmed">
              {items.length} shown
            </Text>
            {articles.hasNextPage && (
              <Button variant="default" size="xs" onClick={() => void articles.fetchNextPage()} loading={articles.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </Group>
        }
      >
        {items.map((article) => (
          <ArticleRow key={article.id} article={article} onOpen={() => navigate(`/knowledge/${article.id}`)} />
        ))}
      </ListScreen>
    </>
  );
}

function ArticleRow({ article, onOpen }: { article: Article; onOpen: () => void }) {
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={onOpen}>
      <Table.Td pl="md" miw={280}>
        <Anchor component={Link} to={`/knowledge/${article.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()} lineClamp={2}>
          {article.title}
        </Anchor>
        {article.tags.length > 0 && (
          <Group gap={4} mt={4}>
            {article.tags.slice(0, 5).map((tag) => (
              <Badge key={tag} size="xs" variant="outline" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={article.productArea ? undefined : 'dimmed'}>
          {article.productArea ?? '—'}
        </Text>
      </Table.Td>
      <Table.Td>
        <ArticleStatusBadge status={article.status} size="sm" />
      </Table.Td>
      <Table.Td>
        <VisibilityBadge visibility={article.visibility} size="sm" />
      </Table.Td>
      <Table.Td ta="right">
        <Tooltip
          label={`Solved ${article.solvedCount} of the ${article.linkedCount} ticket${article.linkedCount === 1 ? '' : 's'} it was used on`}
          withArrow
        >
          <Text
            size="sm"
            fw={article.solvedCount > 0 ? 600 : undefined}
            c={article.solvedCount > 0 ? 'teal.8' : 'dimmed'}
            style={{ fontVariantNumeric: 'tabular-nums' }}
            aria-label={`Solved ${article.solvedCount}`}
          >
            {article.solvedCount}
            <Text span size="xs" c="dimmed" fw={400}>
              {' '}
              / {article.linkedCount}
            </Text>
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td pr="md">
        <Tooltip label={formatDateTime(article.updatedAt)} withArrow>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {fromNow(article.updatedAt)}
          </Text>
        </Tooltip>
        {article.author && (
          <Text size="xs" c="dimmed">
            {article.author.name}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
