import type { ReactNode } from 'react';
import { Anchor, Badge, Blockquote, Group, Stack, Text, Tooltip } from '@mantine/core';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, formatMoney, fromNow } from '../../../ui/format';
import { statusColor, statusLabel } from '../requests/labels';
import type { FeedbackItem } from './api';
import { IMPACT_COLORS, IMPACT_LABELS, SOURCE_LABELS } from './labels';

export function ImpactBadge({ impact }: { impact: FeedbackItem['impact'] }) {
  return (
    <Badge size="sm" color={IMPACT_COLORS[impact]} variant={impact === 'blocker' ? 'filled' : 'light'} style={{ flexShrink: 0 }}>
      {IMPACT_LABELS[impact]}
    </Badge>
  );
}

/** Where an item was heard, as a link when the source has a page. */
export function SourceLink({ source }: { source: FeedbackItem['source'] }) {
  const label = source.label || SOURCE_LABELS[source.type];
  return source.url ? (
    <Anchor component={Link} to={source.url} size="xs">
      {label}
    </Anchor>
  ) : (
    <Text span size="xs" c="dimmed">
      {label}
    </Text>
  );
}

interface Props {
  item: FeedbackItem;
  /** Hide the account line (on a page already about one account). */
  hideAccount?: boolean;
  /** Hide the linked request (on that request's own page). */
  hideRequest?: boolean;
  /** Under the item: the link panel in the inbox. */
  children?: ReactNode;
}

/**
 * One piece of feedback as triage reads it: who said it and how much it matters, their words, where
 * it was heard and who captured it.
 */
export function FeedbackItemBody({ item, hideAccount, hideRequest, children }: Props) {
  return (
    <Stack gap={6}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Text>
        <ImpactBadge impact={item.impact} />
      </Group>
      <Text size="xs" c="dimmed">
        {!hideAccount && (
          <>
            <Anchor component={Link} to={`/accounts/${item.account.id}`} size="xs">
              {item.account.name}
            </Anchor>
            {' · '}
          </>
        )}
        {item.contact?.name ?? 'No contact named'}
      </Text>
      <Blockquote p="xs" pl="md" color="gray" iconSize={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 14 }}>
        {item.quote}
      </Blockquote>
      <Group gap="xs" wrap="wrap">
        {item.source.type !== 'manual' && <SourceLink source={item.source} />}
        {item.pipelineArr > 0 && (
          <Tooltip label="The open deal’s ARR: it counts as pipeline on the request this item is linked to">
            <Badge size="xs" variant="light" color="grape" tt="none">
              Pipeline {formatMoney(item.pipelineArr)}
            </Badge>
          </Tooltip>
        )}
        <Text size="xs" c="dimmed">
          Captured by {item.capturedBy?.name ?? 'someone no longer here'}{' '}
          <Tooltip label={formatDateTime(item.createdAt)}>
            <span>{fromNow(item.createdAt)}</span>
          </Tooltip>
        </Text>
        {item.productArea && (
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {item.productArea}
          </Badge>
        )}
        {item.tags.map((tag) => (
          <Badge key={tag} size="xs" variant="light" color="gray" tt="none">
            {tag}
          </Badge>
        ))}
      </Group>
      {!hideRequest && item.request && (
        <Text size="xs">
          Linked to{' '}
          <Anchor component={Link} to={`/feedback/requests/${item.request.id}`} size="xs">
            {item.request.title}
          </Anchor>{' '}
          <Badge size="xs" variant="light" color={statusColor(item.request.status)}>
            {statusLabel(item.request.status)}
          </Badge>
        </Text>
      )}
      {item.customerToldAt && (
        <Text size="xs" c="teal">
          Customer told on {formatDate(item.customerToldAt)}
        </Text>
      )}
      {children}
    </Stack>
  );
}
