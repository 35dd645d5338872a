import { errors } from '../../../../kernel/errors.js';

/**
 * Zendesk's search query language (Support API reference → Search; "Zendesk Support search
 * reference"), parsed without I/O: `type:ticket status<solved tags:vip -tags:spam
 * requester:jo@acme.test created>2024-01-01 updated>4hours order_by:created sort:desc printer fire`.
 * - `keyword:value` is equality, `<`, `>`, `<=`, `>=` compare (status, priority, dates);
 * - `-keyword:value` negates; `"a phrase"` and bare words are full text;
 * - a keyword given twice matches either value (`status:open status:pending`), except `tags`,
 *   where each `tags:` must hold and `tags:"a b"` matches a ticket with either tag.
 * Unknown keywords are refused with 400 rather than searched as text, so a typo does not quietly
 * return everything.
 */

export type SearchOperator = ':' | '<' | '>' | '<=' | '>=';

export interface SearchTerm {
  keyword: string;
  operator: SearchOperator;
  value: string;
  negated: boolean;
}

export type SearchType = 'ticket' | 'user' | 'organization' | 'group';

export interface ParsedSearch {
  type: SearchType | null;
  terms: SearchTerm[];
  /** Free text, phrases kept whole. */
  words: string[];
  orderBy: string | null;
  sort: 'asc' | 'desc' | null;
}

/** The keywords a ticket search understands (besides type, order_by and sort). */
export const TICKET_KEYWORDS = [
  'status',
  'priority',
  'ticket_type',
  'tags',
  'requester',
  'assignee',
  'organization',
  'group',
  'created',
  'updated',
  'solved',
] as const;

const SEARCH_TYPES: readonly SearchType[] = ['ticket', 'user', 'organization', 'group'];
const KNOWN = new Set<string>([...TICKET_KEYWORDS, 'type', 'order_by', 'sort']);

// keyword, operator, then a quoted or bare value; or a quoted phrase; or a bare word.
const TOKEN = /(-?)([A-Za-z_]+)(<=|>=|:|<|>)("([^"]*)"?|\S*)|"([^"]*)"?|(\S+)/g;

export function parseSearchQuery(query: string): ParsedSearch {
  const parsed: ParsedSearch = { type: null, terms: [], words: [], orderBy: null, sort: null };
  for (const match of query.matchAll(TOKEN)) {
    const [, minus, keyword, operator, rawValue, quoted, phrase, word] = match;
    if (phrase !== undefined) {
      if (phrase.trim()) parsed.words.push(phrase.trim());
      continue;
    }
    if (word !== undefined) {
      parsed.words.push(word);
      continue;
    }
    const key = keyword!.toLowerCase();
    const value = (quoted ?? rawValue ?? '').trim();
    if (!KNOWN.has(key)) throw errors.searchUnknownKeyword(key);
    if (!value) throw errors.searchBadValue(key, '', 'a value after the keyword');
    const term: SearchTerm = { keyword: key, operator: operator as SearchOperator, value, negated: minus === '-' };
    if (key === 'type') {
      parsed.type = searchType(term);
    } else if (key === 'order_by') {
      parsed.orderBy = plainValue(term).toLowerCase();
    } else if (key === 'sort') {
      const sort = plainValue(term).toLowerCase();
      if (sort !== 'asc' && sort !== 'desc') throw errors.searchBadValue('sort', term.value, 'asc or desc');
      parsed.sort = sort;
    } else {
      parsed.terms.push(term);
    }
  }
  return parsed;
}

function plainValue(term: SearchTerm): string {
  if (term.operator !== ':') throw errors.searchBadOperator(term.keyword, term.operator);
  if (term.negated) throw errors.searchBadValue(`-${term.keyword}`, term.value, `${term.keyword}: without a minus`);
  return term.value;
}

function searchType(term: SearchTerm): SearchType {
  const value = plainValue(term).toLowerCase();
  if ((SEARCH_TYPES as readonly string[]).includes(value)) return value as SearchType;
  // Zendesk's ticket type is `ticket_type:`; `type:` names what is searched for.
  const hint = ['question', 'incident', 'problem', 'task'].includes(value) ? ` (for a ticket's type use ticket_type:${value})` : '';
  throw errors.searchBadValue('type', term.value, `ticket, user, organization or group${hint}`);
}

const UNIT_MS: Record<string, number> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 7 * 86_400_000,
  month: 30 * 86_400_000,
  year: 365 * 86_400_000,
};

/** A point in time a date value names, and how long the named period lasts (a day, or an instant). */
export interface TimeValue {
  at: number;
  /** The length of the named period: a whole day for a date, 0 for an exact time or a relative one. */
  span: number;
  relative: boolean;
}

/**
 * `2024-01-01` (a UTC day), `2024-01-01T10:00:00Z` (an instant) or `4hours`, `1day`, `2weeks`,
 * `3months` (that long before now).
 */
export function parseTimeValue(keyword: string, value: string, now: Date): TimeValue {
  const relative = /^(\d{1,6})\s*(minute|hour|day|week|month|year)s?$/i.exec(value);
  if (relative) return { at: now.getTime() - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!, span: 0, relative: true };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const at = Date.parse(`${value}T00:00:00Z`);
    if (!Number.isNaN(at)) return { at, span: 86_400_000, relative: false };
  } else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.test(value)) {
    const at = Date.parse(/Z|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
    if (!Number.isNaN(at)) return { at, span: 0, relative: false };
  }
  throw errors.searchBadValue(keyword, value, 'a date (2024-01-31), a UTC time (2024-01-31T10:00:00Z) or a period (4hours, 2days, 1week)');
}

/**
 * The range of times a date term selects, as [from, to) in ms (either open). A relative value
 * reads as an age: `created>4hours` is "created within the last four hours" (newer than four
 * hours ago), `created<4hours` "more than four hours ago".
 */
export function timeRange(term: SearchTerm, now: Date): { from?: number; to?: number } {
  const t = parseTimeValue(term.keyword, term.value, now);
  if (t.relative) {
    if (term.operator === '>' || term.operator === '>=') return { from: t.at };
    if (term.operator === '<' || term.operator === '<=') return { to: t.at };
    return { from: t.at };
  }
  const end = t.at + t.span;
  switch (term.operator) {
    case ':':
      return t.span ? { from: t.at, to: end } : { from: t.at, to: t.at + 1000 };
    case '>':
      return { from: t.span ? end : t.at + 1 };
    case '>=':
      return { from: t.at };
    case '<':
      return { to: t.at };
    case '<=':
      return { to: t.span ? end : t.at + 1 };
  }
}

/** The values of an ordered list that a comparison selects: `status<solved` → new, open, pending, hold. */
export function orderedValues<T extends string>(term: SearchTerm, order: readonly T[], expected: string): T[] {
  const index = order.indexOf(term.value.toLowerCase() as T);
  if (index < 0) throw errors.searchBadValue(term.keyword, term.value, expected);
  let picked: T[];
  switch (term.operator) {
    case ':':
      picked = [order[index]!];
      break;
    case '<':
      picked = order.slice(0, index);
      break;
    case '<=':
      picked = order.slice(0, index + 1);
      break;
    case '>':
      picked = order.slice(index + 1);
      break;
    case '>=':
      picked = order.slice(index);
      break;
  }
  return term.negated ? order.filter((v) => !picked.includes(v)) : picked;
}
