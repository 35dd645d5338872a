import type { ReactNode } from 'react';
import { Anchor, Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { LibraryEntry } from './api';
import { EntryStatusBadges, ReviewDue, ShortAnswerBadge } from './LibraryBadges';

type ListedEntry = LibraryEntry & { score?: number | null };

interface Props {
  items: ListedEntry[];
  label: string;
  onOpen: (id: string) => void;
  /** Shows the match column (a search is on). */
  showScore?: boolean;
  /** Buttons for a row (the review queue's "Mark reviewed"). */
  actions?: (entry: ListedEntry) => ReactNode;
}

function QuestionCell({ entry, onOpen }: { entry: ListedEntry; onOpen: (id: string) => void }) {
  return (
    <Stack gap={4}>
      <Anchor
        component="button"
        type="button"
        ta="left"
        fw={600}
        size="sm"
        onClick={() => onOpen(entry.id)}
        style={{ overflowWrap: 'anywhere' }}
      >
        {entry.question}
      </Anchor>
      <Group gap={4} wrap="wrap">
        <ShortAnswerBadge value={entry.shortAnswer} />
        {entry.variants.length > 0 && (
          <Tooltip label={entry.variants.map((v) => v.text).join(' · ')} multiline w={320}>
            <Text size="xs" c="dimmed">
              +{entry.variants.length} phrasing{entry.variants.length === 1 ? '' : 's'}
            </Text>
          </Tooltip>
        )}
        {entry.tags.slice(0, 3).map((t) => (
          <Badge key={t} variant="light" size="xs" color="gray">
            {t}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** Library entries as a table on wide screens and as cards on a phone. */
export function EntryList({ items, label, onOpen, showScore = false, actions }: Props) {
  return (
    <>
      <Table.ScrollContainer minWidth={980} visibleFrom="sm">
        <Table highlightOnHover verticalSpacing="sm" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Question</Table.Th>
              {showScore && <Table.Th>Match</Table.Th>}
              <Table.Th>Product area</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th miw={190}>Status</Table.Th>
              <Table.Th miw={140}>Review due</Table.Th>
              <Table.Th ta="right">Used</Table.Th>
              {actions && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td maw={460}>
                  <QuestionCell entry={e} onOpen={onOpen} />
                </Table.Td>
                {showScore && (
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {e.score ?? '—'}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm">{e.productArea ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{e.owner?.name ?? '—'}</Text>
                </Table.Td>
                <Table.Td miw={190}>
                  <EntryStatusBadges entry={e} />
                </Table.Td>
                <Table.Td>
                  <ReviewDue entry={e} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{e.usageCount}</Text>
                </Table.Td>
                {actions && <Table.Td>{actions(e)}</Table.Td>}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm" p="xs" component="ul" aria-label={label} style={{ listStyle: 'none', margin: 0 }}>
        {items.map((e) => (
          <Card key={e.id} withBorder component="li" padding="sm">
            <Stack gap={6}>
              <QuestionCell entry={e} onOpen={onOpen} />
              <Group gap="xs" wrap="wrap">
                <EntryStatusBadges entry={e} />
                <ReviewDue entry={e} />
              </Group>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {[e.productArea, e.owner?.name ?? 'No owner'].filter(Boolean).join(' · ')}
                </Text>
                <Text size="xs" c="dimmed">
                  Used {e.usageCount}×{showScore && e.score !== null && e.score !== undefined ? ` · match ${e.score}` : ''}
                </Text>
              </Group>
              {actions?.(e)}
            </Stack>
          </Card>
        ))}
      </Stack>
    </>
  );
}
