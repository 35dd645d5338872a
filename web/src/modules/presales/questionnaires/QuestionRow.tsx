import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { QUESTION_STATUS_COLORS, QUESTION_STATUS_LABELS, type Question } from './api';

/**
 * One question in the workspace list: its number, original cell, text, status and assignee. The
 * selected one grows to hold its editor (the children) and scrolls into view as the keys move.
 */
export function QuestionRow({
  q,
  selected,
  onSelect,
  children,
}: {
  q: Question;
  selected: boolean;
  onSelect: () => void;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <Card
      ref={ref}
      component="li"
      withBorder
      padding="sm"
      aria-selected={selected}
      aria-label={`Question ${q.reference ?? q.position}`}
      data-question-id={q.id}
      style={{
        cursor: selected ? 'default' : 'pointer',
        borderColor: selected ? 'var(--mantine-color-blue-filled)' : undefined,
        boxShadow: selected ? '0 0 0 1px var(--mantine-color-blue-filled)' : undefined,
      }}
      onClick={onSelect}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            {q.reference && (
              <Text size="xs" fw={700} c="dimmed">
                {q.reference}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {q.sheet}!{q.cells.question}
            </Text>
            {q.gap && (
              <Badge size="xs" color="orange" variant="light">
                Gap
              </Badge>
            )}
          </Group>
          <Text
            size="sm"
            fw={selected ? 600 : 400}
            style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            lineClamp={selected ? undefined : 3}
          >
            {q.question}
          </Text>
          {!selected && (q.answerShort || q.answer) && (
            <Text size="xs" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
              {[q.answerShort, q.answer].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge color={QUESTION_STATUS_COLORS[q.status]} variant="light">
            {QUESTION_STATUS_LABELS[q.status]}
          </Badge>
          {q.status === 'suggested' && q.suggestion && (
            <Text size="xs" c={q.suggestion.stale ? 'orange' : 'violet'}>
              {Math.round(q.suggestion.score)}
              {q.suggestion.stale ? ' · stale' : ''}
            </Text>
          )}
          {q.assignee && (
            <Text size="xs" c="dimmed" truncate maw={140}>
              {q.assignee.name}
              {q.assignmentDueOn ? ` · ${q.assignmentDueOn}` : ''}
            </Text>
          )}
        </Stack>
      </Group>
      {children}
    </Card>
  );
}
