/**
 * Response examples from Zendesk's public Support API reference, for the contract tests of search,
 * incremental exports and views (issue 18). Each names the reference page and the endpoint; the
 * bodies are the reference's (shortened where it repeats a record), so a test can check that
 * Outpost's answer has the same envelope, keys and value types.
 */

/** developer.zendesk.com/api-reference/ticketing/ticket-management/search/ — "List Search Results". */
export const REFERENCE_SEARCH = {
  count: 1234,
  facets: null,
  next_page: 'https://foo.zendesk.com/api/v2/search.json?query="type:Group hello"&sort_by=created_at&sort_order=desc&page=2',
  previous_page: null,
  results: [
    {
      created_at: '2009-05-13T00:07:08Z',
      id: 211,
      name: 'Hello DJs',
      result_type: 'group',
      updated_at: '2011-07-22T00:11:12Z',
      url: 'https://foo.zendesk.com/api/v2/groups/211.json',
    },
  ],
};

/** Same page — "Show Results Count". */
export const REFERENCE_SEARCH_COUNT = { count: 6 };

/** Same page — "Export Search Results" (`filter[type]=ticket`, cursor pagination). */
export const REFERENCE_SEARCH_EXPORT = {
  facets: null,
  links: {
    next: 'https://example.zendesk.com/api/v2/search/export.json?filter%5Btype%5D=ticket&page%5Bafter%5D=eyJmIjoiY3JlYXRlZF9hdCJ9&page%5Bsize%5D=100&query=hello',
    prev: null,
  },
  meta: { after_cursor: 'eyJmIjoiY3JlYXRlZF9hdCJ9', before_cursor: null, has_more: true },
  results: [],
};

/** developer.zendesk.com/api-reference/ticketing/ticket-management/incremental_exports/ — "Incremental Ticket Export, Time Based". */
export const REFERENCE_INCREMENTAL_TICKETS = {
  count: 2,
  end_of_stream: true,
  end_time: 1390362485,
  next_page: 'https://{subdomain}.zendesk.com/api/v2/incremental/tickets.json?per_page=3&start_time=1390362485',
  tickets: [
    {
      assignee_id: 235323,
      collaborator_ids: [35334, 234],
      created_at: '2009-07-20T22:55:29Z',
      custom_fields: [{ id: 27642, value: '745' }],
      description: 'The fire is very colorful.',
      due_at: null,
      external_id: 'ahg35h3jh',
      follower_ids: [35334, 234],
      group_id: 98738,
      has_incidents: false,
      id: 35436,
      organization_id: 509974,
      priority: 'high',
      problem_id: 9873764,
      raw_subject: '{{dc.printer_on_fire}}',
      recipient: 'support@company.com',
      requester_id: 20978392,
      sharing_agreement_ids: [84432],
      status: 'open',
      subject: 'Help, my printer is on fire!',
      submitter_id: 76872,
      tags: ['enterprise', 'other_tag'],
      type: 'incident',
      updated_at: '2011-05-05T10:38:52Z',
      url: 'https://company.zendesk.com/api/v2/tickets/35436.json',
      via: { channel: 'web' },
    },
  ],
};

/** Same page — "Incremental Ticket Export, Cursor Based". */
export const REFERENCE_INCREMENTAL_TICKETS_CURSOR = {
  after_cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8',
  after_url: 'https://{subdomain}.zendesk.com/api/v2/incremental/tickets/cursor.json?cursor=MTU3NjYxMzUzOS4wfHw0Njd8',
  before_cursor: null,
  before_url: null,
  end_of_stream: true,
  tickets: [],
};

/** Same page — "Incremental User Export, Time Based". */
export const REFERENCE_INCREMENTAL_USERS = {
  count: 1,
  end_of_stream: true,
  end_time: 1601357503,
  next_page: 'https://example.zendesk.com/api/v2/incremental/users.json?start_time=1601357503',
  users: [{ active: true, email: 'johnny@example.com', id: 7, name: 'Johnny Agent', role: 'agent', updated_at: '2020-09-29T05:31:43Z' }],
};

/** Same page — "Incremental User Export, Cursor Based". */
export const REFERENCE_INCREMENTAL_USERS_CURSOR = {
  after_cursor: 'MTU3NjYxMzUzOS4wfHw0Njd8',
  after_url: 'https://example.zendesk.com/api/v2/incremental/users/cursor.json?cursor=MTU3NjYxMzUzOS4wfHw0Njd8',
  before_cursor: null,
  before_url: null,
  end_of_stream: true,
  users: [],
};

/** developer.zendesk.com/api-reference/ticketing/business-rules/views/ — "Show View". */
export const REFERENCE_VIEW = {
  view: {
    active: true,
    conditions: {},
    description: 'View for recent tickets',
    execution: {},
    id: 25,
    position: 3,
    restriction: {},
    title: 'Tickets updated less than 12 Hours',
  },
};

/** Same page — "List Views". */
export const REFERENCE_VIEWS = { count: 2, next_page: null, previous_page: null, views: [REFERENCE_VIEW.view] };

/** Same page — "Get View Count". */
export const REFERENCE_VIEW_COUNT = {
  view_count: { fresh: true, pretty: '~700', url: 'https://company.zendesk.com/api/v2/views/25/count.json', value: 719, view_id: 25 },
};

/** Same page — "Count Tickets in Views" (count_many). */
export const REFERENCE_VIEW_COUNT_MANY = {
  view_counts: [{ fresh: true, pretty: '~700', url: 'https://company.zendesk.com/api/v2/views/25/count.json', value: 719, view_id: 25 }],
};

/** Same page — "Execute View". */
export const REFERENCE_VIEW_EXECUTE = {
  columns: [
    { id: 'locale', title: 'Locale' },
    { id: 'subject', title: 'Subject' },
  ],
  groups: [],
  rows: [{ locale: 'en-US', subject: 'Help, my printer is on fire!', ticket: {} }],
  view: { id: 25, url: 'https://company.zendesk.com/api/v2/views/25.json' },
};

/** Same page — "List Tickets From a View". */
export const REFERENCE_VIEW_TICKETS = {
  count: 1,
  next_page: null,
  previous_page: null,
  tickets: [REFERENCE_INCREMENTAL_TICKETS.tickets[0]],
};

/** Same page as the ticket exports — "Incremental Organization Export". */
export const REFERENCE_INCREMENTAL_ORGANIZATIONS = {
  count: 1,
  end_of_stream: true,
  end_time: 1601357503,
  next_page: 'https://example.zendesk.com/api/v2/incremental/organizations.json?start_time=1601357503',
  organizations: [
    {
      created_at: '2018-11-14T00:14:52Z',
      details: 'caterpillar =)',
      domain_names: ['remain.com'],
      external_id: 'ABC198',
      group_id: 1835962,
      id: 4112492,
      name: 'Groablet Enterprises',
      notes: 'donkey',
      shared_comments: false,
      shared_tickets: false,
      tags: ['smiley', 'teapot_kettle'],
      updated_at: '2018-11-14T00:54:22Z',
      url: 'https://example.zendesk.com/api/v2/organizations/4112492.json',
    },
  ],
};
