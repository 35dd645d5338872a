import { Title } from '@mantine/core';

/** Placeholder until the screen is built (issue 16). */
export function PocWinLossPage() {
  return <Title order={2}>Win and loss by proof of concept</Title>;
}
