import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import type { PortalBusinessReviewList } from '../../../../src/modules/success/contract/reviews';
import { formatDate } from '../../ui/format';
import { QueryError } from '../../ui/QueryError';
import { portalApi } from './portal-client';

/** The business reviews the account team shared with this organisation, each with its PDF. */
export function PortalBusinessReviewsSection() {
  // Under ['portal'], so a sign-out or a sign-in as someone else clears it.
  const reviews = useQuery({
    queryKey: ['portal', 'business-reviews'],
    queryFn: () => portalApi.get<PortalBusinessReviewList>('/api/portal/business-reviews').then((r) => r.items),
  });
  const items = reviews.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Business reviews">
      <Title order={3} size="h4" mb="sm">
        Business reviews
      </Title>
      {reviews.isError && <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No business reviews have been shared with you yet.
        </Text>
      )}
      <Stack gap="sm">
        {items.map((review, i) => (
          <Fragment key={review.id}>
            {i > 0 && <Divider />}
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {review.title}
                </Text>
                <Text size="sm" c="dimmed">
                  {formatDate(review.periodStart)} – {formatDate(review.periodEnd)}
                  {review.sentAt ? ` · shared ${formatDate(review.sentAt)}` : ''}
                </Text>
              </Stack>
              <Button
                component="a"
                href={`/api/portal/business-reviews/${review.id}/pdf`}
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} />}
                aria-label={`Download PDF of ${review.title}`}
              >
                Download PDF
              </Button>
            </Group>
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}
