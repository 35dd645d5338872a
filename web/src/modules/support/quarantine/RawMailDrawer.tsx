import { Alert, Anchor, Badge, Button, Code, Drawer, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';
import { IconTicket } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { useRawMail, type QuarantinedMail } from './api';
import { REASON_LABELS } from './labels';

/**
 * One quarantined mail: why it is here, and the raw message exactly as received — shown as text
 * only, never rendered, since it is untrusted input.
 */
export function RawMailDrawer({
  mail,
  onClose,
  onRelease,
  onDelete,
  releasing,
}: {
  mail: QuarantinedMail | null;
  onClose: () => void;
  onRelease: (mail: QuarantinedMail) => void;
  onDelete: (mail: QuarantinedMail) => void;
  releasing: boolean;
}) {
  const raw = useRawMail(mail?.rawAvailable ? mail.id : null);
  const reason = mail ? REASON_LABELS[mail.reason] : null;
  return (
    <Drawer opened={mail !== null} onClose={onClose} position="right" size="xl" title={mail?.subject || '(no subject)'}>
      {mail && reason && (
        <Stack>
          <Group gap="xs" wrap="wrap">
            <Badge color={reason.color} variant="light">
              {reason.label}
            </Badge>
            <Text size="sm" c="dimmed">
              {mail.sender || 'unknown sender'} · {formatDateTime(mail.receivedAt)}
            </Text>
          </Group>
          <Text size="sm">{mail.detail}</Text>
          {mail.releasedTicketId ? (
            <Alert color="green" icon={<IconTicket size={16} />}>
              Released as{' '}
              <Anchor component={Link} to={`/tickets/${mail.releasedTicketId}`}>
                ticket #{mail.releasedTicketNumber}
              </Anchor>
              .
            </Alert>
          ) : (
            <Group gap="sm">
              <Button onClick={() => onRelease(mail)} loading={releasing} disabled={!mail.rawAvailable}>
                Release as ticket
              </Button>
              <Button color="red" variant="light" onClick={() => onDelete(mail)}>
                Delete
              </Button>
            </Group>
          )}
          <Text size="sm" fw={600}>
            Raw message
          </Text>
          {!mail.rawAvailable && (
            <Text size="sm" c="dimmed">
              The raw copy is no longer in the data folder.
            </Text>
          )}
          {raw.isPending && mail.rawAvailable && <Loader size="sm" />}
          {raw.isError && <QueryError error={raw.error} onRetry={() => void raw.refetch()} />}
          {raw.isSuccess && (
            <ScrollArea.Autosize mah="60vh" type="auto">
              <Code block data-testid="raw-mail" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {raw.data}
              </Code>
            </ScrollArea.Autosize>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
