import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { formatDateTime } from '../../../ui/format';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import { COLLATERAL_KIND_LABELS, KIND_COLORS, formatLabel, useDeleteSend, type CollateralSend } from './api';

const MAIL_BADGES = {
  queued: { label: 'E-mail queued', color: 'blue' },
  sent: { label: 'E-mailed', color: 'green' },
  failed: { label: 'E-mail failed', color: 'red' },
} as const;

/**
 * One send: what went (item and version), for which deal, to whom, by whom and when. In an item's
 * history the deal leads; on a deal's tab the item does.
 */
export function SendCard({ send, lead }: { send: CollateralSend; lead: 'item' | 'opportunity' }) {
  const { can } = useAuth();
  const remove = useDeleteSend(send.opportunity.id);
  const to = send.contacts.map((c) => c.name).join(', ');
  const mail = send.email && MAIL_BADGES[send.email.status];
  return (
    <Card withBorder padding="sm" data-testid="collateral-send">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
          {lead === 'opportunity' ? (
            <Anchor component={Link} to={`/presales/opportunities/${send.opportunity.id}?tab=collateral`} fw={600} size="sm">
              {send.opportunity.name}
            </Anchor>
          ) : (
            <Group gap="xs" wrap="wrap">
              <Anchor
                component={Link}
                to={`/presales/collateral?item=${send.item.id}`}
                fw={600}
                size="sm"
                style={{ overflowWrap: 'anywhere' }}
              >
                {send.item.title}
              </Anchor>
              <Badge size="sm" variant="light" color={KIND_COLORS[send.item.kind]}>
                {COLLATERAL_KIND_LABELS[send.item.kind]}
              </Badge>
              {send.item.status === 'archived' && (
                <Badge size="sm" variant="outline" color="gray">
                  Archived
                </Badge>
              )}
            </Group>
          )}
          <Group gap="xs" wrap="wrap">
            <Text size="sm">
              Version {send.version.number} · {formatLabel(send.version.filename)}
            </Text>
            {send.superseded && (
              <Badge size="sm" variant="light" color="yellow" title="A newer version has been uploaded since this was sent">
                Newer version available
              </Badge>
            )}
            {mail && (
              <Badge
                size="sm"
                variant="light"
                color={mail.color}
                title={send.email?.lastError ?? (send.email?.sentAt ? `Sent ${formatDateTime(send.email.sentAt)}` : undefined)}
              >
                {mail.label}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {lead === 'opportunity' ? `${send.opportunity.accountName} · ` : ''}
            {to ? `To ${to}` : 'No contacts named'} · {send.sentBy ? `by ${send.sentBy.name}` : 'by an integration'} ·{' '}
            {formatDateTime(send.sentAt)}
          </Text>
          {send.note && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {send.note}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Button
            component="a"
            href={send.version.downloadUrl}
            download
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            aria-label={`Download version ${send.version.number} of ${send.item.title}`}
          >
            Download
          </Button>
          {can('presales.write') && (
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              aria-label={`Delete the send of “${send.item.title}” for ${send.opportunity.name}`}
              title={`Delete this send of “${send.item.title}”?`}
              message={`It leaves ${lead === 'item' ? 'this deal’s' : 'the item’s'} send history and counts. An e-mail already sent is not recalled, and it stays on ${send.opportunity.accountName || 'the account'}’s timeline.`}
              confirmLabel="Delete send"
              onConfirm={() =>
                remove.mutateAsync(send.id).then(
                  () => notifySuccess('Send deleted.'),
                  (error: unknown) => {
                    notifyError(error);
                    throw error;
                  },
                )
              }
            >
              Delete
            </ConfirmButton>
          )}
        </Group>
      </Group>
    </Card>
  );
}
