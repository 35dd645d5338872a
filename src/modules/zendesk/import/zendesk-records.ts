/**
 * The parts of Zendesk's Support API objects the importer reads, named as the public reference
 * names them (developer.zendesk.com/api-reference/ticketing/…). Exports and the live API both hand
 * back these shapes; every field is optional because real exports omit what was never set.
 */
export type ZendeskId = number | string;

export interface ZendeskOrganization {
  id: ZendeskId;
  name?: string | null;
  domain_names?: string[] | null;
  tags?: string[] | null;
  notes?: string | null;
  details?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  deleted_at?: string | null;
}

export interface ZendeskUser {
  id: ZendeskId;
  name?: string | null;
  email?: string | null;
  role?: 'end-user' | 'agent' | 'admin' | string | null;
  organization_id?: ZendeskId | null;
  default_group_id?: ZendeskId | null;
  phone?: string | null;
  active?: boolean | null;
  created_at?: string | null;
  time_zone?: string | null;
  iana_time_zone?: string | null;
}

export interface ZendeskGroup {
  id: ZendeskId;
  name?: string | null;
  deleted?: boolean | null;
}

export interface ZendeskGroupMembership {
  user_id: ZendeskId;
  group_id: ZendeskId;
  default?: boolean | null;
}

export interface ZendeskTicketField {
  id: ZendeskId;
  type?: string | null;
  title?: string | null;
  description?: string | null;
  position?: number | null;
  active?: boolean | null;
  custom_field_options?: { id?: ZendeskId; name?: string | null; value?: string | null }[] | null;
}

export interface ZendeskMacro {
  id: ZendeskId;
  title?: string | null;
  active?: boolean | null;
  actions?: { field?: string; value?: unknown }[] | null;
}

export interface ZendeskAttachment {
  id?: ZendeskId | null;
  file_name?: string | null;
  content_url?: string | null;
  content_type?: string | null;
  size?: number | null;
}

export interface ZendeskComment {
  id?: ZendeskId | null;
  ticket_id?: ZendeskId | null;
  type?: string | null;
  author_id?: ZendeskId | null;
  body?: string | null;
  plain_body?: string | null;
  html_body?: string | null;
  public?: boolean | null;
  attachments?: ZendeskAttachment[] | null;
  via?: { channel?: string | null } | null;
  created_at?: string | null;
}

export interface ZendeskSatisfactionRating {
  id?: ZendeskId | null;
  ticket_id?: ZendeskId | null;
  score?: string | null;
  comment?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
}

export interface ZendeskTicket {
  id: ZendeskId;
  type?: string | null;
  subject?: string | null;
  raw_subject?: string | null;
  description?: string | null;
  status?: string | null;
  priority?: string | null;
  requester_id?: ZendeskId | null;
  submitter_id?: ZendeskId | null;
  assignee_id?: ZendeskId | null;
  organization_id?: ZendeskId | null;
  group_id?: ZendeskId | null;
  tags?: string[] | null;
  via?: { channel?: string | null } | null;
  custom_fields?: { id: ZendeskId; value: unknown }[] | null;
  satisfaction_rating?: ZendeskSatisfactionRating | null;
  created_at?: string | null;
  updated_at?: string | null;
  /** Present when the export was asked to include metric sets. */
  metric_set?: { solved_at?: string | null } | null;
  /** Some exports (and `include=comments` tools) carry the conversation inline. */
  comments?: ZendeskComment[] | null;
}

/** One row of the incremental ticket event export; comments are child events of type Comment. */
export interface ZendeskTicketEvent {
  ticket_id?: ZendeskId | null;
  created_at?: string | null;
  timestamp?: number | null;
  updater_id?: ZendeskId | null;
  child_events?: (ZendeskComment & { event_type?: string | null })[] | null;
}

/** Zendesk ids are 64-bit integers; exports write them as numbers, some tools as strings. */
export function idKey(id: ZendeskId | null | undefined): string | null {
  if (id === null || id === undefined || id === '') return null;
  return String(id);
}
