/**
 * Request and response examples from Zendesk's public Support API reference, used by the contract
 * tests beside this file. Each names the page it comes from; the tests compare the fields an
 * example shows and the set of keys a record carries (ids and times are the server's own).
 */

const TICKETS = 'https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/';
const COMMENTS = 'https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/';
const TAGS = 'https://developer.zendesk.com/api-reference/ticketing/ticket-management/tags/';
const JOB_STATUSES = 'https://developer.zendesk.com/api-reference/ticketing/ticket-management/job_statuses/';
export const REFERENCE_PAGES = { TICKETS, COMMENTS, TAGS, JOB_STATUSES };

/** Tickets — "JSON format" / Show Ticket response: every key a ticket carries. */
export const SHOW_TICKET_EXAMPLE = {
  ticket: {
    allow_attachments: true,
    allow_channelback: false,
    assignee_id: 235323,
    brand_id: 1,
    collaborator_ids: [35334, 234],
    created_at: '2009-07-20T22:55:29Z',
    custom_fields: [
      { id: 27642, value: '745' },
      { id: 27648, value: 'yes' },
    ],
    description: 'The fire is very colorful.',
    due_at: null,
    email_cc_ids: [],
    external_id: 'ahg35h3jh',
    fields: [],
    follower_ids: [35334, 234],
    followup_ids: [],
    forum_topic_id: null,
    from_messaging_channel: false,
    generated_timestamp: 1304592532,
    group_id: 98738,
    has_incidents: false,
    id: 35436,
    is_public: true,
    organization_id: 509974,
    priority: 'high',
    problem_id: 9873764,
    raw_subject: '{{dc.printer_on_fire}}',
    recipient: 'support@company.com',
    requester_id: 20978392,
    satisfaction_rating: { comment: 'Great support!', id: 1234, score: 'good' },
    sharing_agreement_ids: [84432],
    status: 'open',
    subject: 'Help, my printer is on fire!',
    submitter_id: 76872,
    tags: ['enterprise', 'other_tag'],
    ticket_form_id: null,
    type: 'incident',
    updated_at: '2011-05-05T10:38:52Z',
    url: 'https://company.zendesk.com/api/v2/tickets/35436.json',
    via: { channel: 'web' },
  },
};

/**
 * Tickets → Create Ticket: the reference's request. Its example leaves the requester out (Zendesk
 * then makes the caller the requester); an Outpost ticket is always a customer's, so the tests add
 * `requester_id` (or `requester`), and check that leaving it out is a 422 naming it.
 */
export const CREATE_TICKET_REQUEST = {
  ticket: { comment: { body: 'The smoke is very colorful.' }, priority: 'urgent', subject: 'My printer is on fire!' },
};
export const CREATE_TICKET_RESPONSE = {
  ticket: { subject: 'My printer is on fire!', priority: 'urgent', description: 'The smoke is very colorful.' },
};

/** Tickets → Create Ticket, "Creating a ticket with a new requester". */
export const CREATE_TICKET_NEW_REQUESTER_REQUEST = {
  ticket: {
    comment: { body: 'This is a comment' },
    requester: { email: 'jdoe@example.com', locale_id: 8, name: 'Pablo' },
    subject: 'Hello',
  },
};

/** Tickets → Update Ticket: request, and the response's ticket and audit (abridged). */
export const UPDATE_TICKET_REQUEST = {
  ticket: { comment: { body: 'Thanks for choosing Acme Jet Motors.', public: true }, status: 'solved' },
};
export const UPDATE_TICKET_RESPONSE = {
  ticket: { status: 'solved' },
  audit: {
    events: [
      { type: 'Comment', body: 'Thanks for choosing Acme Jet Motors.', public: true },
      { type: 'Change', field_name: 'status', value: 'solved' },
    ],
  },
};

/** Tickets → Update Ticket, "Adding an internal note": a private comment. */
export const INTERNAL_NOTE_REQUEST = { ticket: { comment: { body: 'Customer is on the Enterprise plan.', public: false } } };

/** Tickets → Create Many Tickets: request (two tickets); Zendesk answers a job status. */
export const CREATE_MANY_REQUEST = {
  tickets: [
    { comment: { body: 'The smoke is very colorful.' }, priority: 'urgent', subject: 'My printer is on fire!' },
    { comment: { body: 'This is a comment' }, priority: 'normal', subject: 'Help' },
  ],
};

/** Tickets → Update Many Tickets: one change for `?ids=`, and a change per ticket. */
export const UPDATE_MANY_SAME_CHANGE = { ticket: { status: 'solved' } };
export const updateManyEachOwnChange = (first: number, second: number) => ({
  tickets: [
    { id: first, status: 'solved' },
    { id: second, status: 'pending' },
  ],
});

/** Job Statuses → Show Job Status response (Update Many's job, completed). */
export const SHOW_JOB_STATUS_EXAMPLE = {
  job_status: {
    id: '8b726e606741012ffc2d782bcb7848fe',
    message: 'Completed at Fri Apr 13 02:51:53 +0000 2012',
    progress: 2,
    results: [
      { action: 'update', id: 380, status: 'Updated', success: true },
      { action: 'update', id: 381, status: 'Updated', success: true },
    ],
    status: 'completed',
    total: 2,
    url: 'https://company.zendesk.com/api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe.json',
  },
};

/** Ticket Comments → List Comments response: the keys a comment carries. */
export const LIST_COMMENTS_EXAMPLE = {
  comments: [
    {
      attachments: [
        {
          content_type: 'text/plain',
          content_url: 'https://company.zendesk.com/attachments/crash.log',
          file_name: 'crash.log',
          id: 498483,
          size: 2532,
          thumbnails: [],
        },
      ],
      audit_id: 432567,
      author_id: 123123,
      body: 'Thanks for your help!',
      created_at: '2009-07-20T22:55:29Z',
      html_body: '<div class="zd-comment" dir="auto"><p>Thanks for your help!</p></div>',
      id: 1274,
      metadata: { system: {}, custom: {} },
      plain_body: 'Thanks for your help!',
      public: true,
      type: 'Comment',
      via: { channel: 'web' },
    },
  ],
};

/** Tags → Set Tags / Add Tags / Remove Tags requests and the answer's shape. */
export const SET_TAGS_REQUEST = { tags: ['important'] };
export const ADD_TAGS_REQUEST = { tags: ['customer'] };
export const REMOVE_TAGS_REQUEST = { tags: ['customer'] };
/** Tags → List Tags response. */
export const LIST_TAGS_EXAMPLE = { count: 1, tags: [{ count: 1, name: 'important' }] };

/** The keys of a record, for "carries every key the reference shows". */
export function keysOf(record: object): string[] {
  return Object.keys(record).sort();
}
