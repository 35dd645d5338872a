import { useState } from 'react';

/**
 * Previous/next over an opaque cursor kept in the URL. The cursors of earlier pages are remembered
 * here, so "Previous" goes back exactly one page; after a reload it falls back to the first page.
 */
export function useCursorPages(cursor: string | undefined, setCursor: (cursor: string | undefined) => void) {
  const [history, setHistory] = useState<(string | undefined)[]>([]);
  return {
    page: history.length + 1,
    hasPrevious: cursor !== undefined,
    next: (nextCursor: string) => {
      setHistory((h) => [...h, cursor]);
      setCursor(nextCursor);
    },
    previous: () => {
      const previous = history[history.length - 1];
      setHistory((h) => h.slice(0, -1));
      setCursor(previous);
    },
    reset: () => setHistory([]),
  };
}
