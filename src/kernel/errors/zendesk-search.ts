import { AppError, make } from './make.js';

/**
 * Errors of the Zendesk-compatible API's search, incremental exports and views (issue 18). Spread into the one catalogue in ../errors.ts.
 * Details name the request `field` a form shows the message under. A bad query string is a
 * `request.invalid` with its location, which the API renders as Zendesk's 400 InvalidValue; the
 * `reason` tells the cases apart.
 */
const badQuery = (field: string, reason: string, message: string) =>
  new AppError('request.invalid', 400, message, { location: 'querystring', field, reason });

const SEARCH_KEYWORDS =
  'type, status, priority, ticket_type, tags, requester, assignee, organization, group, created, updated, solved, order_by, sort';

export const zendeskSearchErrors = {
  searchUnknownKeyword: (keyword: string) =>
    badQuery('query', 'zendesk_search.unknown_keyword', `Unknown search keyword "${keyword}". Keywords are ${SEARCH_KEYWORDS}.`),
  searchBadValue: (keyword: string, value: string, expected: string) =>
    badQuery('query', 'zendesk_search.bad_value', `"${keyword}" cannot be "${value}": expected ${expected}.`),
  searchBadOperator: (keyword: string, operator: string) =>
    badQuery('query', 'zendesk_search.bad_operator', `"${keyword}" does not take "${operator}"; use "${keyword}:".`),
  searchEmpty: () => badQuery('query', 'zendesk_search.empty', 'Give a search query, e.g. query=type:ticket status:open.'),
  searchExportNeedsType: () =>
    badQuery('filter[type]', 'zendesk_search.export_type', 'The search export needs filter[type] (ticket, user or organization).'),
  /** Zendesk answers 422 past the 1,000th result of a search. */
  searchResultLimit: make(
    'zendesk_search.result_limit',
    422,
    'A search returns at most 1,000 results; narrow the query (e.g. by created date) or use /api/v2/search/export.',
  ),
  incrementalStartTimeMissing: () =>
    badQuery('start_time', 'zendesk_incremental.start_time_missing', 'Give start_time (a Unix time in seconds) or a cursor.'),
  incrementalStartTimeInvalid: () =>
    badQuery('start_time', 'zendesk_incremental.start_time_invalid', 'start_time must be a Unix time in seconds, 0 or later.'),
  incrementalStartTimeTooRecent: () =>
    badQuery('start_time', 'zendesk_incremental.start_time_future', 'start_time is in the future; use a time in the past.'),
  incrementalBadCursor: () =>
    badQuery('cursor', 'zendesk_incremental.bad_cursor', 'The cursor is not one this export handed out; start again from start_time.'),
  viewIdsInvalid: () => badQuery('ids', 'zendesk_views.ids', 'ids must be up to 20 comma-separated view ids.'),
};
