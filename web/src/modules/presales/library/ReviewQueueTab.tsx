import { useState } from 'react';
import { Button, Card, Group, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconRosetteDiscountCheck } from '@tabler/icons-react';
import { CursorPager } from '../../../ui/CursorPager';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useCursorPages } from '../../../ui/use-cursor-pages';
import { useReviewEntry, useReviewQueue } from './api';
import { EntryList } from './EntryList';

/**
 * The review queue: approved entries that are stale or fall due within a fortnight, most overdue
 * first — the caller's own by default, everyone's for a library manager keeping watch.
 */
export function ReviewQueueTab({ onOpen }: { onOpen: (id: string) => void }) {
  const [owner, setOwner] = useState<'me' | 'all'>('me');
  const [cursor, setCursor] = useState<string | undefined>();
  const pages = useCursorPages(cursor, setCursor);
  const queue = useReviewQueue({ owner, cursor, limit: 50 });
  const review = useReviewEntry();
  const items = queue.data?.items ?? [];
  const counts = queue.data?.counts;

  return (
    <Card p={0}>
      <Group p="md" justify="space-between" wrap="wrap" gap="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <SegmentedControl
          aria-label="Whose entries"
          value={owner}
          onChange={(v) => {
            setOwner(v as 'me' | 'all');
            setCursor(undefined);
            pages.reset();
          }}
          data={[
            { value: 'me', label: 'Mine' },
            { value: 'all', label: 'All owners' },
          ]}
        />
        {counts && (
          <Text size="sm" c="dimmed">
            {counts.stale} stale · {counts.dueSoon} due within {queue.data?.dueWithinDays ?? 14} days
          </Text>
        )}
      </Group>
      {queue.isError && (
        <Stack p="md">
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        </Stack>
      )}
      {queue.isPending && (
        <Stack p="md" gap="sm">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={44} />
          ))}
        </Stack>
      )}
      {queue.isSuccess && items.length === 0 && (
        <EmptyState
          title="Nothing to review"
          description={
            owner === 'me'
              ? 'Entries you own show up here when their review is due within 14 days, and stay until you mark them reviewed.'
              : 'No approved entry is stale or due within 14 days.'
          }
        />
      )}
      {items.length > 0 && (
        <div style={{ opacity: queue.isPlaceholderData ? 0.6 : 1 }}>
          <EntryList
            items={items}
            label="Due for review"
            onOpen={onOpen}
            actions={(e) =>
              e.can.review && (
                <Button
                  size="xs"
                  variant="light"
                  color="teal"
                  leftSection={<IconRosetteDiscountCheck size={14} />}
                  aria-label={`Mark “${e.question}” reviewed`}
                  loading={review.isPending && review.variables?.id === e.id}
                  onClick={() =>
                    review.mutate(
                      { id: e.id },
                      {
                        onSuccess: (r) => notifySuccess(`Marked reviewed: next review due ${formatDate(r.reviewDueAt)}`),
                        onError: (err) => notifyError(err),
                      },
                    )
                  }
                >
                  Mark reviewed
                </Button>
              )
            }
          />
        </div>
      )}
      {queue.isSuccess && (items.length > 0 || pages.hasPrevious) && (
        <Stack px="md" pb="md">
          <CursorPager
            page={pages.page}
            shown={items.length}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(queue.data?.nextCursor)}
            onPrevious={pages.previous}
            onNext={() => queue.data?.nextCursor && pages.next(queue.data.nextCursor)}
          />
        </Stack>
      )}
    </Card>
  );
}
