import { Anchor, Badge, Card, Group, SegmentedControl, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMap } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { formatMoneyCompact } from '../../../ui/format';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { formatScore, STATUS_COLORS, STATUS_LABELS } from '../requests/labels';
import { ROADMAP_STATUSES, useRoadmap, type RoadmapRelease, type RoadmapRequest } from './api';

type View = 'release' | 'status';
const releaseName = (release: string | null) => (release ? `Release ${release}` : 'Unscheduled');

/**
 * The roadmap for internal stakeholders (read-only): what is planned, in progress and shipped, by
 * target release or by status, with the customers and revenue behind each request.
 */
export function RoadmapPage() {
  const roadmap = useRoadmap();
  const [view, setView] = useState<View>('release');
  const releases = roadmap.data?.releases ?? [];
  return (
    <>
      <PageHeader
        title="Roadmap"
        description="Planned, in-progress and shipped feature requests, with the customers and ARR behind each."
        actions={
          <SegmentedControl
            aria-label="Group the roadmap"
            value={view}
            onChange={(v) => setView(v as View)}
            data={[
              { value: 'release', label: 'By release' },
              { value: 'status', label: 'By status' },
            ]}
          />
        }
      />
      {roadmap.isError && <QueryError error={roadmap.error} onRetry={() => void roadmap.refetch()} />}
      {roadmap.isPending && (
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={180} radius="md" />
          ))}
        </SimpleGrid>
      )}
      {roadmap.isSuccess && releases.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconMap size={18} />}
            title="Nothing on the roadmap yet"
            description="Feature requests appear here once they are planned, in progress or shipped."
          />
        </Card>
      )}
      {roadmap.isSuccess &&
        releases.length > 0 &&
        (view === 'release' ? <ByRelease releases={releases} /> : <ByStatus releases={releases} />)}
    </>
  );
}

function ByRelease({ releases }: { releases: RoadmapRelease[] }) {
  return (
    <Stack gap="lg">
      {releases.map((r) => (
        <Card key={r.release ?? 'unscheduled'} withBorder component="section" aria-label={releaseName(r.release)}>
          <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
            <Title order={2} size="h4">
              {releaseName(r.release)}
            </Title>
            <Text size="sm" c="dimmed">
              {r.requests.length} {r.requests.length === 1 ? 'request' : 'requests'} · {r.customerCount}{' '}
              {r.customerCount === 1 ? 'customer' : 'customers'} · {formatMoneyCompact(r.arr)} ARR
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {r.requests.map((request) => (
              <RequestCard key={request.id} request={request} showStatus />
            ))}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}

function ByStatus({ releases }: { releases: RoadmapRelease[] }) {
  const all = releases.flatMap((r) => r.requests);
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
      {ROADMAP_STATUSES.map((status) => {
        const requests = all.filter((r) => r.status === status);
        return (
          <Stack key={status} gap="sm" component="section" aria-label={STATUS_LABELS[status]}>
            <Group gap="xs">
              <Title order={2} size="h5">
                {STATUS_LABELS[status]}
              </Title>
              <Badge variant="light" color={STATUS_COLORS[status]}>
                {requests.length}
              </Badge>
            </Group>
            {requests.length === 0 && (
              <Text size="sm" c="dimmed">
                None.
              </Text>
            )}
            {requests.map((request) => (
              <RequestCard key={request.id} request={request} showRelease />
            ))}
          </Stack>
        );
      })}
    </SimpleGrid>
  );
}

function RequestCard({ request, showStatus, showRelease }: { request: RoadmapRequest; showStatus?: boolean; showRelease?: boolean }) {
  return (
    <Card withBorder padding="sm" radius="md" component="article" aria-label={request.title}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Anchor component={Link} to={`/feedback/requests/${request.id}`} fw={600} size="sm" style={{ minWidth: 0 }}>
            {request.title}
          </Anchor>
          {showStatus && (
            <Badge variant="light" color={STATUS_COLORS[request.status]} style={{ flexShrink: 0 }}>
              {STATUS_LABELS[request.status]}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          {showRelease && (
            <Badge variant="outline" color="gray" tt="none">
              {releaseName(request.targetRelease)}
            </Badge>
          )}
          {request.visibility === 'public' && (
            <Badge variant="dot" color="teal" tt="none">
              Public
            </Badge>
          )}
          {request.productArea && (
            <Text size="xs" c="dimmed">
              {request.productArea}
            </Text>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          Score {formatScore(request.score)} · {request.customerCount} {request.customerCount === 1 ? 'customer' : 'customers'} ·{' '}
          {formatMoneyCompact(request.arr)} ARR
          {request.pipelineArr > 0 ? ` · ${formatMoneyCompact(request.pipelineArr)} pipeline` : ''}
        </Text>
      </Stack>
    </Card>
  );
}
