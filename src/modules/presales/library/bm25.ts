/**
 * A compact BM25+ index over short texts, in typed arrays. The library first used MiniSearch, and
 * measured 50–90 ms per question against 10,000 entries (its per-match result objects dominate),
 * which puts a 300-question auto-fill at 30 s; this index precomputes each posting's weight once,
 * so a search is one multiply-add per posting. Pure: no I/O.
 *
 * Scoring (Lv & Zhai's BM25+, the variant MiniSearch uses): for each distinct query term t found
 * in document D,
 *   idf(t) × (δ + tf·(k1+1) / (tf + k1·(1 − b + b·|D|/avgdl))),  idf(t) = ln(1 + (N − df + ½)/(df + ½)).
 *
 * @example
 * const index = new Bm25Index();
 * index.add(['encrypt', 'data', 'rest']);
 * index.freeze();
 * const scores = new Float64Array(index.size), touched: number[] = [];
 * index.accumulate(queryTerms(['encrypt']), scores, touched); // scores[0] > 0, touched = [0]
 */

export const BM25 = { k1: 1.2, b: 0.75, delta: 0.5 } as const;

/** A query's terms: each distinct term with how often the query says it. */
export type QueryTerms = ReadonlyMap<string, number>;

/** A growable Int32Array (postings are collected before their count is known). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly lengths = new IntList();
  private totalLength = 0;
  // Postings while adding: parallel lists of (term, document, term frequency).
  private building: { term: IntList; doc: IntList; tf: IntList } | null = { term: new IntList(), doc: new IntList(), tf: new IntList() };
  // After freeze(): postings grouped by term (term t's are offsets[t] … offsets[t+1]).
  private offsets = new Int32Array(1);
  private docs = new Int32Array(0);
  private weights = new Float32Array(0);
  private idfs = new Float64Array(0);
  private selfScores = new Float64Array(0);
  // The same postings grouped by document (document d's are byDocOffsets[d] … [d+1], terms ascending).
  private byDocOffsets = new Int32Array(1);
  private byDocTerms = new Int32Array(0);
  private byDocWeights = new Float32Array(0);

  /** Adds a document given as its terms (with repeats); returns its number (0, 1, 2…). */
  add(terms: readonly string[]): number {
    const b = this.building;
    if (!b) throw new Error('Bm25Index: add() after freeze()');
    const doc = this.lengths.length;
    this.lengths.push(terms.length);
    this.totalLength += terms.length;
    const ids = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) {
      const t = terms[i]!;
      let id = this.termIds.get(t);
      if (id === undefined) this.termIds.set(t, (id = this.termIds.size));
      ids[i] = id;
    }
    ids.sort();
    for (let i = 0; i < ids.length;) {
      let j = i + 1;
      while (j < ids.length && ids[j] === ids[i]) j++;
      b.term.push(ids[i]!);
      b.doc.push(doc);
      b.tf.push(j - i);
      i = j;
    }
    return doc;
  }

  /** Ends adding: groups the postings by term and precomputes their weights and the terms' idf. */
  freeze(): void {
    const b = this.building;
    if (!b) return;
    this.building = null;
    const terms = this.termIds.size;
    const n = b.term.length;
    const offsets = new Int32Array(terms + 1);
    for (let i = 0; i < n; i++) offsets[b.term.data[i]! + 1]!++;
    for (let t = 0; t < terms; t++) offsets[t + 1]! += offsets[t]!;
    const fill = offsets.slice(0, terms);
    const docs = new Int32Array(n);
    const weights = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const at = fill[b.term.data[i]!]!++;
      const d = b.doc.data[i]!;
      docs[at] = d;
      weights[at] = this.termWeight(b.tf.data[i]!, this.lengths.data[d]!);
    }
    const idfs = new Float64Array(terms);
    for (let t = 0; t < terms; t++) idfs[t] = this.idfOf(offsets[t + 1]! - offsets[t]!);
    // Each document's score against itself (the most any query can earn on it), for normalising.
    const selfScores = new Float64Array(this.size);
    for (let t = 0; t < terms; t++) for (let i = offsets[t]!; i < offsets[t + 1]!; i++) selfScores[docs[i]!]! += idfs[t]! * weights[i]!;
    // Grouped by document too, for scoring a few chosen documents without walking whole posting lists.
    const byDocOffsets = new Int32Array(this.size + 1);
    for (let i = 0; i < n; i++) byDocOffsets[docs[i]! + 1]!++;
    for (let d = 0; d < this.size; d++) byDocOffsets[d + 1]! += byDocOffsets[d]!;
    const at = byDocOffsets.slice(0, this.size);
    const byDocTerms = new Int32Array(n);
    const byDocWeights = new Float32Array(n);
    // Walking terms in id order leaves each document's terms ascending.
    for (let t = 0; t < terms; t++)
      for (let i = offsets[t]!; i < offsets[t + 1]!; i++) {
        const j = at[docs[i]!]!++;
        byDocTerms[j] = t;
        byDocWeights[j] = weights[i]!;
      }
    Object.assign(this, { offsets, docs, weights, idfs, selfScores, byDocOffsets, byDocTerms, byDocWeights });
  }

  /** The query's terms that the index knows, as term ids with their weights (for `scoreDocument`). */
  knownTerms(query: QueryTerms, termWeights?: ReadonlyMap<string, number>): { ids: number[]; idfs: number[] } {
    this.freeze();
    const ids: number[] = [];
    const idfs: number[] = [];
    for (const term of query.keys()) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      ids.push(t);
      idfs.push(this.idfs[t]! * (termWeights?.get(term) ?? 1));
    }
    return { ids, idfs };
  }

  /** One document's score for the query (`knownTerms`): a binary search per term in the document's own terms. */
  scoreDocument(known: { ids: number[]; idfs: number[] }, doc: number): number {
    const start = this.byDocOffsets[doc]!;
    const end = this.byDocOffsets[doc + 1]!;
    let sum = 0;
    for (let k = 0; k < known.ids.length; k++) {
      const t = known.ids[k]!;
      let lo = start;
      let hi = end - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = this.byDocTerms[mid]!;
        if (v === t) {
          sum += known.idfs[k]! * this.byDocWeights[mid]!;
          break;
        }
        if (v < t) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return sum;
  }

  /** What each document scores against a query made of exactly its own words, by document number. */
  documentSelfScores(): Float64Array {
    this.freeze();
    return this.selfScores;
  }

  get size(): number {
    return this.lengths.length;
  }

  private idfOf(df: number): number {
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  private termWeight(tf: number, length: number): number {
    const { k1, b, delta } = BM25;
    const average = this.size ? this.totalLength / this.size : 1;
    return delta + (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / (average || 1)));
  }

  /**
   * Adds `scale` × each matching document's score to `scores[doc]`, and pushes onto `touched` each
   * document whose score was 0 before (so the caller can visit and reset only those).
   * `termWeights` scales single terms (prefix expansions count less).
   */
  accumulate(query: QueryTerms, scores: Float64Array, touched: number[], scale = 1, termWeights?: ReadonlyMap<string, number>): void {
    this.freeze();
    const { offsets, docs, weights, idfs } = this;
    for (const term of query.keys()) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const idf = scale * idfs[t]! * (termWeights?.get(term) ?? 1);
      for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
        const d = docs[i]!;
        if (scores[d] === 0) touched.push(d);
        scores[d]! += idf * weights[i]!;
      }
    }
  }

  /**
   * What the query would score against a document made of exactly its own words: the yardstick
   * for normalising scores (a term the index has never seen counts with the highest idf).
   */
  selfScore(query: QueryTerms): number {
    this.freeze();
    let length = 0;
    for (const n of query.values()) length += n;
    let sum = 0;
    for (const [term, tf] of query) {
      const t = this.termIds.get(term);
      const idf = t === undefined ? this.idfOf(0) : this.idfs[t]!;
      sum += idf * this.termWeight(tf, length);
    }
    return sum;
  }

  /** Indexed terms starting with `prefix` (for search as you type), at most `limit`. */
  termsStartingWith(prefix: string, limit: number): string[] {
    const out: string[] = [];
    for (const term of this.termIds.keys()) {
      if (term.startsWith(prefix) && term !== prefix) {
        out.push(term);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}

/** A query's terms counted. */
export function queryTerms(terms: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}
