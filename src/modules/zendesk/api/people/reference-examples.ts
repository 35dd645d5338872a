/**
 * Request and response examples from Zendesk's public Support API reference, used by the contract
 * tests beside this file. Each names the page it comes from; only the fields an example shows are
 * compared (ids and times are the server's own).
 */

/** https://developer.zendesk.com/api-reference/ticketing/users/users/ — "JSON format" example (Show User). */
export const SHOW_USER_EXAMPLE = {
  user: {
    active: true,
    alias: 'Mr. Johnny',
    created_at: '2009-07-20T22:55:29Z',
    custom_role_id: 9373643,
    details: '',
    email: 'johnny@example.com',
    external_id: 'sai989sur98w9',
    id: 35436,
    last_login_at: '2011-05-05T10:38:52Z',
    locale: 'en-US',
    locale_id: 1,
    moderator: true,
    name: 'Johnny Agent',
    notes: 'Johnny is a nice guy!',
    only_private_comments: false,
    organization_id: 57542,
    phone: '+15551234567',
    photo: null,
    restricted_agent: true,
    role: 'agent',
    role_type: 0,
    shared: false,
    shared_agent: false,
    signature: 'Have a nice day, Johnny',
    suspended: true,
    tags: ['enterprise', 'other_tag'],
    ticket_restriction: 'assigned',
    time_zone: 'Copenhagen',
    two_factor_auth_enabled: false,
    updated_at: '2011-05-05T10:38:52Z',
    url: 'https://company.zendesk.com/api/v2/users/35436.json',
    user_fields: { user_date: '2012-07-23T00:00:00Z', user_decimal: 5.1, user_dropdown: 'option_1' },
    verified: true,
  },
};

/** Users → Create User: request and (abridged) 201 response. */
export const CREATE_USER_REQUEST = { user: { name: 'Roger Wilco', email: 'roge@example.org' } };
export const CREATE_USER_RESPONSE = { user: { name: 'Roger Wilco', email: 'roge@example.org' } };

/** Users → Update User: request and response. */
export const UPDATE_USER_REQUEST = { user: { name: 'Roger Wilco II' } };
export const UPDATE_USER_RESPONSE = { user: { name: 'Roger Wilco II' } };

/** Users → Create Or Update User: the request (the same user, matched by e-mail the second time). */
export const CREATE_OR_UPDATE_USER_REQUEST = { user: { name: 'Roger Wilco', email: 'roge@example.org' } };

/** Users → Search Users: `GET /api/v2/users/search?query=…` with an e-mail address. */
export const SEARCH_USERS_QUERY = 'roge@example.org';

/** https://developer.zendesk.com/api-reference/ticketing/organizations/organizations/ — Show Organization response. */
export const SHOW_ORGANIZATION_EXAMPLE = {
  organization: {
    created_at: '2018-11-14T00:14:52Z',
    details: 'caterpillar =)',
    domain_names: ['remain.com'],
    external_id: 'ABC198',
    group_id: 1835962,
    id: 4112492,
    name: 'Groablet Enterprises',
    notes: 'donkey',
    organization_fields: { datepudding: '2018-11-04T00:00:00+00:00', org_field_1: 'happy happy', org_field_2: 'teapot_kettle' },
    shared_comments: false,
    shared_tickets: false,
    tags: ['smiley', 'teapot_kettle'],
    updated_at: '2018-11-14T00:54:22Z',
    url: 'https://example.zendesk.com/api/v2/organizations/4112492.json',
  },
};

/** Organizations → Create Organization: request and (abridged) 201 response. */
export const CREATE_ORGANIZATION_REQUEST = { organization: { name: 'My Organization' } };
export const CREATE_ORGANIZATION_RESPONSE = { organization: { name: 'My Organization' } };

/** Organizations → Update Organization: request and (abridged) response. */
export const UPDATE_ORGANIZATION_REQUEST = { organization: { notes: 'Something interesting' } };
export const UPDATE_ORGANIZATION_RESPONSE = { organization: { notes: 'Something interesting' } };

/** Organizations → Autocomplete Organizations: `?name=imp` answers "Important Customers" and "Imperial College". */
export const AUTOCOMPLETE_NAMES = ['Important Customers', 'Imperial College'];

/** https://developer.zendesk.com/api-reference/ticketing/groups/groups/ — "JSON format" example (Show Group). */
export const SHOW_GROUP_EXAMPLE = {
  group: {
    created_at: '2009-07-20T22:55:29Z',
    default: true,
    deleted: false,
    description: 'Some clever description here',
    id: 3432,
    is_public: true,
    name: 'First Level Support',
    updated_at: '2011-05-05T10:38:52Z',
    url: 'https://company.zendesk.com/api/v2/groups/3432.json',
  },
};

/** Groups → Create Group and Update Group: requests and (abridged) responses. */
export const CREATE_GROUP_REQUEST = { group: { name: 'My Group' } };
export const CREATE_GROUP_RESPONSE = { group: { name: 'My Group' } };
export const UPDATE_GROUP_REQUEST = { group: { name: 'Interesting Group' } };
export const UPDATE_GROUP_RESPONSE = { group: { name: 'Interesting Group' } };

/** Groups → List Groups: the example answer's groups. */
export const LIST_GROUPS_NAMES = ['DJs', 'MCs'];

/** The keys a record carries, to compare an answer's shape with the reference's. */
export function keysOf(record: object): string[] {
  return Object.keys(record).sort();
}
