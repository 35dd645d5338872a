import { Stack } from '@mantine/core';
import { PageHeader } from '../../../ui/PageHeader';

/** The weekly timesheet (issue 17, team-time area). Placeholder until the area is built. */
export function TimesheetPage() {
  return (
    <Stack>
      <PageHeader title="Timesheet" />
    </Stack>
  );
}
