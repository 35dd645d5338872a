/** What the search covers, in the order the facet chips show them (no zod here: the web app bundles it). */
export const SEARCH_TYPES = ['ticket', 'message', 'contact', 'account', 'article', 'collateral'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
