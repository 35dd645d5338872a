import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * The product and engineering loop (issue 14): feedback items and the feature requests they roll up
 * into, opportunity blockers, engineering issues synced with a tracker, UAT rounds, close-the-loop
 * notices and internal meetings; and the members' in-app notifications (platform) they are told by.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('feature_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('product_area', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('declined_reason', 'text')
    .addColumn('owner_id', 'text', (c) => c.references('members.id'))
    .addColumn('target_release', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull())
    // A merged request redirects to the one it was merged into; it keeps no items of its own.
    .addColumn('merged_into_id', 'text', (c) => c.references('feature_requests.id'))
    .addColumn('shipped_at', t.timestamp)
    // Folded words of the title, description and linked items' titles and quotes: what the inbox's
    // suggestions match an item against, in one scan of the requests instead of one of every item.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    // The ranking's figures (DESIGN: feedback ranking), rewritten in the transaction of every change
    // to the request's items or blockers and of every change to a linked account's ARR, so the
    // ranked list is one indexed read instead of an aggregate over every item.
    .addColumn('score', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('arr', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('pipeline_arr', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('customer_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feature_requests_status').on('feature_requests').columns(['status', 'merged_into_id']).execute();
  await db.schema.createIndex('feature_requests_score').on('feature_requests').columns(['score', 'id']).execute();

  await db.schema
    .createTable('feedback_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('captured_by', 'text', (c) => c.references('members.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    // The customer's own words, quoted as they said or wrote them.
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    // blocker 3, important 2, nice_to_have 1 (DESIGN: feedback ranking), kept as a number to aggregate.
    .addColumn('impact_weight', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    // What the source was when the item was captured ("Ticket #12 · Login fails") and its page.
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('product_area', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.references('feature_requests.id'))
    .addColumn('linked_at', t.timestamp)
    .addColumn('linked_by', 'text', (c) => c.references('members.id'))
    .addColumn('customer_told_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // The ranking's aggregate reads (request, account, weight) from the index alone.
  await db.schema
    .createIndex('feedback_items_request_account')
    .on('feedback_items')
    .columns(['request_id', 'account_id', 'impact_weight'])
    .execute();
  await db.schema.createIndex('feedback_items_account').on('feedback_items').columns(['account_id', 'created_at']).execute();
  await db.schema.createIndex('feedback_items_source').on('feedback_items').columns(['source_type', 'source_id']).execute();
  await db.schema.createIndex('feedback_items_inbox').on('feedback_items').columns(['linked_at', 'created_at']).execute();

  // The same figures counting only the customers of one segment or one lifecycle stage, so the
  // ranked list filtered by either is an indexed read too (kept with the request's own figures).
  await db.schema
    .createTable('feature_request_group_figures')
    .addColumn('request_id', 'text', (c) => c.notNull().references('feature_requests.id'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('score', 'bigint', (c) => c.notNull())
    .addColumn('arr', 'bigint', (c) => c.notNull())
    .addColumn('pipeline_arr', 'bigint', (c) => c.notNull())
    .addColumn('customer_count', 'integer', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('feature_request_group_figures_pk', ['request_id', 'dimension', 'value'])
    .execute();
  await db.schema
    .createIndex('feature_request_group_figures_rank')
    .on('feature_request_group_figures')
    .columns(['dimension', 'value', 'score'])
    .execute();

  // Open opportunities that list a request as a blocker (DESIGN: feedback ranking). Pre-sales fills
  // it when opportunities exist; the opportunity's ARR and openness are copied so ranking needs no join.
  await db.schema
    .createTable('feature_request_blockers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('feature_requests.id'))
    .addColumn('opportunity_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('arr', 'bigint', (c) => c.notNull())
    .addColumn('is_open', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feature_request_blockers_unique')
    .on('feature_request_blockers')
    .columns(['request_id', 'opportunity_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('engineering_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // ENG-123 for issues kept in Outpost, owner/repo#45 for GitHub, PROJ-45 for Jira.
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('tracker', 'text', (c) => c.notNull())
    .addColumn('tracker_url', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('fix_release', 'text')
    .addColumn('repro_steps', 'text', (c) => c.notNull())
    .addColumn('repro_expected', 'text', (c) => c.notNull())
    .addColumn('repro_actual', 'text', (c) => c.notNull())
    .addColumn('environment_id', 'text', (c) => c.references('deployments.id').onDelete('set null'))
    .addColumn('product_version', 'text')
    // The environment's configuration as it was when the issue was written (JSON).
    .addColumn('configuration', 'text', (c) => c.notNull())
    .addColumn('feature_request_id', 'text', (c) => c.references('feature_requests.id'))
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('resolved_at', t.timestamp)
    // When the "fix shipped" work (notes, drafted replies) ran, so a replayed webhook does it once.
    .addColumn('fix_announced_at', t.timestamp)
    .execute();
  await db.schema.createIndex('engineering_issues_status').on('engineering_issues').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('engineering_issues_request').on('engineering_issues').columns(['feature_request_id']).execute();

  await db.schema
    .createTable('engineering_issue_tickets')
    .addColumn('issue_id', 'text', (c) => c.notNull().references('engineering_issues.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull().references('tickets.id'))
    .addColumn('linked_by', 'text', (c) => c.references('members.id'))
    .addColumn('linked_at', t.timestamp, (c) => c.notNull())
    // The public reply drafted when the fix shipped, until an agent sends or discards it.
    .addColumn('drafted_reply', 'text')
    .addColumn('reply_sent_at', t.timestamp)
    .addPrimaryKeyConstraint('engineering_issue_tickets_pk', ['issue_id', 'ticket_id'])
    .execute();
  await db.schema.createIndex('engineering_issue_tickets_ticket').on('engineering_issue_tickets').columns(['ticket_id']).execute();

  // Each tracker webhook delivery once: a replayed delivery id changes nothing.
  await db.schema
    .createTable('tracker_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracker', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('issue_key', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tracker_deliveries_unique').on('tracker_deliveries').columns(['tracker', 'delivery_id']).unique().execute();

  await db.schema
    .createTable('uat_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('feature_requests.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('signed_off_contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('signed_off_name', 'text')
    .addColumn('signed_off_at', t.timestamp)
    .execute();
  await db.schema.createIndex('uat_rounds_request').on('uat_rounds').columns(['request_id', 'created_at']).execute();

  await db.schema
    .createTable('uat_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('uat_rounds.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('expected', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('uat_cases_round').on('uat_cases').columns(['round_id', 'position']).execute();

  await db.schema
    .createTable('uat_invitees')
    .addColumn('round_id', 'text', (c) => c.notNull().references('uat_rounds.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('invited_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('uat_invitees_pk', ['round_id', 'contact_id'])
    .execute();

  await db.schema
    .createTable('uat_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('uat_cases.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addColumn('engineering_issue_id', 'text', (c) => c.references('engineering_issues.id'))
    .execute();
  await db.schema.createIndex('uat_results_case_contact').on('uat_results').columns(['case_id', 'contact_id']).unique().execute();

  // One "it shipped" notice per contact and request family (merged requests count as one).
  await db.schema
    .createTable('feedback_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('feature_requests.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('outbox_email_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('feedback_notices_unique')
    .on('feedback_notices')
    .columns(['request_id', 'contact_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('feedback_notices_contact').on('feedback_notices').columns(['contact_id', 'created_at']).execute();

  await db.schema
    .createTable('feedback_opt_outs')
    .addColumn('contact_id', 'text', (c) => c.primaryKey().references('contacts.id'))
    .addColumn('opted_out_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('internal_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_at', t.timestamp, (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('internal_meetings_held').on('internal_meetings').columns(['held_at']).execute();
  await db.schema
    .createTable('internal_meeting_attendees')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('internal_meetings.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addPrimaryKeyConstraint('internal_meeting_attendees_pk', ['meeting_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('internal_meeting_links')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('internal_meetings.id').onDelete('cascade'))
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('internal_meeting_links_pk', ['meeting_id', 'target_type', 'target_id'])
    .execute();
  await db.schema.createIndex('internal_meeting_links_target').on('internal_meeting_links').columns(['target_type', 'target_id']).execute();

  // Platform: what a member is told in the app (the bell), beside the e-mail that tells them too.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('outbox_email_id', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  await db.schema.createIndex('notifications_member').on('notifications').columns(['member_id', 'created_at']).execute();
}
