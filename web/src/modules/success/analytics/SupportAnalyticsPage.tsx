import { Title } from '@mantine/core';

export function SupportAnalyticsPage() {
  return <Title order={2}>Support analytics</Title>;
}
