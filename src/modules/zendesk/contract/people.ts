import { z } from 'zod';

/**
 * Users, organizations and groups of the Zendesk-compatible API (issue 18), in Zendesk's own
 * snake_case (Support API reference → Users, Organizations, Groups: "JSON format"). Request bodies
 * keep only the fields Outpost stores and drop the rest, as Zendesk ignores read-only fields a
 * client sends back (scripts often PUT a whole record they read); a known field of the wrong type
 * is refused.
 */

export const ZENDESK_USER_ROLES = ['end-user', 'agent', 'admin'] as const;
export type ZendeskUserRole = (typeof ZENDESK_USER_ROLES)[number];

const time = z.string().describe('ISO-8601 UTC, e.g. 2026-12-04T10:15:00Z');

export const zendeskUserSchema = z.object({
  id: z.number(),
  url: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  created_at: time,
  updated_at: time,
  time_zone: z.string(),
  iana_time_zone: z.string(),
  phone: z.string().nullable(),
  shared_phone_number: z.boolean().nullable(),
  photo: z.null(),
  locale_id: z.number(),
  locale: z.string(),
  organization_id: z.number().nullable(),
  role: z.enum(ZENDESK_USER_ROLES),
  role_type: z.number().nullable(),
  custom_role_id: z.number().nullable(),
  verified: z.boolean(),
  external_id: z.string().nullable(),
  tags: z.array(z.string()),
  alias: z.string(),
  active: z.boolean(),
  shared: z.boolean(),
  shared_agent: z.boolean(),
  last_login_at: time.nullable(),
  two_factor_auth_enabled: z.boolean().nullable(),
  signature: z.string().nullable(),
  details: z.string(),
  notes: z.string(),
  moderator: z.boolean(),
  ticket_restriction: z.enum(['organization', 'groups', 'assigned', 'requested']).nullable(),
  only_private_comments: z.boolean(),
  restricted_agent: z.boolean(),
  suspended: z.boolean(),
  chat_only: z.boolean(),
  default_group_id: z.number().nullable(),
  report_csv: z.boolean(),
  user_fields: z.record(z.string(), z.unknown()),
});
export type ZendeskUserJson = z.infer<typeof zendeskUserSchema>;

export const zendeskOrganizationSchema = z.object({
  id: z.number(),
  url: z.string(),
  name: z.string(),
  domain_names: z.array(z.string()),
  details: z.string().nullable(),
  notes: z.string().nullable(),
  group_id: z.number().nullable(),
  shared_tickets: z.boolean(),
  shared_comments: z.boolean(),
  tags: z.array(z.string()),
  organization_fields: z.record(z.string(), z.unknown()),
  external_id: z.string().nullable(),
  created_at: time,
  updated_at: time,
});
export type ZendeskOrganizationJson = z.infer<typeof zendeskOrganizationSchema>;

export const zendeskGroupSchema = z.object({
  id: z.number(),
  url: z.string(),
  name: z.string(),
  description: z.string(),
  default: z.boolean(),
  deleted: z.boolean(),
  is_public: z.boolean(),
  created_at: time,
  updated_at: time,
});
export type ZendeskGroupJson = z.infer<typeof zendeskGroupSchema>;

/** A list answer: offset paging fills next_page/previous_page/count, cursor paging meta/links. */
function listOf<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({
    [key]: z.array(item),
    next_page: z.string().nullable().optional(),
    previous_page: z.string().nullable().optional(),
    count: z.number().optional(),
    meta: z.object({ has_more: z.boolean(), after_cursor: z.string().nullable(), before_cursor: z.string().nullable() }).optional(),
    links: z.object({ next: z.string().nullable(), prev: z.string().nullable() }).optional(),
  } as { [P in K]: z.ZodArray<T> } & Record<string, z.ZodType>);
}

export const userEnvelope = z.object({ user: zendeskUserSchema });
export const userList = listOf('users', zendeskUserSchema);
export const organizationEnvelope = z.object({ organization: zendeskOrganizationSchema });
export const organizationList = listOf('organizations', zendeskOrganizationSchema);
export const groupEnvelope = z.object({ group: zendeskGroupSchema });
export const groupList = listOf('groups', zendeskGroupSchema);

// ---- requests ----

/** A Zendesk id in a body: clients send numbers; some send them as digit strings. */
export const zendeskIdInput = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  z
    .string()
    .regex(/^\d{1,15}$/, 'Use a numeric id')
    .transform(Number),
]);

const ianaTimeZone = z
  .string()
  .max(100)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Use an IANA time zone such as Europe/Berlin');

const userFields = {
  name: z.string().trim().min(1, 'Enter the user’s name').max(200),
  email: z.email('Enter a valid e-mail address').max(254),
  role: z.enum(ZENDESK_USER_ROLES),
  organization_id: zendeskIdInput.nullable(),
  phone: z.string().trim().max(50).nullable(),
  external_id: z.string().trim().max(255).nullable(),
  iana_time_zone: ianaTimeZone,
  suspended: z.boolean(),
  default_group_id: zendeskIdInput.nullable(),
};

/**
 * Some clients (older zenpy) send every attribute of a record, unset ones as null: a null where
 * clearing makes no sense (name, e-mail, role, time zone, suspended) means "not given".
 */
const notGiven = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

export const userInput = z.object({
  name: notGiven(userFields.name),
  email: notGiven(userFields.email),
  role: notGiven(userFields.role),
  organization_id: userFields.organization_id.optional(),
  phone: userFields.phone.optional(),
  external_id: userFields.external_id.optional(),
  iana_time_zone: notGiven(userFields.iana_time_zone),
  suspended: notGiven(userFields.suspended),
  default_group_id: userFields.default_group_id.optional(),
});
export type UserInput = z.infer<typeof userInput>;

export const createUserBody = z.strictObject({
  user: userInput.extend({ name: userFields.name }),
});
export const updateUserBody = z.strictObject({ user: userInput });
export const createOrUpdateUserBody = z.strictObject({ user: userInput });

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'Use a bare domain such as example.com');

const organizationFields = {
  name: z.string().trim().min(1, 'Enter the organization’s name').max(200),
  domain_names: z.array(domainName).max(20),
  tags: z.array(z.string().max(100)).max(50),
  details: z.string().max(10_000).nullable(),
  notes: z.string().max(10_000).nullable(),
  external_id: z.string().trim().max(255).nullable(),
};
export const organizationInput = z.object({
  name: notGiven(organizationFields.name),
  domain_names: notGiven(organizationFields.domain_names),
  tags: notGiven(organizationFields.tags),
  details: organizationFields.details.optional(),
  notes: organizationFields.notes.optional(),
  external_id: organizationFields.external_id.optional(),
});
export type OrganizationInput = z.infer<typeof organizationInput>;

export const createOrganizationBody = z.strictObject({
  organization: organizationInput.extend({ name: organizationFields.name }),
});
export const updateOrganizationBody = z.strictObject({ organization: organizationInput });

export const createGroupBody = z.strictObject({
  group: z.object({
    name: z.string().trim().min(1, 'Enter the group’s name').max(100),
    description: z.string().max(1000).nullish(),
    is_public: z.boolean().optional(),
  }),
});
export const updateGroupBody = z.strictObject({
  group: z.object({
    name: z.string().trim().min(1, 'Enter the group’s name').max(100).optional(),
    description: z.string().max(1000).nullish(),
    is_public: z.boolean().optional(),
  }),
});

export const numericIdParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** `?ids=1,2,3` (at most 100, as Zendesk). */
export const showManyQuery = z.object({
  ids: z
    .string()
    .max(1700)
    .regex(/^\d{1,15}(,\d{1,15}){0,99}$/, 'Use up to 100 comma-separated numeric ids')
    .transform((s) => s.split(',').map(Number)),
});

const roleList = z.union([z.enum(ZENDESK_USER_ROLES), z.array(z.enum(ZENDESK_USER_ROLES)).max(3)]);
export const userRoleFilter = { role: z.enum(ZENDESK_USER_ROLES).optional(), 'role[]': roleList.optional() };

export const userSearchFilter = {
  query: z.string().max(500).optional().describe('email:…, role:…, name:… or free text matching name or e-mail'),
  external_id: z.string().trim().max(255).optional(),
};

export const organizationSearchQuery = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  external_id: z.string().trim().min(1).max(255).optional(),
});

export const autocompleteQuery = z.object({
  name: z.string().trim().min(2, 'Give at least two characters of the name').max(200),
});
