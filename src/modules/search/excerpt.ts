import { MARK_END, MARK_START } from './snippet-html.js';

/**
 * An excerpt of about `tokens` words from a highlighted text (MARK_START/MARK_END around
 * matches), like FTS5's snippet(): the window with the most marked words, starting a couple of
 * words before the first of them, with '…' where text was cut. Made from the highlight the
 * search has already read, so a page of results costs no second full-text lookup.
 */
export function excerpt(marked: string, tokens: number): string {
  const parts = marked.split(/(\s+)/);
  const words: number[] = [];
  for (let i = 0; i < parts.length; i++) if (parts[i] && !/^\s+$/.test(parts[i]!)) words.push(i);
  if (words.length <= tokens) return marked.trim();
  const hasMark = words.map((i) => parts[i]!.includes(MARK_START) || parts[i]!.includes(MARK_END));
  let best = 0;
  let bestHits = -1;
  for (let w = 0; w < words.length; w++) {
    if (!hasMark[w]) continue;
    const start = Math.max(0, Math.min(w - 2, words.length - tokens));
    let hits = 0;
    for (let k = start; k < start + tokens; k++) if (hasMark[k]) hits++;
    if (hits > bestHits) {
      best = start;
      bestHits = hits;
    }
  }
  const end = best + tokens;
  let text = parts.slice(words[best]!, words[end - 1]! + 1).join('');
  // A mark opened inside the window and closed after it is closed here; one closed inside but
  // opened before it is dropped (markedToHtml ignores an unmatched end).
  if (text.lastIndexOf(MARK_START) > text.lastIndexOf(MARK_END)) text += MARK_END;
  return `${best > 0 ? '…' : ''}${text}${end < words.length ? '…' : ''}`;
}
