import { Button, Card, Kbd, Loader, Skeleton, Stack, Text } from '@mantine/core';
import type { RefObject } from 'react';
import { EmptyState } from '../../../ui/EmptyState';
import { QueryError } from '../../../ui/QueryError';
import type { Question, useQuestions } from './api';
import { QuestionDetail } from './QuestionDetail';
import { QuestionRow } from './QuestionRow';

/** The questions in workbook order, the selected one open on its editor, and more pages on demand. */
export function QuestionList({
  list,
  items,
  selectedId,
  onSelect,
  canWrite,
  canApprove,
  editRef,
  onAssign,
  onGap,
}: {
  list: ReturnType<typeof useQuestions>;
  items: Question[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  canWrite: boolean;
  canApprove: boolean;
  editRef: RefObject<HTMLTextAreaElement | null>;
  onAssign: (question: Question) => void;
  onGap: (question: Question) => void;
}) {
  return (
    <>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Stack gap="xs">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={64} />
          ))}
        </Stack>
      ) : items.length === 0 ? (
        <Card withBorder>
          <EmptyState title="No question matches" description="Change the filters to see more questions." />
        </Card>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label="Questions"
          style={{ listStyle: 'none', padding: 0, margin: 0, opacity: list.isPlaceholderData ? 0.6 : 1 }}
        >
          {items.map((x) => (
            <QuestionRow key={x.id} q={x} selected={x.id === selectedId} onSelect={() => onSelect(x.id)}>
              {x.id === selectedId && (
                <QuestionDetail
                  question={x}
                  canApprove={canApprove}
                  canWrite={canWrite}
                  editRef={editRef}
                  onAssign={() => onAssign(x)}
                  onGap={() => onGap(x)}
                />
              )}
            </QuestionRow>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          Load more questions
        </Button>
      )}
      {list.isFetching && !list.isPending && !list.isFetchingNextPage && <Loader size="xs" />}
      <Text size="xs" c="dimmed">
        Press <Kbd size="xs">?</Kbd> for keyboard shortcuts.
      </Text>
    </>
  );
}
