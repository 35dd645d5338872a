import { useState } from 'react';
import { ActionIcon, Anchor, Button, Card, Group, Select, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { IconFileText, IconPencil, IconX } from '@tabler/icons-react';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useQuickSearch } from '../../search/api';
import { useLinkArticle, useTicketArticles, useUnlinkArticle, type LinkedArticle } from './api';
import { ArticleStatusBadge, VisibilityBadge } from './ArticleBadges';

/** The ticket's knowledge: the articles used on it, whether each solved the case, and writing a new one from it. */
export function TicketKnowledgeCard({ ticketId }: { ticketId: string }) {
  const { can } = useAuth();
  const linked = useTicketArticles(ticketId);
  const link = useLinkArticle(ticketId);
  const unlink = useUnlinkArticle(ticketId);
  const canLink = can('tickets.write');
  const items = linked.data ?? [];

  return (
    <Card component="section" aria-label="Knowledge">
      <Group justify="space-between" mb="sm">
        <Text size="xs" fw={700} c="dimmed" tt="uppercase">
          Knowledge
        </Text>
        {items.length > 0 && (
          <Text size="xs" c="dimmed">
            {items.length} linked
          </Text>
        )}
      </Group>
      {linked.isError && <QueryError error={linked.error} onRetry={() => void linked.refetch()} />}
      <Stack gap="xs">
        {linked.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No article linked yet. Link one that helped, or write one from this ticket.
          </Text>
        )}
        {items.map((item) => (
          <LinkedArticleRow
            key={item.article.id}
            item={item}
            canLink={canLink}
            onSolvedChange={(solved) =>
              link.mutate(
                { articleId: item.article.id, solved },
                {
                  onSuccess: () => notifySuccess(solved ? 'Marked as solving this case' : 'No longer marked as solving this case'),
                  onError: (e) => notifyError(e),
                },
              )
            }
            onUnlink={() =>
              unlink.mutate(item.article.id, { onSuccess: () => notifySuccess('Article unlinked'), onError: (e) => notifyError(e) })
            }
          />
        ))}
        {canLink && (
          <ArticlePicker
            exclude={items.map((i) => i.article.id)}
            onPick={(articleId) =>
              link.mutate(
                { articleId, solved: false },
                { onSuccess: () => notifySuccess('Article linked'), onError: (e) => notifyError(e) },
              )
            }
          />
        )}
        {can('knowledge.write') && (
          <Button
            component={Link}
            to={`/knowledge/new?ticket=${ticketId}`}
            variant="light"
            size="xs"
            h="auto"
            py={6}
            leftSection={<IconPencil size={14} />}
            styles={{ label: { whiteSpace: 'normal' } }}
          >
            Write an article from this ticket
          </Button>
        )}
      </Stack>
    </Card>
  );
}

function LinkedArticleRow({
  item,
  canLink,
  onSolvedChange,
  onUnlink,
}: {
  item: LinkedArticle;
  canLink: boolean;
  onSolvedChange: (solved: boolean) => void;
  onUnlink: () => void;
}) {
  const { article } = item;
  return (
    <Card withBorder p="xs" radius="md" role="group" aria-label={article.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Group gap={8} align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFileText size={16} style={{ flexShrink: 0, marginTop: 2, color: 'var(--mantine-color-grape-6)' }} />
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/knowledge/${article.id}`} size="sm" fw={600} lineClamp={2}>
              {article.title}
            </Anchor>
            <Group gap={4}>
              <ArticleStatusBadge status={article.status} size="xs" />
              <VisibilityBadge visibility={article.visibility} size="xs" />
              <Text size="xs" c="dimmed">
                solved {article.solvedCount}
              </Text>
            </Group>
          </Stack>
        </Group>
        {canLink && (
          <Tooltip label="Unlink" withArrow>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Unlink ${article.title}`} onClick={onUnlink}>
              <IconX size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      <Switch
        mt={8}
        size="xs"
        label="Solved this case"
        checked={item.solved}
        disabled={!canLink}
        onChange={(e) => onSolvedChange(e.currentTarget.checked)}
        color="teal"
      />
    </Card>
  );
}

/** Finds articles by title and text (the search API, articles only) as the agent types. */
function ArticlePicker({ exclude, onPick }: { exclude: string[]; onPick: (articleId: string) => void }) {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 250);
  const results = useQuickSearch(query, ['article']);
  const data = (results.data?.items ?? []).filter((r) => !exclude.includes(r.id)).map((r) => ({ value: r.id, label: r.title }));
  return (
    <Select
      aria-label="Link an article"
      placeholder="Link an article…"
      size="xs"
      searchable
      data={data}
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        if (!id) return;
        onPick(id);
        setSearch('');
      }}
      filter={({ options }) => options}
      nothingFoundMessage={query.trim() ? (results.isFetching ? 'Searching…' : 'No article matches') : 'Type to search articles'}
    />
  );
}
