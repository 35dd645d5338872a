import { Title } from '@mantine/core';

export function PlaybookRulesPage() {
  return <Title order={2}>Playbooks</Title>;
}
