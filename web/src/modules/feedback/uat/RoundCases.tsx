import { ActionIcon, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { notifyError } from '../../../ui/server-errors';
import { useDeleteCase, useReorderCases, type UatCase, type UatRound } from './api';

/** The round's cases in order; while it is open, a manager edits, moves and removes them. */
export function RoundCases({ round, editable, onEdit }: { round: UatRound; editable: boolean; onEdit: (c: UatCase) => void }) {
  const reorder = useReorderCases(round.id);
  const remove = useDeleteCase();
  const ids = round.cases.map((c) => c.id);
  const move = (index: number, by: -1 | 1) => {
    const next = [...ids];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    reorder.mutate(next, { onError: (e) => notifyError(e) });
  };
  if (round.cases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No test cases yet{editable ? ': add the first one.' : '.'}
      </Text>
    );
  }
  return (
    <Stack gap="xs" role="list" aria-label="Test cases">
      {round.cases.map((c, i) => (
        <Card key={c.id} withBorder padding="xs" role="listitem" aria-label={`${c.position}. ${c.title}`}>
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {c.position}. {c.title}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {c.steps}
              </Text>
              <Text size="xs">
                <Text span fw={600} size="xs">
                  Expected:
                </Text>{' '}
                {c.expected}
              </Text>
            </Stack>
            {editable && (
              <Group gap={0} wrap="nowrap">
                <Tooltip label="Move up">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move ${c.title} up`}
                    disabled={i === 0 || reorder.isPending}
                    onClick={() => move(i, -1)}
                  >
                    <IconArrowUp size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Move down">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Move ${c.title} down`}
                    disabled={i === round.cases.length - 1 || reorder.isPending}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Edit">
                  <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${c.title}`} onClick={() => onEdit(c)}>
                    <IconPencil size={14} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={c.results.length ? 'Tested cases stay; edit it instead' : 'Remove'}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove ${c.title}`}
                    disabled={c.results.length > 0}
                    onClick={() => remove.mutate(c.id, { onError: (e) => notifyError(e) })}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
