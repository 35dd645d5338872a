import { Stack } from '@mantine/core';
import { PageHeader } from '../../../ui/PageHeader';

/** Where the team's time goes (issue 17, team-view area). Placeholder until the area is built. */
export function TeamTimePage() {
  return (
    <Stack>
      <PageHeader title="Team time" />
    </Stack>
  );
}
