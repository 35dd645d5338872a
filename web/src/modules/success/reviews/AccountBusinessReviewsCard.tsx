import { Anchor, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Fragment } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useAccountReviews } from './api';
import { GenerateReviewModal } from './GenerateReviewModal';
import { ReviewStatusBadge } from './ReviewStatusBadge';

/** The account's business reviews, newest first, and the way to generate a new one. */
export function AccountBusinessReviewsCard({ accountId }: { accountId: string }) {
  const { can } = useAuth();
  const reviews = useAccountReviews(accountId);
  const [opened, modal] = useDisclosure();
  const items = reviews.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Business reviews">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Business reviews
        </Title>
        {can('success.write') && (
          <Button size="xs" variant="default" onClick={modal.open}>
            Generate review
          </Button>
        )}
      </Group>
      {reviews.isError && <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />}
      {reviews.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No business reviews yet.
        </Text>
      )}
      <Stack gap="xs">
        {items.map((review, i) => (
          <Fragment key={review.id}>
            {i > 0 && <Divider />}
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/business-reviews/${review.id}`} size="sm" fw={600} truncate>
                  {review.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDate(review.periodStart)} – {formatDate(review.periodEnd)}
                </Text>
              </Stack>
              <ReviewStatusBadge status={review.status} />
            </Group>
          </Fragment>
        ))}
      </Stack>
      {can('success.write') && <GenerateReviewModal accountId={accountId} opened={opened} onClose={modal.close} />}
    </Card>
  );
}
