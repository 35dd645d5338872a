import { useState } from 'react';
import { Anchor, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { useDeleteQuarantined, useQuarantine, useReleaseQuarantined, type QuarantinedMail, type QuarantineReason } from './api';
import { REASON_LABELS } from './labels';
import { RawMailDrawer } from './RawMailDrawer';

/**
 * Inbound mail that did not become support work by itself — ignored as machine-made, not
 * decodable cleanly, or refused after it was received — for an admin to look at raw, release as a
 * ticket, or delete. Cards rather than a table, so it reads the same on a phone.
 */
export function MailQuarantinePage() {
  const [reason, setReason] = useState<QuarantineReason | null>(null);
  const list = useQuarantine(reason);
  const [open, setOpen] = useState<QuarantinedMail | null>(null);
  const [deleting, setDeleting] = useState<QuarantinedMail | null>(null);
  const release = useReleaseQuarantined();
  const remove = useDeleteQuarantined();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  const onRelease = (mail: QuarantinedMail) =>
    release.mutate(mail.id, {
      onSuccess: (result) => {
        notifySuccess(`Released as ticket #${result.ticketNumber}.`);
        setOpen({
          ...mail,
          releasedTicketId: result.ticketId,
          releasedTicketNumber: result.ticketNumber,
          releasedAt: new Date().toISOString(),
        });
      },
      onError: (error) => notifyError(error, 'Could not release this mail'),
    });

  return (
    <>
      <PageHeader
        title="Mail quarantine"
        description="Inbound mail that was ignored, could not be decoded cleanly, or was refused. Nothing here has reached a ticket yet."
      />
      <SegmentedControl
        mb="md"
        value={reason ?? 'all'}
        onChange={(value) => setReason(value === 'all' ? null : (value as QuarantineReason))}
        data={[
          { value: 'all', label: 'All' },
          ...(Object.keys(REASON_LABELS) as QuarantineReason[]).map((r) => ({ value: r, label: REASON_LABELS[r].label })),
        ]}
        fullWidth
        maw={560}
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Stack gap="sm">
        {items.map((mail) => (
          <QuarantineCard key={mail.id} mail={mail} onOpen={() => setOpen(mail)} />
        ))}
      </Stack>
      {list.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconMailOff size={18} />}
            title="The quarantine is empty"
            description="Auto-replies, bounces and mail that could not be read show up here."
          />
        </Card>
      )}
      {list.hasNextPage && (
        <Button variant="default" mt="md" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Load more
        </Button>
      )}
      <RawMailDrawer mail={open} onClose={() => setOpen(null)} onRelease={onRelease} onDelete={setDeleting} releasing={release.isPending} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Delete this mail?" centered>
        <Stack>
          <Text size="sm">
            “{deleting?.subject || '(no subject)'}” from {deleting?.sender || 'an unknown sender'} and its raw copy are deleted for good.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                deleting &&
                remove.mutate(deleting.id, {
                  onSuccess: () => {
                    notifySuccess('Mail deleted.');
                    setDeleting(null);
                    setOpen(null);
                  },
                  onError: (error) => notifyError(error),
                })
              }
            >
              Delete
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function QuarantineCard({ mail, onOpen }: { mail: QuarantinedMail; onOpen: () => void }) {
  const reason = REASON_LABELS[mail.reason];
  return (
    <Card withBorder padding="sm" data-testid="quarantine-item">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Group gap="xs" wrap="wrap">
            <Badge color={reason.color} variant="light" title={reason.hint}>
              {reason.label}
            </Badge>
            {mail.releasedTicketId && (
              <Anchor component={Link} to={`/tickets/${mail.releasedTicketId}`} size="sm">
                Ticket #{mail.releasedTicketNumber}
              </Anchor>
            )}
          </Group>
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {mail.subject || '(no subject)'}
          </Text>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {mail.sender || 'unknown sender'} · {formatDateTime(mail.receivedAt)} · {mail.detail}
          </Text>
        </Stack>
        <Button size="xs" variant="default" onClick={onOpen}>
          View
        </Button>
      </Group>
    </Card>
  );
}
