import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import type { FeatureRequestsTable, FeedbackItemsTable } from '../../../modules/feedback/tables.js';
import type { SeededRandom } from '../random.js';
import type { BulkWriter } from './bulk-writer.js';
import { refreshAllRequestFigures } from '../../../modules/feedback/index.js';
import { seededUuidV7 } from './deterministic-ids.js';

const DAY = 86_400_000;
const AREAS = ['Identity', 'Reporting', 'Integrations', 'Mobile', 'Admin console', 'API', 'Billing', 'Search'];
const NEEDS = [
  'SAML single sign-on',
  'Export to CSV',
  'Audit log retention',
  'Webhook retries',
  'Dark mode',
  'Custom roles',
  'Bulk edit',
  'Offline mode',
];
const IMPACTS = [
  ['blocker', 3],
  ['important', 2],
  ['important', 2],
  ['nice_to_have', 1],
  ['nice_to_have', 1],
] as const;
const STATUSES = ['under_review', 'under_review', 'planned', 'in_progress', 'shipped', 'declined'] as const;

export interface BenchFeedbackInput {
  accounts: readonly { id: string; contacts: readonly string[] }[];
  capturers: readonly string[];
  items: number;
  now: number;
  rnd: SeededRandom;
}

/**
 * The feedback part of the bench dataset (issue 14): one request per ten items, items skewed
 * towards the first requests (a few needs are asked for by many customers, most by a handful),
 * one item in seven still unlinked in the inbox, and an opportunity blocker on one request in five.
 */
export async function seedBenchFeedback(
  db: Kysely<Database>,
  writer: BulkWriter,
  input: BenchFeedbackInput,
): Promise<{ feedbackItems: number; featureRequests: number }> {
  const { accounts, capturers, now, rnd } = input;
  const R = Math.max(1, Math.floor(input.items / 10));
  const requests: Insertable<FeatureRequestsTable>[] = Array.from({ length: R }, (_, i) => {
    const at = new Date(now - rnd.int(30, 900) * DAY).toISOString();
    const status = STATUSES[i % STATUSES.length]!;
    const need = NEEDS[i % NEEDS.length]!;
    return {
      id: seededUuidV7(rnd, Date.parse(at)),
      title: `${need} for ${AREAS[i % AREAS.length]} (${i + 1})`,
      description: `Customers ask for ${need.toLowerCase()}.`,
      product_area: AREAS[i % AREAS.length]!,
      status,
      declined_reason: status === 'declined' ? 'Out of scope for this year' : null,
      owner_id: capturers[i % capturers.length]!,
      target_release: status === 'planned' || status === 'in_progress' ? `2027.${(i % 4) + 1}` : null,
      visibility: i % 3 === 0 ? 'public' : 'internal',
      merged_into_id: null,
      shipped_at: status === 'shipped' ? at : null,
      search_text: ` ${need.toLowerCase()} `,
      created_by: capturers[i % capturers.length]!,
      created_at: at,
      updated_at: at,
    };
  });
  for (let i = 0; i < R; i += 2000) await writer.insert(db, 'feature_requests', requests.slice(i, i + 2000));
  const batch: Insertable<FeedbackItemsTable>[] = [];
  for (let i = 0; i < input.items; i++) {
    // Squaring a uniform draw skews towards the first requests.
    const request = requests[Math.floor(rnd.next() ** 2 * R)]!;
    const account = accounts[rnd.int(0, accounts.length - 1)]!;
    const [impact, weight] = IMPACTS[rnd.int(0, IMPACTS.length - 1)]!;
    const at = new Date(now - rnd.int(1, 700) * DAY).toISOString();
    const linked = i % 7 !== 0;
    batch.push({
      id: seededUuidV7(rnd, Date.parse(at)),
      account_id: account.id,
      contact_id: account.contacts[0] ?? null,
      captured_by: capturers[i % capturers.length]!,
      title: request.title,
      quote: `We really need this: ${request.description}`,
      impact,
      impact_weight: weight,
      source_type: 'manual',
      source_id: null,
      source_label: 'Captured by hand',
      source_url: null,
      product_area: request.product_area,
      tags: '[]',
      request_id: linked ? request.id : null,
      linked_at: linked ? at : null,
      linked_by: linked ? capturers[i % capturers.length]! : null,
      customer_told_at: null,
      created_at: at,
      updated_at: at,
    });
    if (batch.length === 5000) await writer.insert(db, 'feedback_items', batch.splice(0));
  }
  await writer.insert(db, 'feedback_items', batch);
  const blockers = requests
    .filter((_, i) => i % 5 === 0)
    .map((r, i) => ({
      id: seededUuidV7(rnd, now - i),
      request_id: r.id,
      opportunity_id: `bench-opp-${i}`,
      account_id: accounts[rnd.int(0, accounts.length - 1)]!.id,
      arr: rnd.int(10, 500) * 1000,
      is_open: i % 4 === 0 ? 0 : 1,
      created_at: r.created_at,
      updated_at: r.created_at,
    }));
  await writer.insert(db, 'feature_request_blockers', blockers);
  // Written in bulk, the requests have no figures yet: compute them as the services keep them.
  await db.transaction().execute((trx) => refreshAllRequestFigures(trx));
  return { feedbackItems: input.items, featureRequests: R };
}
