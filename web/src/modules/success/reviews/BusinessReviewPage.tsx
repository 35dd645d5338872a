import { Title } from '@mantine/core';

export function BusinessReviewPage() {
  return <Title order={2}>Business review</Title>;
}
