import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import type { FeedbackItem } from '../contract/items.js';
import { feedbackPorts } from '../ports.js';
import type { FeedbackItemsTable } from '../tables.js';

export type FeedbackItemRow = Selectable<FeedbackItemsTable>;

/** The open deals behind items captured from opportunities (a requirement gap), by opportunity id: their ARR is pipeline. */
export async function dealPipelineOf(db: Kysely<Database>, rows: readonly Pick<FeedbackItemRow, 'source_type' | 'source_id'>[]) {
  const ids = [...new Set(rows.filter((r) => r.source_type === 'opportunity' && r.source_id).map((r) => r.source_id!))];
  return ids.length ? feedbackPorts().openOpportunityArr(db, ids) : new Map<string, number>();
}

/** Items as the API shows them: account, contact, capturer, request and deal named in five batch reads. */
export async function toItemViews(db: Kysely<Database>, rows: readonly FeedbackItemRow[]): Promise<FeedbackItem[]> {
  if (!rows.length) return [];
  const requestIds = [...new Set(rows.map((r) => r.request_id).filter((id): id is string => !!id))];
  const [accounts, contacts, members, requests, pipeline] = await Promise.all([
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
    contactRefs(
      db,
      rows.map((r) => r.contact_id),
    ),
    memberRefs(
      db,
      rows.map((r) => r.captured_by),
    ),
    requestIds.length
      ? db.selectFrom('feature_requests').select(['id', 'title', 'status']).where('id', 'in', requestIds).execute()
      : Promise.resolve([]),
    dealPipelineOf(db, rows),
  ]);
  const requestById = new Map(requests.map((r) => [r.id, r]));
  return rows.map((r) => {
    const contact = r.contact_id ? contacts.get(r.contact_id) : undefined;
    const member = r.captured_by ? members.get(r.captured_by) : undefined;
    const request = r.request_id ? requestById.get(r.request_id) : undefined;
    return {
      id: r.id,
      account: { id: r.account_id, name: accounts.get(r.account_id)?.name ?? '(deleted account)' },
      contact: contact ? { id: contact.id, name: contact.name } : null,
      capturedBy: member ? { id: member.id, name: member.name } : null,
      title: r.title,
      quote: r.quote,
      impact: r.impact,
      source: { type: r.source_type, id: r.source_id, label: r.source_label, url: r.source_url },
      productArea: r.product_area,
      tags: JSON.parse(r.tags) as string[],
      pipelineArr: r.source_type === 'opportunity' && r.source_id ? (pipeline.get(r.source_id) ?? 0) : 0,
      request: request ? { id: request.id, title: request.title, status: request.status } : null,
      linkedAt: r.linked_at,
      customerToldAt: r.customer_told_at,
      createdAt: r.created_at,
    };
  });
}
