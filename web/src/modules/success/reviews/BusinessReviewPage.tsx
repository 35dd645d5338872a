import { Alert, Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconSend } from '@tabler/icons-react';
import { Link, useParams } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { formatDate, formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { reviewPdfUrl, useReview, type BusinessReview } from './api';
import { ReviewFigures } from './ReviewFigures';
import { ReviewSectionCard } from './ReviewSectionCard';
import { ReviewStatusBadge } from './ReviewStatusBadge';
import { SendReviewModal } from './SendReviewModal';

/** /business-reviews/:id — a review's figures as generated, its Markdown sections, export and send. */
export function BusinessReviewPage() {
  const { id = '' } = useParams();
  const review = useReview(id);
  if (review.isPending)
    return (
      <Stack>
        <Skeleton height={32} width={280} />
        <Skeleton height={200} />
      </Stack>
    );
  if (review.isError) return <QueryError error={review.error} onRetry={() => void review.refetch()} />;
  return <ReviewBody review={review.data} />;
}

function ReviewBody({ review }: { review: BusinessReview }) {
  const { can } = useAuth();
  const [sendOpen, sendModal] = useDisclosure();
  const editable = review.status === 'draft' && can('success.write');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/accounts/${review.accountId}`} size="sm">
            {review.accountName}
          </Anchor>
          <Group gap="sm" wrap="wrap">
            <Title order={2} style={{ overflowWrap: 'anywhere' }}>
              {review.title}
            </Title>
            <ReviewStatusBadge status={review.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {formatDate(review.periodStart)} – {formatDate(review.periodEnd)} · figures as of {formatDateTime(review.data.generatedAt)}
          </Text>
        </Stack>
        <Group gap="sm" wrap="wrap">
          <Button component="a" href={reviewPdfUrl(review.id)} variant="default" leftSection={<IconDownload size={16} />}>
            Export PDF
          </Button>
          {editable && (
            <Button leftSection={<IconSend size={16} />} onClick={sendModal.open}>
              Send to customer
            </Button>
          )}
        </Group>
      </Group>
      {review.status === 'sent' && (
        <Alert color="green" title="Sent to the customer">
          Shared on {formatDateTime(review.sentAt)}
          {review.sentBy ? ` by ${review.sentBy.name}` : ''} with {review.recipients.map((r) => r.name).join(', ')}. A sent review is
          read-only.
        </Alert>
      )}
      {review.sections.map((section) => (
        <ReviewSectionCard key={section.key} reviewId={review.id} section={section} editable={editable} />
      ))}
      <ReviewFigures data={review.data} />
      {editable && <SendReviewModal reviewId={review.id} accountId={review.accountId} opened={sendOpen} onClose={sendModal.close} />}
    </Stack>
  );
}
