import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';

/** The rows a home section shows: enough to act on, the rest is one "see all" away. */
export const HOME_ROWS = 6;

/** A count that says when there are more than the rows fetched. */
export function countOf(shown: number, more: boolean): string {
  return more ? `${shown}+` : String(shown);
}

interface Props {
  title: string;
  /** What the count counts, read out with it ("3 tickets"). */
  count?: string | number;
  /** The full screen, filtered to what the section shows. */
  seeAll?: string;
  loading: boolean;
  error?: unknown;
  onRetry?: () => void;
  empty: { icon: ReactNode; title: string; description: ReactNode } | null;
  children?: ReactNode;
}

/** One responsibility on the home screen: a titled card, a count, a short list and the way to the full screen. */
export function HomeSection({ title, count, seeAll, loading, error, onRetry, empty, children }: Props) {
  return (
    <Card component="section" aria-label={title} h="100%">
      <Group justify="space-between" mb="sm" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Title order={4} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {count !== undefined && !loading && !error && (
            <Badge variant="light" color="gray" aria-label={`${count} in ${title}`} style={{ flexShrink: 0 }}>
              {count}
            </Badge>
          )}
        </Group>
        {seeAll && (
          <Anchor component={Link} to={seeAll} size="sm" style={{ flexShrink: 0 }}>
            See all
          </Anchor>
        )}
      </Group>
      {error ? (
        <QueryError error={error} onRetry={onRetry ?? (() => {})} />
      ) : loading ? (
        <Skeleton height={140} />
      ) : empty ? (
        <EmptyState icon={empty.icon} title={empty.title} description={empty.description} />
      ) : (
        <Stack gap="sm">{children}</Stack>
      )}
    </Card>
  );
}

/** One record in a home section: its name links to it, a line of context below, a badge on the right. */
export function HomeRow({ to, name, detail, badge }: { to: string; name: string; detail?: ReactNode; badge?: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Anchor component={Link} to={to} fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Anchor>
        {detail && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {detail}
          </Text>
        )}
      </Stack>
      {badge && <div style={{ flexShrink: 0 }}>{badge}</div>}
    </Group>
  );
}
