/**
 * Turning what a person typed into a query neither full-text engine can choke on. Both engines
 * get the same words: runs of letters and digits, diacritics folded and lower-cased — exactly what
 * the SQLite tokenizer (`unicode61 remove_diacritics 2`) makes of the indexed text, and what the
 * PostgreSQL adapter feeds to `to_tsvector('simple', …)`. Quotes, operators and brackets are never
 * passed through: a balanced "quoted phrase" becomes a phrase, everything else is plain words that
 * must all match, and the last bare word matches as a prefix (type-ahead).
 */

export type QueryTerm = { kind: 'word'; text: string; prefix: boolean } | { kind: 'phrase'; words: string[] };

export interface ParsedQuery {
  terms: QueryTerm[];
}

const MAX_TERMS = 12;
const MAX_WORD_LENGTH = 64;
/** A one-letter prefix matches most of the index and tells the reader nothing. */
const MIN_PREFIX_LENGTH = 2;

/** Lower case, without diacritics (é → e, ü → u), as the index stores words. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The words of a text as both engines see them. */
export function wordsOf(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, MAX_WORD_LENGTH));
}

/** Parses free text into terms; an input with no letters or digits gives no terms. */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  // Split into quoted and unquoted stretches; an unbalanced quote is just a separator.
  const quoteCount = (input.match(/"/g) ?? []).length;
  const pieces = input.split('"');
  pieces.forEach((piece, i) => {
    const quoted = i % 2 === 1 && (quoteCount % 2 === 0 || i < pieces.length - 1);
    const words = wordsOf(piece);
    if (quoted && words.length > 1) terms.push({ kind: 'phrase', words });
    else for (const text of words) terms.push({ kind: 'word', text, prefix: false });
  });
  const limited = terms.slice(0, MAX_TERMS);
  const last = limited[limited.length - 1];
  const endsInQuote = /"\s*$/.test(input) && quoteCount % 2 === 0;
  if (last?.kind === 'word' && !endsInQuote && last.text.length >= MIN_PREFIX_LENGTH) last.prefix = true;
  return { terms: limited };
}

/** The FTS5 MATCH expression: every word quoted (so no word is an operator), implicit AND. */
export function toFts5Query(query: ParsedQuery): string {
  return query.terms.map((t) => (t.kind === 'phrase' ? `"${t.words.join(' ')}"` : `"${t.text}"${t.prefix ? '*' : ''}`)).join(' ');
}

/**
 * The `to_tsquery('simple', …)` text: quoted lexemes joined by &, phrases with <->. With
 * `weight`, every lexeme matches only in text of that weight (A: the heading).
 */
export function toTsQuery(query: ParsedQuery, weight?: 'A'): string {
  const lexeme = (w: string, prefix = false) =>
    `'${w.replace(/'/g, "''")}'${prefix || weight ? ':' : ''}${prefix ? '*' : ''}${weight ?? ''}`;
  return query.terms
    .map((t) => (t.kind === 'phrase' ? `(${t.words.map((w) => lexeme(w)).join(' <-> ')})` : lexeme(t.text, t.prefix)))
    .join(' & ');
}
