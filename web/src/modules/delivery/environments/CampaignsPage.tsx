import { Anchor, Badge, Button, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../../lib/auth';
import { EmptyState } from '../../../ui/EmptyState';
import { formatDate, formatDateTime } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useCampaigns, type CampaignStatus } from './api';
import { CreateCampaignModal } from './CreateCampaignModal';
import { CampaignProgressBar } from './parts';

export const CAMPAIGN_STATUS_COLORS: Record<CampaignStatus, string> = { active: 'blue', completed: 'teal', cancelled: 'gray' };

export function CampaignsPage() {
  const { can } = useAuth();
  const [status, setStatus] = useState('all');
  const campaigns = useCampaigns(status === 'all' ? undefined : status);
  const [creating, setCreating] = useState(false);
  const items = campaigns.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        title="Upgrade campaigns"
        description="Move customer environments to a release, window by window, and see where every one stands."
        actions={
          can('environments.write') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New campaign
            </Button>
          )
        }
      />
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={setStatus}
        data={[
          { value: 'all', label: 'All' },
          { value: 'active', label: 'Active' },
          { value: 'completed', label: 'Completed' },
          { value: 'cancelled', label: 'Cancelled' },
        ]}
      />
      {campaigns.isError && <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isPending && <Skeleton height={200} />}
      {campaigns.isSuccess && items.length === 0 && (
        <EmptyState icon={<IconRocket size={18} />} title="No campaigns" description="Start one to move environments to a newer release." />
      )}
      {items.length > 0 && (
        <Card p={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Campaign</Table.Th>
                  <Table.Th>Target</Table.Th>
                  <Table.Th w={320}>Progress</Table.Th>
                  <Table.Th>Next window</Table.Th>
                  <Table.Th>Owner</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => {
                  const next = c.windows.find((w) => new Date(w.endsAt) > new Date());
                  return (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/campaigns/${c.id}`} fw={600} size="sm">
                          {c.name}
                        </Anchor>
                        <Group gap={6}>
                          <Badge size="xs" color={CAMPAIGN_STATUS_COLORS[c.status]} variant="light">
                            {c.status}
                          </Badge>
                          <Text size="xs" c="dimmed">
                            started {formatDate(c.createdAt)}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">
                          {c.product} {c.targetVersion}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CampaignProgressBar progress={c.progress} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{next ? formatDateTime(next.startsAt) : '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{c.owner?.name ?? '—'}</Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {campaigns.hasNextPage && (
        <Button variant="default" w="fit-content" onClick={() => void campaigns.fetchNextPage()} loading={campaigns.isFetchingNextPage}>
          Load more
        </Button>
      )}
      <CreateCampaignModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
