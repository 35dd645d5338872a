import type { ZendeskComment, ZendeskTicket } from '../../contract/tickets.js';

/**
 * The `audit` Zendesk answers beside a created or updated ticket: who changed it, when, and one
 * event per change (a `Comment`, then `Create` or `Change` events with the values). Outpost keeps
 * its history as ticket events and the audit log, not as numbered audits, so the audit takes the
 * comment's id when the change added one, and otherwise a number from the change's time.
 */
const AUDITED_FIELDS = ['subject', 'status', 'priority', 'type', 'assignee_id', 'group_id', 'tags'] as const;

export function presentAudit(
  before: ZendeskTicket | null,
  after: ZendeskTicket,
  comment: ZendeskComment | null,
  authorId: number | null,
  at = new Date(),
) {
  const id = comment?.id ?? at.getTime();
  const events: Record<string, unknown>[] = [];
  if (comment)
    events.push({
      id: comment.id,
      type: 'Comment',
      author_id: comment.author_id,
      body: comment.body,
      html_body: comment.html_body,
      plain_body: comment.plain_body,
      public: comment.public,
      attachments: comment.attachments,
      audit_id: id,
    });
  for (const field of AUDITED_FIELDS) {
    const value = after[field];
    const previous = before ? before[field] : undefined;
    if (before && JSON.stringify(value) === JSON.stringify(previous)) continue;
    if (!before && (value === null || (Array.isArray(value) && !value.length))) continue;
    events.push({
      id: id + events.length + 1,
      type: before ? 'Change' : 'Create',
      field_name: field,
      value: Array.isArray(value) ? value : value === null ? null : String(value),
      ...(before ? { previous_value: Array.isArray(previous) ? previous : previous === null ? null : String(previous) } : {}),
    });
  }
  return {
    id,
    ticket_id: after.id,
    author_id: authorId,
    created_at: after.updated_at,
    via: { channel: 'api', source: { from: {}, to: {}, rel: null } },
    metadata: { system: {}, custom: {} },
    events,
  };
}
