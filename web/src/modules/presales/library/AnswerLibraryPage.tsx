import { Title } from '@mantine/core';

/** Placeholder until the screen is built (issue 16). */
export function AnswerLibraryPage() {
  return <Title order={2}>Answer library</Title>;
}
