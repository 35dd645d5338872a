import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { newId } from '../../../kernel/ids.js';
import { IMPACT_WEIGHTS, type Impact, type RequestStatus, type RequestVisibility } from '../contract/kinds.js';

/**
 * Feature requests and feedback items written straight into the feedback tables, so the loop,
 * roadmap and meeting tests do not wait on (or test) the request and item services.
 */
export async function insertRequest(
  db: Kysely<Database>,
  input: {
    title?: string;
    status?: RequestStatus;
    visibility?: RequestVisibility;
    targetRelease?: string | null;
    mergedIntoId?: string | null;
    description?: string;
  } = {},
): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  await db
    .insertInto('feature_requests')
    .values({
      id,
      title: input.title ?? `Request ${id.slice(-6)}`,
      description: input.description ?? 'What the customers need',
      product_area: null,
      status: input.status ?? 'under_review',
      declined_reason: input.status === 'declined' ? 'Out of scope' : null,
      owner_id: null,
      target_release: input.targetRelease ?? null,
      visibility: input.visibility ?? 'internal',
      merged_into_id: input.mergedIntoId ?? null,
      shipped_at: input.status === 'shipped' ? at : null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function insertItem(
  db: Kysely<Database>,
  input: { requestId: string | null; accountId: string; contactId?: string | null; impact?: Impact; quote?: string },
): Promise<string> {
  const id = newId();
  const at = new Date().toISOString();
  const impact = input.impact ?? 'important';
  await db
    .insertInto('feedback_items')
    .values({
      id,
      account_id: input.accountId,
      contact_id: input.contactId ?? null,
      captured_by: null,
      title: 'Feedback',
      quote: input.quote ?? 'We need this',
      impact,
      impact_weight: IMPACT_WEIGHTS[impact],
      source_type: 'manual',
      source_id: null,
      source_label: 'Entered by hand',
      source_url: null,
      product_area: null,
      tags: '[]',
      request_id: input.requestId,
      linked_at: input.requestId ? at : null,
      linked_by: null,
      customer_told_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** Ships a request the way the request service does: status, then the loop, in one transaction. */
export async function shipRequest(db: Kysely<Database>, id: string, run: (trx: Kysely<Database>) => Promise<unknown>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('feature_requests')
      .set({ status: 'shipped', shipped_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await run(trx);
  });
}
