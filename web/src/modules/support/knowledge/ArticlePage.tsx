import { Anchor, Badge, Button, Card, Grid, Group, Menu, Modal, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../../lib/api-client';
import { useAuth } from '../../../lib/auth';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { formatDateTime, fromNow } from '../../../ui/format';
import { IconArchive, IconCircleCheck, IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { Markdown } from '../../../ui/markdown';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useArticle, useDeleteArticle, useUpdateArticle, type Article, type ArticleStatus } from './api';
import { ArticleStatusBadge, VisibilityBadge } from './ArticleBadges';

export function ArticlePage() {
  const { id = '' } = useParams();
  const article = useArticle(id);

  if (article.isPending) {
    return (
      <Stack>
        <Skeleton height={90} radius="md" />
        <Skeleton height={420} radius="md" />
      </Stack>
    );
  }
  if (article.isError) {
    if (article.error instanceof ApiError && article.error.status === 404) return <NotFoundPage />;
    return <QueryError error={article.error} onRetry={() => void article.refetch()} />;
  }
  return <ArticleView article={article.data} />;
}

function ArticleView({ article }: { article: Article }) {
  const { can } = useAuth();
  const navigate = useNavigate();
  const update = useUpdateArticle(article.id);
  const remove = useDeleteArticle(article.id);
  const [deleteOpen, deleteDialog] = useDisclosure();
  const writable = can('knowledge.write');

  const setStatus = (status: ArticleStatus, message: string) =>
    update.mutate({ status }, { onSuccess: () => notifySuccess(message), onError: (e) => notifyError(e) });

  return (
    <Stack gap="lg">
      <Group gap={6}>
        <Anchor component={Link} to="/knowledge" size="sm">
          Knowledge base
        </Anchor>
        <Text size="sm" c="dimmed">
          / {article.productArea ?? 'Article'}
        </Text>
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Title order={2}>{article.title}</Title>
          <Group gap="xs">
            <ArticleStatusBadge status={article.status} />
            <VisibilityBadge visibility={article.visibility} />
            {article.tags.map((tag) => (
              <Badge
                key={tag}
                variant="outline"
                color="gray"
                tt="none"
                component={Link}
                to={`/knowledge?tag=${encodeURIComponent(tag)}`}
                style={{ cursor: 'pointer' }}
              >
                {tag}
              </Badge>
            ))}
          </Group>
        </Stack>
        {writable && (
          <Group gap="sm" wrap="nowrap">
            {article.status === 'draft' && (
              <Button
                variant="light"
                color="teal"
                leftSection={<IconCircleCheck size={16} />}
                loading={update.isPending}
                onClick={() => setStatus('published', 'Article published')}
              >
                Publish
              </Button>
            )}
            <Button component={Link} to={`/knowledge/${article.id}/edit`} leftSection={<IconPencil size={16} />}>
              Edit
            </Button>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" px="xs" aria-label="More actions">
                  <IconDots size={16} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {article.status === 'archived' ? (
                  <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => setStatus('draft', 'Article restored as a draft')}>
                    Restore as draft
                  </Menu.Item>
                ) : (
                  <Menu.Item leftSection={<IconArchive size={16} />} onClick={() => setStatus('archived', 'Article archived')}>
                    Archive
                  </Menu.Item>
                )}
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={deleteDialog.open}>
                  Delete…
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card component="article" aria-label="Article" px="xl" pt="xs" pb="lg">
            {article.body.trim() ? (
              <Markdown source={article.body} />
            ) : (
              <Text c="dimmed" size="sm">
                This article has no text yet.
              </Text>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <Card component="section" aria-label="Use on tickets">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
                Use on tickets
              </Text>
              <Group gap="xl">
                <Stack gap={0}>
                  <Text fz={28} fw={700} c={article.solvedCount ? 'teal.7' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {article.solvedCount}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {article.solvedCount === 1 ? 'case solved' : 'cases solved'}
                  </Text>
                </Stack>
                <Stack gap={0}>
                  <Text fz={28} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {article.linkedCount}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {article.linkedCount === 1 ? 'ticket linked' : 'tickets linked'}
                  </Text>
                </Stack>
              </Group>
            </Card>
            <Card component="section" aria-label="Details">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" mb="xs">
                Details
              </Text>
              <Stack gap={8}>
                <Detail label="Product area" value={article.productArea ?? '—'} />
                <Detail label="Author" value={article.author?.name ?? '—'} />
                <Detail label="Updated" value={fromNow(article.updatedAt)} title={formatDateTime(article.updatedAt)} />
                <Detail
                  label="Published"
                  value={article.publishedAt ? fromNow(article.publishedAt) : 'Not yet'}
                  title={formatDateTime(article.publishedAt)}
                />
                {article.sourceTicketId && (
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" c="dimmed">
                      Written from
                    </Text>
                    <Anchor component={Link} to={`/tickets/${article.sourceTicketId}`} size="sm">
                      the source ticket
                    </Anchor>
                  </Group>
                )}
              </Stack>
              <Text size="xs" c="dimmed" mt="md">
                {article.visibility === 'public'
                  ? article.status === 'published'
                    ? 'Customers find this article in the help centre.'
                    : 'Public once published: customers will find it in the help centre.'
                  : 'Internal: only your team sees this article.'}
              </Text>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={deleteOpen} onClose={deleteDialog.close} title="Delete this article?" centered>
        <Text size="sm">
          “{article.title}” and its links to {article.linkedCount} ticket{article.linkedCount === 1 ? '' : 's'} are removed for good.
          Archive it instead to keep its history.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={deleteDialog.close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(undefined, {
                onSuccess: () => {
                  notifySuccess('Article deleted');
                  navigate('/knowledge');
                },
                onError: (e) => notifyError(e),
              })
            }
          >
            Delete article
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

function Detail({ label, value, title }: { label: string; value: string; title?: string }) {
  const text = (
    <Text size="sm" ta="right">
      {value}
    </Text>
  );
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {title ? (
        <Tooltip label={title} withArrow>
          {text}
        </Tooltip>
      ) : (
        text
      )}
    </Group>
  );
}
