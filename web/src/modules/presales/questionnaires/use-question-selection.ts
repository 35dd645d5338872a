import { useEffect, useMemo, useState } from 'react';
import { notifySuccess } from '../../../ui/server-errors';
import type { QuestionStatus, useQuestions } from './api';

const NEEDS_ANSWER = new Set<QuestionStatus>(['unanswered', 'suggested']);

/**
 * The selected question of the workspace list and the moves the keyboard makes through it. The list
 * is paged, so the first question is selected once it arrives, a question named in the link
 * (`wanted`) once its page is loaded, and "next unanswered" loads pages until it finds one.
 */
export function useQuestionSelection(list: ReturnType<typeof useQuestions>, wanted: string | null) {
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [selectedId, setSelectedId] = useState<string | null>(wanted);
  const selectedIndex = items.findIndex((x) => x.id === selectedId);
  const selected = selectedIndex >= 0 ? items[selectedIndex]! : null;
  const [wantNext, setWantNext] = useState(false);

  useEffect(() => {
    if (!items.length) return;
    if (selectedId && selectedIndex >= 0) return;
    if (wanted && !items.some((x) => x.id === wanted) && list.hasNextPage && !list.isFetchingNextPage) {
      void list.fetchNextPage();
      return;
    }
    setSelectedId(wanted && items.some((x) => x.id === wanted) ? wanted : items[0]!.id);
  }, [items, selectedId, selectedIndex, wanted, list]);

  const findNext = (from: number) => items.findIndex((x, i) => i > from && NEEDS_ANSWER.has(x.status));
  // "n" past the loaded pages: load the next page and look again.
  useEffect(() => {
    if (!wantNext || list.isFetchingNextPage) return;
    const next = findNext(selectedIndex);
    if (next >= 0) {
      setSelectedId(items[next]!.id);
      setWantNext(false);
    } else if (list.hasNextPage) void list.fetchNextPage();
    else {
      setWantNext(false);
      notifySuccess('No unanswered question after this one.');
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wantNext, items, list.isFetchingNextPage]);

  const move = (delta: 1 | -1) => {
    if (!items.length) return;
    const next = Math.min(Math.max((selectedIndex < 0 ? -1 : selectedIndex) + delta, 0), items.length - 1);
    setSelectedId(items[next]!.id);
    if (delta === 1 && next === items.length - 1 && list.hasNextPage) void list.fetchNextPage();
  };

  return { items, selected, selectedId, select: setSelectedId, move, nextUnanswered: () => setWantNext(true) };
}
