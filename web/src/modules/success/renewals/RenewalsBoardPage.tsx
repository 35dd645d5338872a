import { Title } from '@mantine/core';

export function RenewalsBoardPage() {
  return <Title order={2}>Renewals</Title>;
}
