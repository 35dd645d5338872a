import type { ColumnType, Generated } from 'kysely';
import type { SupportTables } from '../modules/support/tables.js';
import type { EventTables } from '../modules/platform/webhooks/tables.js';
import type { PortalTables } from '../modules/identity/portal-access/tables.js';
import type { KnowledgeTables } from '../modules/support/knowledge/tables.js';
import type { SearchTables } from '../modules/search/tables.js';
import type { EmailTables } from '../modules/support/email/tables.js';
import type { MailTables } from '../modules/platform/mail/tables.js';
import type { RunbookTables } from '../modules/support/runbooks/tables.js';
import type { MacroTables } from '../modules/support/macros/tables.js';
import type { CsatTables } from '../modules/support/csat/tables.js';
import type { TimeEntryTables } from '../modules/team/time/tables.js';
import type { EngagementTables } from '../modules/delivery/engagements/tables.js';
import type { EnvironmentTables } from '../modules/delivery/environments/tables.js';
import type { DeliveryRecordTables } from '../modules/delivery/records/tables.js';
import type { FeedbackTables } from '../modules/feedback/tables.js';
import type { SuccessTables } from '../modules/success/tables.js';
import type { PresalesTables } from '../modules/presales/tables.js';
import type { NotificationTables } from '../modules/platform/notifications/tables.js';
import type { ZendeskTables } from '../modules/zendesk/tables.js';

/**
 * The one description of every table. Kysely derives each query's types from it, so a column
 * renamed in a migration but not here breaks the build. Timestamps are ISO-8601 strings in both
 * dialects (PostgreSQL stores `timestamptz`; its parser is set to hand back ISO strings), dates
 * are `YYYY-MM-DD`, JSON is stored as text and parsed by the repository that owns it.
 */
export interface Database
  extends
    EventTables,
    PortalTables,
    SupportTables,
    KnowledgeTables,
    SearchTables,
    RunbookTables,
    MacroTables,
    CsatTables,
    TimeEntryTables,
    EmailTables,
    MailTables,
    EngagementTables,
    EnvironmentTables,
    DeliveryRecordTables,
    FeedbackTables,
    SuccessTables,
    PresalesTables,
    NotificationTables,
    ZendeskTables {
  members: MembersTable;
  member_roles: MemberRolesTable;
  member_skills: MemberSkillsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limit_counters: RateLimitCountersTable;
  settings: SettingsTable;
  accounts: AccountsTable;
  account_domains: AccountDomainsTable;
  account_tags: AccountTagsTable;
  contacts: ContactsTable;
  account_team: AccountTeamTable;
  interactions: InteractionsTable;
  interaction_attendees: InteractionAttendeesTable;
}

export interface MembersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  title: string | null;
  status: 'active' | 'invited' | 'disabled';
  /** The team the member is on ("EMEA Support"), free text; null when none (migration 0035). */
  team: string | null;
  capacity_hours: number;
  time_zone: string;
  working_hours: string; // JSON {start:"09:00", end:"17:00", days:[1..5]}
  /** Consecutive failed sign-ins; reset by a successful one. */
  failed_sign_ins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberRolesTable {
  member_id: string;
  role: string;
}

export interface MemberSkillsTable {
  member_id: string;
  skill: string;
}

export interface SessionsTable {
  id_hash: string;
  member_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string; // JSON string[]
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_type: 'member' | 'token' | 'contact' | 'system';
  actor_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  changes: string | null; // JSON {field: [before, after]}
  ip: string | null;
}

export interface RateLimitCountersTable {
  /** The route and the limit's own key (address and e-mail, or member). */
  key: string;
  count: number;
  /** When the current window ends; the next attempt after it starts a new one. */
  expires_at: string;
}

export interface IdempotencyKeysTable {
  key: string;
  principal: string;
  route: string;
  request_hash: string;
  status_code: number;
  response_body: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
}

export interface AccountsTable {
  id: string;
  name: string;
  name_lower: string;
  segment: 'enterprise' | 'mid_market' | 'smb' | 'strategic';
  arr: number;
  lifecycle_stage: 'prospect' | 'onboarding' | 'adoption' | 'expansion' | 'renewal' | 'at_risk' | 'churned';
  renewal_date: string | null;
  relationship: 'engaged' | 'transactional';
  relationship_evidence: string; // JSON RelationshipEvidence
  /** 0/1: the company's own account (issue 17), whose requesters are staff, not customers. */
  internal: Generated<number>;
  /** Free text (migration 0039), e.g. a Zendesk organization's notes. */
  notes: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

export interface AccountDomainsTable {
  domain: string;
  account_id: string;
}

export interface AccountTagsTable {
  account_id: string;
  tag: string;
}

export interface ContactsTable {
  id: string;
  account_id: string;
  name: string;
  email: string;
  title: string | null;
  customer_role: 'decision_maker' | 'champion' | 'end_user' | 'it_admin' | null;
  phone: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountTeamTable {
  account_id: string;
  role: string;
  member_id: string;
}

export interface InteractionsTable {
  id: string;
  account_id: string;
  kind: 'meeting' | 'call' | 'email' | 'site_visit' | 'training' | 'demo' | 'workshop' | 'business_review';
  occurred_at: string;
  duration_minutes: number;
  subject: string;
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface InteractionAttendeesTable {
  interaction_id: string;
  attendee_type: 'member' | 'contact';
  attendee_id: string;
}
