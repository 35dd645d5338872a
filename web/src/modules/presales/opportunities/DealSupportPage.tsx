import { Title } from '@mantine/core';

/** Placeholder until the screen is built (issue 16). */
export function DealSupportPage() {
  return <Title order={2}>Deal support</Title>;
}
