import { Badge, Button, Card, Drawer, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconDownload, IconPencil, IconUpload } from '@tabler/icons-react';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDateTime, humanize } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { notifyError, notifySuccess } from '../../../ui/server-errors';
import {
  COLLATERAL_KIND_LABELS,
  KIND_COLORS,
  formatBytes,
  formatLabel,
  useCollateral,
  useCollateralSends,
  useUpdateCollateral,
  type CollateralItemDetail,
  type CollateralVersion,
} from './api';
import { EditCollateralModal } from './EditCollateralModal';
import { SendCard } from './SendCard';
import { UploadVersionModal } from './UploadVersionModal';

/** One item: its details, every version with its download, and where it was sent; upload, edit, archive. */
export function CollateralDrawer({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const item = useCollateral(itemId);
  return (
    <Drawer opened={Boolean(itemId)} onClose={onClose} position="right" size="xl" title={<Title order={4}>Collateral item</Title>}>
      {item.isPending && <Skeleton height={360} />}
      {item.isError && <QueryError error={item.error} onRetry={() => void item.refetch()} />}
      {item.isSuccess && <ItemBody item={item.data} />}
    </Drawer>
  );
}

function ItemBody({ item }: { item: CollateralItemDetail }) {
  const { can } = useAuth();
  const canWrite = can('presales.write');
  const [versionOpen, versionModal] = useDisclosure();
  const [editOpen, editModal] = useDisclosure();
  const update = useUpdateCollateral(item.id);
  const archived = item.status === 'archived';
  const current = item.currentVersion;

  const toggleArchive = () =>
    update.mutate(
      { status: archived ? 'current' : 'archived' },
      {
        onSuccess: () =>
          notifySuccess(archived ? 'Restored: it can be sent again.' : 'Archived: kept with its history, no longer offered for sending.'),
        onError: (error) => notifyError(error),
      },
    );

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={KIND_COLORS[item.kind]}>
            {COLLATERAL_KIND_LABELS[item.kind]}
          </Badge>
          {archived && (
            <Badge variant="outline" color="gray">
              Archived
            </Badge>
          )}
          {item.productArea && (
            <Badge variant="default" tt="none">
              {item.productArea}
            </Badge>
          )}
        </Group>
        <Title order={3} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Title>
        {item.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.description}
          </Text>
        )}
        {item.tags.length > 0 && (
          <Group gap={6} wrap="wrap" aria-label="Tags">
            {item.tags.map((tag) => (
              <Badge key={tag} size="sm" variant="dot" color="gray" tt="none">
                {tag}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="xs" c="dimmed">
          Owner {item.owner?.name ?? 'nobody'} · sent {item.sendCount} {item.sendCount === 1 ? 'time' : 'times'}
          {item.lastSentAt ? `, last ${formatDate(item.lastSentAt)}` : ''}
          {item.industries.length ? ` · suits ${item.industries.join(', ')}` : ''}
          {item.segments.length ? ` · ${item.segments.map(humanize).join(', ')}` : ''}
        </Text>
      </Stack>

      <Group gap="xs" wrap="wrap">
        {current && (
          <Button component="a" href={current.downloadUrl} download leftSection={<IconDownload size={16} />}>
            Download v{current.number}
          </Button>
        )}
        {canWrite && !archived && (
          <Button variant="default" leftSection={<IconUpload size={16} />} onClick={versionModal.open}>
            Upload new version
          </Button>
        )}
        {canWrite && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editModal.open}>
            Edit
          </Button>
        )}
        {canWrite && (
          <Button
            variant="subtle"
            color={archived ? 'blue' : 'gray'}
            leftSection={archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
            loading={update.isPending}
            onClick={toggleArchive}
          >
            {archived ? 'Restore' : 'Archive'}
          </Button>
        )}
      </Group>

      <Tabs defaultValue="versions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="versions">Versions ({item.versions.length})</Tabs.Tab>
          <Tabs.Tab value="sends">Send history ({item.sendCount})</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="versions" pt="sm">
          <Stack gap="xs">
            {item.versions.map((v) => (
              <VersionRow key={v.id} version={v} current={v.id === current?.id} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="sends" pt="sm">
          <SendHistory itemId={item.id} />
        </Tabs.Panel>
      </Tabs>

      <UploadVersionModal item={item} opened={versionOpen} onClose={versionModal.close} />
      <EditCollateralModal item={item} opened={editOpen} onClose={editModal.close} />
    </Stack>
  );
}

function VersionRow({ version, current }: { version: CollateralVersion; current: boolean }) {
  return (
    <Card withBorder padding="sm" data-testid="collateral-version">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
          <Group gap="xs">
            <Text fw={600} size="sm">
              Version {version.number}
            </Text>
            {current && (
              <Badge size="sm" color="teal" variant="light">
                Current
              </Badge>
            )}
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {version.filename}
          </Text>
          <Text size="xs" c="dimmed">
            {formatLabel(version.filename)} · {formatBytes(version.sizeBytes)} · {version.uploadedBy?.name ?? 'Unknown'} ·{' '}
            {formatDateTime(version.uploadedAt)} · sent {version.sendCount}×
          </Text>
          {version.note && (
            <Text size="sm" c="dimmed" fs="italic" style={{ overflowWrap: 'anywhere' }}>
              {version.note}
            </Text>
          )}
        </Stack>
        <Button
          component="a"
          href={version.downloadUrl}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          aria-label={`Download version ${version.number}`}
        >
          Download
        </Button>
      </Group>
    </Card>
  );
}

function SendHistory({ itemId }: { itemId: string }) {
  const sends = useCollateralSends(itemId);
  const items = sends.data?.pages.flatMap((p) => p.items) ?? [];
  if (sends.isPending) return <Skeleton height={120} />;
  if (sends.isError) return <QueryError error={sends.error} onRetry={() => void sends.refetch()} />;
  if (items.length === 0)
    return (
      <EmptyState
        title="Not sent yet"
        description="Record a send from an opportunity’s Collateral tab; it shows here with the version the deal got."
      />
    );
  return (
    <Stack gap="xs">
      {items.map((s) => (
        <SendCard key={s.id} send={s} lead="opportunity" />
      ))}
      {sends.hasNextPage && (
        <Button variant="default" onClick={() => void sends.fetchNextPage()} loading={sends.isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Stack>
  );
}
