import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../ui/format';
import { COLLATERAL_KIND_LABELS, KIND_COLORS, formatLabel, type CollateralSend } from './api';

/**
 * One send: what went (item and version), for which deal, to whom, by whom and when. In an item's
 * history the deal leads; on a deal's tab the item does.
 */
export function SendCard({ send, lead }: { send: CollateralSend; lead: 'item' | 'opportunity' }) {
  const to = send.contacts.map((c) => c.name).join(', ');
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
      </Group>
    </Card>
  );
}
