import { Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useAuth } from '../../../lib/auth';
import { QueryError } from '../../../ui/QueryError';
import { useRequestMeetings } from './api';
import { MeetingFormModal } from './MeetingFormModal';
import { MeetingSummary } from './MeetingSummary';

/** The internal meetings that discussed a feature request, for the request's page. */
export function MeetingsCard({ requestId }: { requestId: string }) {
  const { can } = useAuth();
  const meetings = useRequestMeetings(requestId);
  const [recording, setRecording] = useState(false);
  const items = meetings.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Internal meetings">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5">
          Internal meetings
        </Title>
        {can('feedback.write') && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setRecording(true)}>
            Record meeting
          </Button>
        )}
      </Group>
      {meetings.isError && <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {meetings.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No product review or engineering sync has discussed this request yet.
        </Text>
      )}
      <Stack gap="sm">
        {items.map((m, i) => (
          <Fragment key={m.id}>
            {i > 0 && <Divider />}
            <MeetingSummary meeting={m} hideRequestId={requestId} />
          </Fragment>
        ))}
      </Stack>
      <MeetingFormModal opened={recording} onClose={() => setRecording(false)} requestId={requestId} />
    </Card>
  );
}
