import { Stack } from '@mantine/core';
import { PageHeader } from '../../../ui/PageHeader';

/** A member's role profile (issue 17, team-profile area). Placeholder until the area is built. */
export function MemberProfilePage() {
  return (
    <Stack>
      <PageHeader title="Role profile" />
    </Stack>
  );
}
