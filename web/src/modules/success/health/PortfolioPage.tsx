import { Title } from '@mantine/core';

export function PortfolioPage() {
  return <Title order={2}>Health portfolio</Title>;
}
