import { Stack } from '@mantine/core';
import { PageHeader } from '../../../ui/PageHeader';

/** The role-profile thresholds (issue 17, team-profile area). Placeholder until the area is built. */
export function RoleProfileRulesPage() {
  return (
    <Stack>
      <PageHeader title="Role profile rules" />
    </Stack>
  );
}
