import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../ui/format';
import { statusColor, statusLabel } from '../requests/labels';
import { MEETING_KIND_LABELS, type Meeting } from './api';

/** One meeting as a list shows it: kind, time, who was there, what it discussed, its notes. */
export function MeetingSummary({ meeting, hideRequestId }: { meeting: Meeting; hideRequestId?: string }) {
  const requests = meeting.featureRequests.filter((r) => r.id !== hideRequestId);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm">
          {meeting.title}
        </Text>
        <Badge variant="light" color="indigo" tt="none">
          {MEETING_KIND_LABELS[meeting.kind]}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(meeting.heldAt)}
        {meeting.attendees.length > 0 && ` · ${meeting.attendees.map((a) => a.name).join(', ')}`}
      </Text>
      {(requests.length > 0 || meeting.engineeringIssues.length > 0) && (
        <Group gap="xs" wrap="wrap">
          {requests.map((r) => (
            <Anchor key={r.id} component={Link} to={`/feedback/requests/${r.id}`} size="xs">
              <Badge variant="dot" color={statusColor(r.status)} tt="none" style={{ cursor: 'pointer' }}>
                {r.title} · {statusLabel(r.status)}
              </Badge>
            </Anchor>
          ))}
          {meeting.engineeringIssues.map((i) => (
            <Badge key={i.id} variant="outline" color="gray" tt="none">
              {i.key} · {i.title}
            </Badge>
          ))}
        </Group>
      )}
      {meeting.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={4}>
          {meeting.notes}
        </Text>
      )}
    </Stack>
  );
}
