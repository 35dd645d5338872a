import { Title } from '@mantine/core';

/** Placeholder until the screen is built (issue 16). */
export function RateCardPage() {
  return <Title order={2}>Rate card</Title>;
}
