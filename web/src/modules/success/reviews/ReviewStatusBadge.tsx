import { Badge } from '@mantine/core';
import type { BusinessReviewSummary } from './api';

export function ReviewStatusBadge({ status }: { status: BusinessReviewSummary['status'] }) {
  return (
    <Badge variant="light" color={status === 'sent' ? 'green' : 'gray'}>
      {status === 'sent' ? 'Sent' : 'Draft'}
    </Badge>
  );
}
