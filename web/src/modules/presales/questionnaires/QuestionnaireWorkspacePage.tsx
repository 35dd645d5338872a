import { Title } from '@mantine/core';

/** Placeholder until the screen is built (issue 16). */
export function QuestionnaireWorkspacePage() {
  return <Title order={2}>Questionnaire</Title>;
}
