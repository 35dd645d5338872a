/**
 * Words as the feedback module compares them: letters and digits, diacritics folded, lower case.
 * Suggestions match an item's words against a request's folded text (feature_requests.search_text).
 */
export function foldWords(text: string): string[] {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

// Words that say nothing about what a customer needs.
const STOP_WORDS = new Set(
  (
    'the and for with that this from have has had not but are was were will would could should can cannot our your their they them ' +
    'its into when what which who how why all any some more most very just also than then there here about would like need needs ' +
    'want wants please able make made does did doing been being get gets got use used using customer customers we you it is in on ' +
    'to of a an or be as at by if no so do us my me before after again still every each other only same such too over under ' +
    'read write blocks block works working work time day days week weeks month today really already always never without within'
  ).split(' '),
);

/** The words of a text worth matching on: no stop words, at least three letters, longest first, at most `max`. */
export function significantWords(text: string, max = 8): string[] {
  const words = [...new Set(foldWords(text).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)))];
  return words.sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, max);
}

/** The folded text a request is matched by, capped so a request with thousands of quotes stays one short row. */
export function requestSearchText(parts: readonly string[]): string {
  return ` ${foldWords(parts.join(' ')).join(' ')} `.slice(0, 20_000);
}
