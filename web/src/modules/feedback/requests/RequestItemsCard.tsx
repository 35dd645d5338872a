import { Button, Card, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { QueryError } from '../../../ui/QueryError';
import { FeedbackItemBody } from '../items/FeedbackItemBody';
import { useRequestItems } from './api';

/** Every piece of feedback behind the request: who said it, their words and where. */
export function RequestItemsCard({ requestId, itemCount }: { requestId: string; itemCount: number }) {
  const items = useRequestItems(requestId);
  const list = items.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card component="section" aria-label="Feedback">
      <Title order={4} mb="md">
        Feedback ({itemCount})
      </Title>
      {items.isPending && <Skeleton height={120} />}
      {items.isError && <QueryError error={items.error} onRetry={() => void items.refetch()} />}
      {items.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          No feedback is linked yet; link items from the insights inbox.
        </Text>
      )}
      <Stack gap="sm" role="list" aria-label="Feedback items">
        {list.map((item) => (
          <Paper key={item.id} withBorder p="sm" role="listitem" aria-label={item.title}>
            <FeedbackItemBody item={item} hideRequest />
          </Paper>
        ))}
      </Stack>
      {items.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" size="xs" loading={items.isFetchingNextPage} onClick={() => void items.fetchNextPage()}>
            Show more
          </Button>
        </Group>
      )}
    </Card>
  );
}
