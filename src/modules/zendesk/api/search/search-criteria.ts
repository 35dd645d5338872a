import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { errors } from '../../../../kernel/errors.js';
import { accountsByNameOrDomain, contactsByEmail, findAccount } from '../../../accounts/index.js';
import { searchDocuments } from '../../../search/index.js';
import { listGroups, type TicketCriteria, type TicketQuerySort } from '../../../support/index.js';
import { findMemberRowByEmail } from '../../../team/index.js';
import { outpostIds } from '../numeric-ids.js';
import { orderedValues, timeRange, type ParsedSearch, type SearchTerm } from './search-query.js';

/**
 * A parsed ticket search turned into support's `TicketCriteria`: people, organizations and groups
 * named by Zendesk id, e-mail or name become Outpost ids (one batch read per keyword), free words
 * become the ticket ids the full-text index finds.
 */

// Zendesk's workflow order; Outpost's on_hold is Zendesk's hold.
const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
const PRIORITY_ORDER = ['low', 'normal', 'high', 'urgent'] as const;
const TYPES = ['question', 'incident', 'problem', 'task'] as const;

/**
 * Free text matches at most this many tickets (subject and every message): the search module
 * ranks, and Zendesk itself returns at most 1,000 results of a query.
 */
export const FULL_TEXT_LIMIT = 2000;

export interface SearchCaller {
  memberId: string;
}

export interface TicketSearch {
  criteria: TicketCriteria;
  sortBy: TicketQuerySort | null;
  sortOrder: 'asc' | 'desc' | null;
}

export async function ticketSearch(db: Kysely<Database>, parsed: ParsedSearch, caller: SearchCaller, now: Date): Promise<TicketSearch> {
  const criteria: TicketCriteria = {};
  const byKeyword = new Map<string, SearchTerm[]>();
  for (const term of parsed.terms) byKeyword.set(term.keyword, [...(byKeyword.get(term.keyword) ?? []), term]);
  const list = (keyword: string) => byKeyword.get(keyword) ?? [];

  if (list('status').length) {
    const statuses = union(list('status').map((t) => orderedValues(t, STATUS_ORDER, 'new, open, pending, hold, solved or closed')));
    criteria.statuses = statuses.map((s) => (s === 'hold' ? 'on_hold' : s));
  }
  if (list('priority').length)
    criteria.priorities = union(list('priority').map((t) => orderedValues(t, PRIORITY_ORDER, 'low, normal, high or urgent')));
  if (list('ticket_type').length) {
    const expected = 'question, incident, problem or task';
    criteria.types = union(list('ticket_type').map((t) => orderedValues({ ...t, operator: onlyEquals(t) }, TYPES, expected)));
  }
  for (const term of list('tags')) {
    onlyEquals(term);
    const tags = term.value
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (term.negated) criteria.tagsNone = [...(criteria.tagsNone ?? []), ...tags];
    else criteria.tagGroups = [...(criteria.tagGroups ?? []), tags];
  }
  if (list('requester').length) criteria.requesterIds = await requesters(db, plainValues(list('requester')));
  if (list('assignee').length) criteria.assigneeIds = await assignees(db, plainValues(list('assignee')), caller);
  if (list('organization').length) criteria.accountIds = await organizations(db, plainValues(list('organization')));
  if (list('group').length) criteria.groupIds = await groups(db, plainValues(list('group')));
  for (const keyword of ['created', 'updated', 'solved'] as const) {
    for (const term of list(keyword)) {
      if (term.negated) throw errors.searchBadValue(`-${keyword}`, term.value, `${keyword}> or ${keyword}< instead of a minus`);
      const range = timeRange(term, now);
      const current = criteria[keyword] ?? {};
      // Two bounds on one date narrow it (created>2024-01-01 created<2024-02-01).
      if (range.from !== undefined) current.from = maxIso(current.from, new Date(range.from).toISOString());
      if (range.to !== undefined) current.to = minIso(current.to, new Date(range.to).toISOString());
      criteria[keyword] = current;
    }
  }
  if (parsed.words.length) criteria.ticketIds = await fullTextTickets(db, parsed.words.join(' '));
  return { criteria, ...searchOrder(parsed) };
}

const SORTS: Record<string, TicketQuerySort> = {
  created: 'created_at',
  created_at: 'created_at',
  updated: 'updated_at',
  updated_at: 'updated_at',
  priority: 'priority',
  status: 'status',
  ticket_type: 'ticket_type',
};

/** `order_by:`/`sort:` in the query, as the API's sort_by/sort_order would name them. */
function searchOrder(parsed: ParsedSearch): { sortBy: TicketQuerySort | null; sortOrder: 'asc' | 'desc' | null } {
  if (parsed.orderBy !== null && !SORTS[parsed.orderBy])
    throw errors.searchBadValue('order_by', parsed.orderBy, 'created, updated, priority, status or ticket_type');
  return { sortBy: parsed.orderBy ? SORTS[parsed.orderBy]! : null, sortOrder: parsed.sort };
}

/** The API's `sort_by` parameter. */
export function sortParameter(value: string | undefined): TicketQuerySort | null {
  if (value === undefined || value === '' || value === 'relevance') return null;
  const sort = SORTS[value];
  if (!sort) throw errors.searchBadValue('sort_by', value, 'updated_at, created_at, priority, status or ticket_type');
  return sort;
}

function onlyEquals(term: SearchTerm): ':' {
  if (term.operator !== ':') throw errors.searchBadOperator(term.keyword, term.operator);
  return ':';
}

function plainValues(terms: SearchTerm[]): string[] {
  return terms.map((t) => {
    onlyEquals(t);
    if (t.negated) throw errors.searchBadValue(`-${t.keyword}`, t.value, `${t.keyword}: without a minus`);
    return t.value;
  });
}

function union<T>(lists: T[][]): T[] {
  return [...new Set(lists.flat())];
}

const maxIso = (a: string | undefined, b: string) => (a === undefined || b > a ? b : a);
const minIso = (a: string | undefined, b: string) => (a === undefined || b < a ? b : a);
const numeric = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : null);

/** Zendesk user ids of either kind (member or contact) → Outpost ids. */
async function usersByNumber(db: Kysely<Database>, values: string[]): Promise<string[]> {
  const numbers = values.map(numeric).filter((n): n is number => n !== null);
  return [...(await outpostIds(db, 'user', numbers)).values()];
}

/** A requester is a contact: by Zendesk id or e-mail (`me` names no contact, so matches nothing). */
async function requesters(db: Kysely<Database>, values: string[]): Promise<string[]> {
  const emails = values.filter((v) => v.includes('@'));
  const byEmail = await contactsByEmail(db, emails);
  return [...(await usersByNumber(db, values)), ...[...byEmail.values()].map((c) => c.id)];
}

/** An assignee is a member: `me`, `none` (unassigned), Zendesk id or e-mail. */
async function assignees(db: Kysely<Database>, values: string[], caller: SearchCaller): Promise<(string | null)[]> {
  const ids: (string | null)[] = await usersByNumber(db, values);
  for (const value of values) {
    const lower = value.toLowerCase();
    if (lower === 'me') ids.push(caller.memberId);
    else if (lower === 'none') ids.push(null);
    else if (lower.includes('@')) {
      const member = await findMemberRowByEmail(db, lower);
      if (member) ids.push(member.id);
    }
  }
  return ids;
}

/** Organizations (accounts) by Zendesk id, name or e-mail domain. */
async function organizations(db: Kysely<Database>, values: string[]): Promise<string[]> {
  const names = values.filter((v) => numeric(v) === null);
  const directory = await accountsByNameOrDomain(db, names, names);
  const byName = names.map((n) => findAccount(directory, n)?.id).filter((id): id is string => id !== undefined);
  const numbers = values.map(numeric).filter((n): n is number => n !== null);
  return [...(await outpostIds(db, 'organization', numbers)).values(), ...byName];
}

/** Groups by Zendesk id or name (`none`: tickets in no group). */
async function groups(db: Kysely<Database>, values: string[]): Promise<(string | null)[]> {
  const all = await listGroups(db);
  const ids: (string | null)[] = [];
  for (const value of values) {
    if (value.toLowerCase() === 'none') ids.push(null);
    const named = all.find((g) => g.name.toLowerCase() === value.toLowerCase());
    if (named) ids.push(named.id);
  }
  const numbers = values.map(numeric).filter((n): n is number => n !== null);
  return [...ids, ...(await outpostIds(db, 'group', numbers)).values()];
}

/** The tickets whose subject or messages match the words, through the search module's index. */
async function fullTextTickets(db: Kysely<Database>, text: string): Promise<string[]> {
  const found = await searchDocuments(db, { q: text.slice(0, 200), types: ['ticket', 'message'], limit: FULL_TEXT_LIMIT });
  return [...new Set(found.items.map((hit) => hit.ticketId ?? hit.id))];
}
