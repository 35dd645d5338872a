import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../db/test-database.js';
import { startTestApp, type TestApp } from '../../../../../test/helpers/test-app.js';
import { zendeskClient, type ZendeskClient } from '../../../../../test/helpers/zendesk-client.js';
import * as reference from './reference-examples.js';
import { searchDesk } from './search-fixtures.js';

/**
 * Contract tests: each endpoint called with the reference's example request answers with the
 * reference example's envelope, keys and value types (Zendesk's Support API reference, see
 * reference-examples.ts for the page of each).
 */

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every key of the reference is in the answer, with the same JSON type where both have a value; records compared by their first element. */
function expectShapeOf(actual: unknown, example: unknown, path = '$'): void {
  if (example === null || actual === null) return;
  expect(kind(actual), path).toBe(kind(example));
  if (Array.isArray(example) && Array.isArray(actual)) {
    if (example.length && actual.length) expectShapeOf(actual[0], example[0], `${path}[0]`);
    return;
  }
  if (kind(example) === 'object') {
    const a = actual as Record<string, unknown>;
    for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
      expect(a, `${path} has "${key}"`).toHaveProperty(key);
      // An empty object in the reference ("conditions": {}) stands for a record of any keys.
      if (kind(value) === 'object' && !Object.keys(value as object).length) continue;
      expectShapeOf(a[key], value, `${path}.${key}`);
    }
  }
}

describe.each(testDialects())('Search, incremental exports and views against the reference examples (%s)', (dialect) => {
  let t: TestApp;
  let agent: ZendeskClient;
  let viewId: number;
  const START_TIME = 1332034771; // the reference's example start_time

  beforeAll(async () => {
    t = await startTestApp(dialect);
    agent = await zendeskClient(t, ['support_tier2']);
    const desk = await searchDesk(t);
    await desk.ticket({ subject: 'Help, my printer is on fire!', description: 'The fire is very colorful. hello', tags: ['enterprise'] });
    viewId = (await agent.get('/api/v2/views.json')).json().views.find((v: { title: string }) => v.title === 'All unsolved').id;
  });
  afterAll(async () => t.close());

  const q = (s: string) => encodeURIComponent(s);
  // The reference's search example finds a group: a ticket result shares its envelope and its
  // id/url/created_at/updated_at/result_type, not a group's name. An executed view's rows carry the
  // view's own columns (the example's view shows "locale"); every row carries its ticket.
  const { name: _groupName, ...ticketResult } = reference.REFERENCE_SEARCH.results[0]!;
  const searchExample = { ...reference.REFERENCE_SEARCH, results: [{ ...ticketResult, result_type: 'ticket' }] };
  const executeExample = { ...reference.REFERENCE_VIEW_EXECUTE, rows: [{ subject: 'Help, my printer is on fire!', ticket: {} }] };
  it.each([
    ['List Search Results', () => `/api/v2/search.json?query=${q('type:ticket status:new')}`, searchExample],
    ['Show Results Count', () => `/api/v2/search/count.json?query=${q('type:ticket status:new')}`, reference.REFERENCE_SEARCH_COUNT],
    [
      'Export Search Results',
      () => `/api/v2/search/export.json?query=hello&page[size]=100&filter[type]=ticket`,
      reference.REFERENCE_SEARCH_EXPORT,
    ],
    [
      'Incremental Ticket Export, Time Based',
      () => `/api/v2/incremental/tickets.json?start_time=${START_TIME}`,
      reference.REFERENCE_INCREMENTAL_TICKETS,
    ],
    [
      'Incremental Ticket Export, Cursor Based',
      () => `/api/v2/incremental/tickets/cursor.json?start_time=${START_TIME}`,
      reference.REFERENCE_INCREMENTAL_TICKETS_CURSOR,
    ],
    [
      'Incremental User Export, Time Based',
      () => `/api/v2/incremental/users.json?start_time=${START_TIME}`,
      reference.REFERENCE_INCREMENTAL_USERS,
    ],
    [
      'Incremental User Export, Cursor Based',
      () => `/api/v2/incremental/users/cursor.json?start_time=${START_TIME}`,
      reference.REFERENCE_INCREMENTAL_USERS_CURSOR,
    ],
    [
      'Incremental Organization Export',
      () => `/api/v2/incremental/organizations.json?start_time=${START_TIME}`,
      reference.REFERENCE_INCREMENTAL_ORGANIZATIONS,
    ],
    ['List Views', () => '/api/v2/views.json', reference.REFERENCE_VIEWS],
    ['Show View', () => `/api/v2/views/${viewId}.json`, reference.REFERENCE_VIEW],
    ['Get View Count', () => `/api/v2/views/${viewId}/count.json`, reference.REFERENCE_VIEW_COUNT],
    ['Count Tickets in Views', () => `/api/v2/views/count_many.json?ids=${viewId}`, reference.REFERENCE_VIEW_COUNT_MANY],
    ['Execute View', () => `/api/v2/views/${viewId}/execute.json`, executeExample],
    ['List Tickets From a View', () => `/api/v2/views/${viewId}/tickets.json`, reference.REFERENCE_VIEW_TICKETS],
  ])('%s answers in the reference example’s shape', async (_name, url, example) => {
    const res = await agent.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expectShapeOf(body, example);
    for (const key of ['results', 'tickets', 'users', 'organizations', 'rows', 'views', 'view_counts'])
      if (key in example) expect(body[key].length, key).toBeGreaterThan(0);
  });
});
