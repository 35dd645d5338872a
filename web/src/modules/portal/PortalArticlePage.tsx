import { Anchor, Button, Card, Divider, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../lib/api-client';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate } from '../../ui/format';
import { IconSearch } from '@tabler/icons-react';
import { QueryError } from '../../ui/QueryError';
import { useArticle } from './api';
import { Markdown } from '../../ui/markdown';
import { IconArrowLeft } from '@tabler/icons-react';

export function PortalArticlePage() {
  const { id = '' } = useParams();
  const article = useArticle(id);
  return (
    <Stack gap="md" maw={860}>
      <Anchor component={Link} to="/portal/help" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Help centre
        </Group>
      </Anchor>
      {article.isPending && <Skeleton height={320} />}
      {article.isError &&
        (article.error instanceof ApiError && article.error.status === 404 ? (
          <Card>
            <EmptyState icon={<IconSearch size={18} />} title="Article not found" description="It may have been moved or withdrawn." />
          </Card>
        ) : (
          <QueryError error={article.error} onRetry={() => void article.refetch()} />
        ))}
      {article.isSuccess && (
        <Card component="article" p="xl">
          <Title order={1} fz={28}>
            {article.data.title}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            Updated {formatDate(article.data.updatedAt)}
          </Text>
          <Divider my="md" />
          <Markdown source={article.data.body} />
          <Divider my="lg" />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Did this not answer your question?
            </Text>
            <Button component={Link} to="/portal/tickets/new" variant="light">
              Ask our support team
            </Button>
          </Group>
        </Card>
      )}
    </Stack>
  );
}
