import { Title } from '@mantine/core';

/** Placeholder until the screen is built (issue 16). */
export function OpportunitiesPage() {
  return <Title order={2}>Opportunities</Title>;
}
