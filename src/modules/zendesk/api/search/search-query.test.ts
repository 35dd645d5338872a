import { describe, expect, it } from 'vitest';
import { orderedValues, parseSearchQuery, timeRange } from './search-query.js';

const NOW = new Date('2026-12-04T12:00:00Z');
const STATUS = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;

describe('Zendesk search query parsing', () => {
  it('splits keywords, negations, quoted values, phrases and free words', () => {
    const parsed = parseSearchQuery(
      'type:ticket status<solved -tags:spam tags:"a b" requester:jo@acme.test "printer fire" toner order_by:created sort:asc',
    );
    expect(parsed.type).toBe('ticket');
    expect(parsed.orderBy).toBe('created');
    expect(parsed.sort).toBe('asc');
    expect(parsed.words).toEqual(['printer fire', 'toner']);
    expect(parsed.terms).toEqual([
      { keyword: 'status', operator: '<', value: 'solved', negated: false },
      { keyword: 'tags', operator: ':', value: 'spam', negated: true },
      { keyword: 'tags', operator: ':', value: 'a b', negated: false },
      { keyword: 'requester', operator: ':', value: 'jo@acme.test', negated: false },
    ]);
  });

  it('keeps hyphenated and negated plain words as text', () => {
    expect(parseSearchQuery('e-mail -bounce').words).toEqual(['e-mail', '-bounce']);
  });

  it('refuses unknown keywords, a ticket type under type:, and a bad sort', () => {
    expect(() => parseSearchQuery('colour:red')).toThrow(/Unknown search keyword "colour"/);
    expect(() => parseSearchQuery('type:problem')).toThrow(/ticket_type:problem/);
    expect(() => parseSearchQuery('sort:sideways')).toThrow(/asc or desc/);
    expect(() => parseSearchQuery('status:')).toThrow(/a value after the keyword/);
  });

  it('selects statuses by comparison in workflow order, and their complement when negated', () => {
    const term = (operator: ':' | '<' | '>' | '<=' | '>=', value: string, negated = false) => ({
      keyword: 'status',
      operator,
      value,
      negated,
    });
    expect(orderedValues(term('<', 'solved'), STATUS, '')).toEqual(['new', 'open', 'pending', 'hold']);
    expect(orderedValues(term('<=', 'pending'), STATUS, '')).toEqual(['new', 'open', 'pending']);
    expect(orderedValues(term('>', 'hold'), STATUS, '')).toEqual(['solved', 'closed']);
    expect(orderedValues(term('>=', 'solved'), STATUS, '')).toEqual(['solved', 'closed']);
    expect(orderedValues(term(':', 'open', true), STATUS, '')).toEqual(['new', 'pending', 'hold', 'solved', 'closed']);
    expect(() => orderedValues(term(':', 'stuck'), STATUS, 'a status')).toThrow(/cannot be "stuck"/);
  });

  it('reads dates as UTC days, times as instants and periods as ages', () => {
    const term = (operator: ':' | '<' | '>' | '<=' | '>=', value: string) => ({ keyword: 'created', operator, value, negated: false });
    const iso = (r: { from?: number; to?: number }) => ({
      from: r.from === undefined ? undefined : new Date(r.from).toISOString(),
      to: r.to === undefined ? undefined : new Date(r.to).toISOString(),
    });
    expect(iso(timeRange(term(':', '2024-01-31'), NOW))).toEqual({ from: '2024-01-31T00:00:00.000Z', to: '2024-02-01T00:00:00.000Z' });
    expect(iso(timeRange(term('>', '2024-01-31'), NOW))).toEqual({ from: '2024-02-01T00:00:00.000Z', to: undefined });
    expect(iso(timeRange(term('>=', '2024-01-31'), NOW))).toEqual({ from: '2024-01-31T00:00:00.000Z', to: undefined });
    expect(iso(timeRange(term('<', '2024-01-31'), NOW))).toEqual({ from: undefined, to: '2024-01-31T00:00:00.000Z' });
    expect(iso(timeRange(term('<=', '2024-01-31'), NOW))).toEqual({ from: undefined, to: '2024-02-01T00:00:00.000Z' });
    expect(iso(timeRange(term('>', '2024-01-31T10:00:00Z'), NOW))).toEqual({ from: '2024-01-31T10:00:00.001Z', to: undefined });
    expect(iso(timeRange(term('>', '4hours'), NOW))).toEqual({ from: '2026-12-04T08:00:00.000Z', to: undefined });
    expect(iso(timeRange(term('<', '2days'), NOW))).toEqual({ from: undefined, to: '2026-12-02T12:00:00.000Z' });
    expect(() => timeRange(term('>', 'soon'), NOW)).toThrow(/"created" cannot be "soon"/);
  });
});
