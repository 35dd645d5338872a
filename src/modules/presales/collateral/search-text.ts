/**
 * Folding for the collateral list's search: lower case without accents, so "Résumé" is found by
 * "resume" on both databases (SQLite's LIKE folds ASCII only, PostgreSQL's none).
 */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The folded text an item is searched by: its title, description and tags. */
export function collateralSearchText(item: { title: string; description: string; tags: readonly string[] }): string {
  return foldText([item.title, ...item.tags, item.description].join('\n'));
}

/** The words of a search, folded; an item matches when its text contains every one. */
export function searchWords(q: string | undefined): string[] {
  return foldText(q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 10);
}

/** The folded tags as stored in `tag_keys`: a JSON array the tag filter matches by quoted value. */
export function tagKeys(tags: readonly string[]): string {
  return JSON.stringify([...new Set(tags.map(foldText))]);
}
