import { Title } from '@mantine/core';

export function DeliveryAnalyticsPage() {
  return <Title order={2}>Delivery analytics</Title>;
}
