import type { Generated } from 'kysely';

/** Stands in for "no active target" so that queues sort by (sla_due_at, id) on one index in both dialects. */
export const NO_DUE = '9999-12-31T23:59:59.999Z';

/** The support module's tables (merged into the one `Database` interface in src/db/schema.ts). */
export interface SupportTables {
  sequences: SequencesTable;
  business_calendars: BusinessCalendarsTable;
  sla_policies: SlaPoliciesTable;
  ticket_groups: TicketGroupsTable;
  tickets: TicketsTable;
  ticket_tags: TicketTagsTable;
  ticket_messages: TicketMessagesTable;
  ticket_events: TicketEventsTable;
  escalations: EscalationsTable;
  escalation_rules: EscalationRulesTable;
  escalation_rule_firings: EscalationRuleFiringsTable;
  ticket_views: TicketViewsTable;
  ticket_fields: TicketFieldsTable;
  ticket_field_values: TicketFieldValuesTable;
}

export interface SequencesTable {
  name: string;
  value: number;
}

export interface BusinessCalendarsTable {
  id: string;
  name: string;
  time_zone: string;
  weekly_hours: string; // JSON BusinessCalendar['weeklyHours']
  holidays: string; // JSON string[]
  created_at: string;
  updated_at: string;
}

export interface SlaPoliciesTable {
  id: string;
  name: string;
  position: number;
  /** JSON: all must hold; e.g. {"segments":["enterprise"],"priorities":["urgent"],"channels":["email"]} */
  conditions: string;
  /** JSON: {priority: {firstReplyMinutes, nextReplyMinutes, resolutionMinutes}} */
  targets: string;
  calendar_id: string | null; // null: calendar hours (24×7)
  status: 'active' | 'archived';
  created_at: string;
  updated_at: string;
}

export interface TicketGroupsTable {
  id: string;
  name: string;
  tier: 'tier1' | 'tier2' | 'engineering';
  created_at: string;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type Tier = 'tier1' | 'tier2' | 'engineering';
/** Zendesk's ticket types (migration 0038). */
export type TicketType = 'question' | 'incident' | 'problem' | 'task';

export interface TicketsTable {
  id: string;
  number: number;
  subject: string;
  /** null when unset (migration 0038). */
  type: TicketType | null;
  status: TicketStatus;
  priority: TicketPriority;
  tier: Tier;
  group_id: string | null;
  assignee_id: string | null;
  requester_id: string;
  account_id: string;
  channel: 'email' | 'portal' | 'api' | 'phone' | 'web';
  deployment_id: string | null;
  engineering_link: string | null;
  reopen_count: number;
  tier_entered_at: string;
  sla_policy_id: string | null;
  /** JSON SlaState: the clock's full state; the due columns below mirror it for indexed sorting. */
  sla_state: string;
  first_reply_due_at: string | null;
  next_reply_due_at: string | null;
  resolution_due_at: string | null;
  /** The earliest active due time: what every queue sorts by. */
  sla_due_at: string | null;
  created_at: string;
  updated_at: string;
  solved_at: string | null;
  closed_at: string | null;
}

export interface TicketTagsTable {
  ticket_id: string;
  tag: string;
}

export interface TicketMessagesTable {
  id: string;
  ticket_id: string;
  visibility: 'public' | 'internal';
  author_type: 'member' | 'contact' | 'system';
  author_id: string | null;
  body: string;
  via: 'web' | 'email' | 'portal' | 'api';
  email_message_id: string | null;
  created_at: string;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: string;
  at: string;
  actor_type: 'member' | 'token' | 'contact' | 'system' | 'rule';
  actor_id: string | null;
  type: string;
  data: string; // JSON
}

export interface EscalationsTable {
  id: string;
  ticket_id: string;
  from_tier: Tier;
  to_tier: Tier;
  actor_type: 'member' | 'token' | 'rule' | 'system';
  actor_id: string | null;
  rule_id: string | null;
  reason: string;
  summary: string;
  engineering_link: string | null;
  at: string;
}

export interface EscalationRulesTable {
  id: string;
  name: string;
  position: number;
  status: 'active' | 'paused';
  conditions: string; // JSON EscalationConditions
  actions: string; // JSON EscalationActions
  created_at: string;
  updated_at: string;
}

/** A rule fires at most once per ticket per stint in a tier. */
export interface EscalationRuleFiringsTable {
  rule_id: string;
  ticket_id: string;
  tier_entered_at: string;
  fired_at: string;
}

export interface TicketViewsTable {
  id: string;
  name: string;
  position: number;
  filters: string; // JSON ViewFilters
  owner_id: string | null; // null: shared with the whole team
  created_at: string;
}

/** Custom ticket fields (migration 0038), Zendesk's ticket fields. */
export type TicketFieldType = 'text' | 'textarea' | 'integer' | 'decimal' | 'checkbox' | 'date' | 'dropdown' | 'multiselect' | 'regexp';

export interface TicketFieldsTable {
  id: string;
  title: string;
  field_type: TicketFieldType;
  /** JSON [{name, value}]: a drop-down's or multiselect's options; [] otherwise. */
  options: string;
  description: string | null;
  /** A regexp field's pattern (Zendesk's regexp_for_validation); null for other types. */
  pattern: string | null;
  position: number;
  active: number; // 0/1
  created_at: string;
  updated_at: string;
}

export interface TicketFieldValuesTable {
  ticket_id: string;
  field_id: string;
  /** Text in every case; a multiselect's option values space-separated, a checkbox "true"/"false". */
  value: string;
}
