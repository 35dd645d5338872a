import type { ParsedQuery, QueryTerm } from './query-text.js';
import { wordsOf } from './query-text.js';
import { MARK_END, MARK_START } from './snippet-html.js';

/**
 * Relevance for SQLite's bounded candidate set, computed from FTS5 `highlight()` output.
 *
 * FTS5's own bm25() cannot be used on a bounded set: before it scores its first row it counts,
 * for every phrase of the query, every document that contains it (that is how it gets each
 * term's inverse document frequency). For a common word that is a walk over hundreds of thousands
 * of index entries per search, which is what made search slow on the million-ticket bench, and a
 * filter word in the MATCH expression (the record type) would be counted the same way.
 *
 * So the candidates are read with highlight() for each weighted column, which needs nothing but
 * the row itself, and scored here with the same formula bm25() uses (k1 1.2, b 0.75, per-column
 * weights summed into one term frequency), with document frequencies that the caller counted up
 * to a cap and lengths averaged over the candidates. Scores are comparable within one response.
 */

const K1 = 1.2;
const B = 0.75;

export interface CandidateText {
  /** highlight() of each weighted column, in the order of `weights`. */
  marked: readonly (string | null)[];
}

/** Words for length normalisation: whitespace-separated runs (cheaper than the tokenizer's rule, close enough). */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

const MARKED = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');

function termIndexOf(terms: readonly QueryTerm[], words: string[]): number {
  const text = words.join(' ');
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i]!;
    if (t.kind === 'phrase') {
      if (t.words.join(' ') === text) return i;
    } else if (words.length === 1 && (words[0] === t.text || (t.prefix && words[0]!.startsWith(t.text)))) {
      return i;
    }
  }
  return -1;
}

/** Inverse document frequency as FTS5's bm25 computes it, never below a tiny positive floor. */
export function idf(documents: number, containing: number): number {
  const value = Math.log((documents - containing + 0.5) / (containing + 0.5));
  return value > 0 ? value : 1e-6;
}

/**
 * One score per candidate. `idfs[i]` is term i's weight (all 1 for a one-term query, where it
 * does not change the order).
 */
export function scoreCandidates(
  query: ParsedQuery,
  idfs: readonly number[],
  weights: readonly number[],
  candidates: readonly CandidateText[],
): number[] {
  const terms = query.terms;
  const freqs: Float64Array[] = [];
  const lengths: number[] = [];
  for (const c of candidates) {
    const freq = new Float64Array(terms.length);
    let length = 0;
    c.marked.forEach((text, column) => {
      if (!text) return;
      const weight = weights[column] ?? 0;
      length += wordCount(text);
      if (!text.includes(MARK_START)) return;
      for (const m of text.matchAll(MARKED)) {
        const words = wordsOf(m[1]!);
        let i = termIndexOf(terms, words);
        // A marked stretch the terms do not name one by one (adjacent matches merged by the
        // highlighter): credit it to the first term, so that a match never scores nothing.
        if (i < 0) i = 0;
        freq[i]! += weight;
      }
    });
    freqs.push(freq);
    lengths.push(length);
  }
  const average = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
  return freqs.map((freq, n) => {
    const norm = K1 * (1 - B + (B * lengths[n]!) / average);
    let score = 0;
    for (let i = 0; i < freq.length; i++) {
      const f = freq[i]!;
      if (f > 0) score += (idfs[i] ?? 1) * ((f * (K1 + 1)) / (f + norm));
    }
    return score;
  });
}
