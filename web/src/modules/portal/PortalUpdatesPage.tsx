import { Badge, Button, Card, Group, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { IconBellOff, IconCheck, IconSparkles, IconStarFilled } from '@tabler/icons-react';
import { EmptyState } from '../../ui/EmptyState';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { notifyError, notifySuccess } from '../../ui/server-errors';
import {
  useFeedbackPreferences,
  useMarkNoticeRead,
  usePortalFeatureRequests,
  usePortalNotices,
  useSetFeedbackPreferences,
  type PortalFeatureRequest,
  type PortalNotice,
} from './updates-api';

const STATUS: Record<PortalFeatureRequest['status'], { label: string; color: string }> = {
  under_review: { label: 'Under consideration', color: 'gray' },
  planned: { label: 'Planned', color: 'blue' },
  in_progress: { label: 'In progress', color: 'violet' },
  shipped: { label: 'Shipped', color: 'teal' },
};

/**
 * Product updates in the portal: what shipped that the contact asked for, the public roadmap with
 * what their organisation asked for marked, and the switch that stops these updates.
 */
export function PortalUpdatesPage() {
  return (
    <>
      <PageHeader title="Product updates" description="What we shipped for you, what is on the way, and how we keep you posted." />
      <Stack gap="xl">
        <Notices />
        <Roadmap />
        <Preferences />
      </Stack>
    </>
  );
}

function Notices() {
  const notices = usePortalNotices();
  const markRead = useMarkNoticeRead();
  const items = notices.data?.items ?? [];
  return (
    <Stack gap="sm" component="section" aria-label="Your updates">
      <Title order={2} size="h4">
        Your updates
      </Title>
      {notices.isError && <QueryError error={notices.error} onRetry={() => void notices.refetch()} />}
      {notices.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState
            icon={<IconSparkles size={18} />}
            title="No updates yet"
            description="When something you asked us for ships, we tell you here and by e-mail."
          />
        </Card>
      )}
      {items.map((n) => (
        <NoticeCard key={n.id} notice={n} onRead={() => markRead.mutate(n.id, { onError: (e) => notifyError(e) })} />
      ))}
    </Stack>
  );
}

function NoticeCard({ notice, onRead }: { notice: PortalNotice; onRead: () => void }) {
  return (
    <Card withBorder component="article" aria-label={notice.title} bg={notice.readAt ? undefined : 'var(--mantine-color-teal-0)'}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{notice.title}</Text>
            {!notice.readAt && (
              <Badge color="teal" variant="filled" size="sm">
                New
              </Badge>
            )}
          </Group>
          <Text size="sm">{notice.body}</Text>
          <Text size="xs" c="dimmed">
            {formatDate(notice.createdAt)}
            {notice.request.targetRelease ? ` · Release ${notice.request.targetRelease}` : ''}
          </Text>
        </Stack>
        {!notice.readAt && (
          <Button size="compact-sm" variant="subtle" leftSection={<IconCheck size={14} />} onClick={onRead}>
            Mark read
          </Button>
        )}
      </Group>
    </Card>
  );
}

function Roadmap() {
  const requests = usePortalFeatureRequests();
  const items = requests.data ?? [];
  return (
    <Stack gap="sm" component="section" aria-label="Roadmap">
      <Title order={2} size="h4">
        Roadmap
      </Title>
      {requests.isError && <QueryError error={requests.error} onRetry={() => void requests.refetch()} />}
      {requests.isSuccess && items.length === 0 && (
        <Card>
          <EmptyState icon={<IconSparkles size={18} />} title="Nothing published yet" description="Our public roadmap will show here." />
        </Card>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {items.map((r) => (
          <Card key={r.id} withBorder component="article" aria-label={r.title}>
            <Stack gap={6}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Text fw={600} style={{ minWidth: 0 }}>
                  {r.title}
                </Text>
                <Badge variant="light" color={STATUS[r.status].color} tt="none" style={{ flexShrink: 0 }}>
                  {STATUS[r.status].label}
                </Badge>
              </Group>
              {r.description && (
                <Text size="sm" c="dimmed" lineClamp={3}>
                  {r.description}
                </Text>
              )}
              <Group gap="xs" wrap="wrap">
                {r.targetRelease && (
                  <Text size="xs" c="dimmed">
                    {r.status === 'shipped' ? 'Shipped in' : 'Target:'} release {r.targetRelease}
                  </Text>
                )}
                {r.askedByYourAccount && (
                  <Badge variant="dot" color="yellow" tt="none" leftSection={<IconStarFilled size={10} />}>
                    Your team asked for this
                  </Badge>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function Preferences() {
  const prefs = useFeedbackPreferences();
  const set = useSetFeedbackPreferences();
  const receiving = prefs.data ? !prefs.data.optOut : true;
  return (
    <Card withBorder component="section" aria-label="Product update e-mails">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: 1 }}>
          <IconBellOff size={20} color="var(--mantine-color-dimmed)" />
          <Stack gap={2}>
            <Text fw={600} size="sm">
              Tell me when something I asked for ships
            </Text>
            <Text size="xs" c="dimmed">
              A notice here and one e-mail per shipped request. Switch it off and we stop both.
            </Text>
          </Stack>
        </Group>
        <Switch
          aria-label="Receive product updates"
          checked={receiving}
          disabled={!prefs.isSuccess || set.isPending}
          onChange={(e) =>
            set.mutate(!e.currentTarget.checked, {
              onSuccess: (p) =>
                notifySuccess(p.optOut ? 'You will not get product updates any more.' : 'You will get product updates again.'),
              onError: (error) => notifyError(error),
            })
          }
          label={receiving ? 'On' : 'Off'}
        />
      </Group>
    </Card>
  );
}
