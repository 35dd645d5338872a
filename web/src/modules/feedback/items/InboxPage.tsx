import { useRef, useState } from 'react';
import { Badge, Button, Card, Divider, Group, Kbd, Paper, Select, Skeleton, Stack, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { EmptyState } from '../../../ui/EmptyState';
import { FilterBar, filterWidth } from '../../../ui/FilterBar';
import { PageHeader } from '../../../ui/PageHeader';
import { QueryError } from '../../../ui/QueryError';
import { useUrlFilters } from '../../../ui/use-url-filters';
import { AccountFilter } from '../../search/AccountFilter';
import { useProductAreas } from '../requests/api';
import { useInbox, type InboxEntry, type InboxParams } from './api';
import { CaptureFeedbackButton } from './CaptureFeedback';
import { FeedbackItemBody } from './FeedbackItemBody';
import { FEEDBACK_SOURCES, IMPACT_LABELS, IMPACTS, SOURCE_LABELS } from './labels';
import { LinkPanel, type LinkPanelMode } from './LinkPanel';
import { useInboxKeys } from './use-inbox-keys';

const FILTER_KEYS = ['account', 'impact', 'area', 'source'] as const;

/** The insights inbox: feedback to triage, unlinked first, each with the requests it resembles. */
export function InboxPage() {
  const filters = useUrlFilters(FILTER_KEYS);
  const params: InboxParams = {
    accountId: filters.values.account,
    // Whatever the address bar holds; the server rejects a value that is not one of its own.
    impact: filters.values.impact as InboxParams['impact'],
    productArea: filters.values.area,
    sourceType: filters.values.source as InboxParams['sourceType'],
    limit: 25,
  };
  const inbox = useInbox(params);
  const areas = useProductAreas();
  const entries = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  const unlinkedCount = inbox.data?.pages[0]?.unlinkedCount ?? 0;

  const [selected, setSelected] = useState(0);
  const [panel, setPanel] = useState<{ mode: LinkPanelMode; focus: number } | null>(null);
  const cards = useRef<(HTMLDivElement | null)[]>([]);
  const current = Math.min(selected, Math.max(entries.length - 1, 0));

  const focusCard = (index: number) => cards.current[index]?.focus();
  const select = (index: number) => {
    if (entries.length === 0) return;
    const next = Math.max(0, Math.min(entries.length - 1, index));
    setSelected(next);
    setPanel(null);
    focusCard(next);
  };
  const close = () => {
    setPanel(null);
    focusCard(current);
  };
  useInboxKeys({
    move: (delta) => select(current + delta),
    open: () => entries.length > 0 && setPanel((p) => p ?? { mode: 'link', focus: 0 }),
    focusLink: () => entries.length > 0 && setPanel((p) => ({ mode: 'link', focus: (p?.focus ?? 0) + 1 })),
    newRequest: () => entries.length > 0 && setPanel({ mode: 'new', focus: 0 }),
    close,
  });

  const firstLinked = entries.findIndex((e) => e.item.request !== null);

  return (
    <>
      <PageHeader
        title="Insights inbox"
        description={
          <>
            Feedback waiting for triage, unlinked first. <Kbd size="xs">j</Kbd>/<Kbd size="xs">k</Kbd> move, <Kbd size="xs">Enter</Kbd>{' '}
            links, <Kbd size="xs">l</Kbd> searches, <Kbd size="xs">n</Kbd> makes a request.
          </>
        }
        actions={<CaptureFeedbackButton sourceType="manual" />}
      />
      <Card p={0}>
        <FilterBar
          withBorder
          active={filters.active}
          onClear={() => {
            setSelected(0);
            filters.clear();
          }}
        >
          <Stack gap={4} w={{ base: '100%', xs: 240 }}>
            <Text size="sm" fw={500}>
              Account
            </Text>
            <AccountFilter value={filters.values.account ?? null} onChange={(id) => filters.setFilter('account', id)} />
          </Stack>
          <Select
            label="Impact"
            placeholder="Any"
            clearable
            data={IMPACTS.map((value) => ({ value, label: IMPACT_LABELS[value] }))}
            value={filters.values.impact ?? null}
            onChange={(v) => filters.setFilter('impact', v)}
            w={filterWidth(150)}
          />
          <Select
            label="Product area"
            placeholder="Any"
            clearable
            searchable
            data={areas}
            value={filters.values.area ?? null}
            onChange={(v) => filters.setFilter('area', v)}
            w={filterWidth(170)}
          />
          <Select
            label="Source"
            placeholder="Any"
            clearable
            data={FEEDBACK_SOURCES.map((value) => ({ value, label: SOURCE_LABELS[value] }))}
            value={filters.values.source ?? null}
            onChange={(v) => filters.setFilter('source', v)}
            w={filterWidth(170)}
          />
        </FilterBar>
        <Group px="md" pt="md" gap="xs">
          <Badge
            size="lg"
            variant={unlinkedCount > 0 ? 'filled' : 'light'}
            color={unlinkedCount > 0 ? 'orange' : 'teal'}
            aria-label="Unlinked items"
          >
            {unlinkedCount} unlinked
          </Badge>
          <Text size="sm" c="dimmed">
            {unlinkedCount > 0 ? 'to link to a request' : 'Everything is triaged.'}
          </Text>
        </Group>
        <Stack p="md" gap="sm">
          {inbox.isPending && [1, 2, 3].map((n) => <Skeleton key={n} height={140} />)}
          {inbox.isError && <QueryError error={inbox.error} onRetry={() => void inbox.refetch()} />}
          {inbox.isSuccess && entries.length === 0 && (
            <EmptyState
              icon={<IconInbox size={18} />}
              title={filters.active ? 'No feedback matches these filters' : 'No feedback yet'}
              description="Capture feedback from a ticket, an interaction, a PoC criterion or an engagement task."
            />
          )}
          <Stack gap="sm" role="list" aria-label="Feedback items" style={{ opacity: inbox.isPlaceholderData ? 0.6 : 1 }}>
            {entries.map((entry, index) => (
              <InboxCard
                key={entry.item.id}
                ref={(el) => {
                  cards.current[index] = el;
                }}
                entry={entry}
                selected={index === current}
                linkedDivider={index === firstLinked}
                panel={index === current ? panel : null}
                onSelect={() => setSelected(index)}
                onOpen={() => {
                  setSelected(index);
                  setPanel({ mode: 'link', focus: 1 });
                }}
                onModeChange={(mode) => setPanel({ mode, focus: 0 })}
                onClose={close}
              />
            ))}
          </Stack>
          {inbox.hasNextPage && (
            <Group justify="center">
              <Button variant="default" size="xs" loading={inbox.isFetchingNextPage} onClick={() => void inbox.fetchNextPage()}>
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </>
  );
}

interface InboxCardProps {
  ref: (el: HTMLDivElement | null) => void;
  entry: InboxEntry;
  selected: boolean;
  linkedDivider: boolean;
  panel: { mode: LinkPanelMode; focus: number } | null;
  onSelect: () => void;
  onOpen: () => void;
  onModeChange: (mode: LinkPanelMode) => void;
  onClose: () => void;
}

function InboxCard({ ref, entry, selected, linkedDivider, panel, onSelect, onOpen, onModeChange, onClose }: InboxCardProps) {
  const { item } = entry;
  return (
    <>
      {linkedDivider && <Divider label="Already linked" labelPosition="left" />}
      <Paper
        ref={ref}
        role="listitem"
        tabIndex={selected ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        aria-label={item.title}
        data-testid="inbox-item"
        withBorder
        p="sm"
        onFocus={(event) => event.target === event.currentTarget && onSelect()}
        onClick={onSelect}
        style={{
          outline: 'none',
          borderColor: selected ? 'var(--mantine-color-indigo-5)' : undefined,
          boxShadow: selected ? '0 0 0 2px var(--mantine-color-indigo-2)' : undefined,
        }}
      >
        <FeedbackItemBody item={item}>
          {panel ? (
            <LinkPanel entry={entry} mode={panel.mode} focusToken={panel.focus} onModeChange={onModeChange} onClose={onClose} />
          ) : (
            <Group justify="flex-end">
              <Button size="xs" variant={item.request ? 'subtle' : 'light'} onClick={onOpen}>
                {item.request
                  ? 'Change link…'
                  : `Link to request…${entry.suggestions.length ? ` (${entry.suggestions.length} suggested)` : ''}`}
              </Button>
            </Group>
          )}
        </FeedbackItemBody>
      </Paper>
    </>
  );
}
