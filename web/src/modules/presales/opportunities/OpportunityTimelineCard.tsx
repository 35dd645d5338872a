import { Button, Card, Group, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFlag, IconHeadset, IconPlus, IconPresentation, IconSparkles, IconTrophy } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useAuth } from '../../../lib/auth';
import { formatDateTime } from '../../../ui/format';
import { QueryError } from '../../../ui/QueryError';
import { KIND_ICONS, KIND_ICON_FALLBACK } from '../../accounts/kind-icons';
import type { InteractionKind } from '../../accounts/labels';
import { useTimeline, type Opportunity, type TimelineEntry } from './api';
import { LogDealActivityModal } from './LogDealActivityModal';

const TYPE_ICONS: Record<Exclude<TimelineEntry['type'], 'interaction'>, ReactNode> = {
  created: <IconSparkles size={14} />,
  stage_change: <IconFlag size={14} />,
  technical_win_change: <IconTrophy size={14} />,
  demo: <IconPresentation size={14} />,
  deal_support: <IconHeadset size={14} />,
};
const TYPE_COLORS: Record<TimelineEntry['type'], string> = {
  created: 'gray',
  stage_change: 'blue',
  technical_win_change: 'teal',
  interaction: 'grape',
  demo: 'orange',
  deal_support: 'cyan',
};

const iconOf = (e: TimelineEntry) =>
  e.type === 'interaction' ? (KIND_ICONS[e.tag as InteractionKind] ?? KIND_ICON_FALLBACK) : TYPE_ICONS[e.type];

/** The deal's activity, newest first: meetings and calls, demos, requests, stage and technical-win moves. */
export function OpportunityTimelineCard({ opportunity }: { opportunity: Opportunity }) {
  const { can } = useAuth();
  const timeline = useTimeline(opportunity.id);
  const [logOpen, log] = useDisclosure();
  const items = timeline.data ?? [];
  return (
    <Card withBorder component="section" aria-label="Activity">
      <Group justify="space-between" mb="md">
        <Title order={3} size="h5">
          Activity
        </Title>
        {can('presales.write') && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={log.open}>
            Log meeting or call
          </Button>
        )}
      </Group>
      {timeline.isPending && (
        <Stack>
          <Skeleton height={40} />
          <Skeleton height={40} />
        </Stack>
      )}
      {timeline.isError && <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {items.length > 0 && (
        <Timeline bulletSize={26} lineWidth={2} active={items.length - 1} aria-label="Opportunity timeline" role="list">
          {items.map((e) => (
            <Timeline.Item
              key={e.key}
              role="listitem"
              bullet={iconOf(e)}
              color={TYPE_COLORS[e.type]}
              title={
                <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {e.title}
                </Text>
              }
            >
              {e.detail && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.detail}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)}
                {e.actor ? ` · ${e.actor.name}` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <LogDealActivityModal opened={logOpen} onClose={log.close} opportunity={opportunity} />
    </Card>
  );
}
