import { Title } from '@mantine/core';

export function HealthModelsPage() {
  return <Title order={2}>Health models</Title>;
}
