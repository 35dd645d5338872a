import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { accountFigures } from '../../accounts/index.js';
import { ROADMAP_STATUSES, type Roadmap, type RoadmapRelease, type RoadmapRequest } from '../contract/roadmap.js';
import { requestFigures } from '../requests/ranking.read-model.js';
import { compareReleases } from './roadmap-figures.js';

/**
 * The internal roadmap: planned, in-progress and shipped requests (merged ones live in their
 * survivor) grouped by target release, each with the revenue behind it. Three reads whatever the
 * size: the requests, their stored figures and (request, account) pairs, then the accounts' ARR
 * through the accounts module.
 */
export async function getRoadmap(db: Kysely<Database>): Promise<Roadmap> {
  const requests = await db
    .selectFrom('feature_requests')
    .select(['id', 'title', 'product_area', 'status', 'visibility', 'target_release', 'shipped_at'])
    .where('status', 'in', [...ROADMAP_STATUSES])
    .where('merged_into_id', 'is', null)
    .execute();
  // Each request's figures are the ranking's own (stored, kept current by every change); the
  // release totals count each account once, so they need the (request, account) pairs too.
  const [figures, links] = await Promise.all([
    requestFigures(
      db,
      requests.map((r) => r.id),
    ),
    db
      .selectFrom('feedback_items')
      .innerJoin('feature_requests', 'feature_requests.id', 'feedback_items.request_id')
      .select(['feedback_items.request_id', 'feedback_items.account_id'])
      .distinct()
      .where('feature_requests.status', 'in', [...ROADMAP_STATUSES])
      .where('feature_requests.merged_into_id', 'is', null)
      .execute(),
  ]);
  const accountsOf = new Map<string, string[]>();
  for (const l of links) accountsOf.set(l.request_id!, [...(accountsOf.get(l.request_id!) ?? []), l.account_id]);
  const accounts = await accountFigures(db, [...new Set(links.map((l) => l.account_id))]);
  const arrOf = new Map([...accounts.values()].map((a) => [a.id, a.arr]));

  const byRelease = new Map<string | null, { requests: RoadmapRequest[]; accounts: Set<string> }>();
  for (const r of requests) {
    const f = figures.get(r.id);
    const group = byRelease.get(r.target_release) ?? { requests: [], accounts: new Set<string>() };
    group.requests.push({
      id: r.id,
      title: r.title,
      productArea: r.product_area,
      status: r.status as RoadmapRequest['status'],
      visibility: r.visibility,
      targetRelease: r.target_release,
      shippedAt: r.shipped_at,
      score: f?.score ?? 0,
      arr: f?.arr ?? 0,
      pipelineArr: f?.pipelineArr ?? 0,
      customerCount: f?.customerCount ?? 0,
    });
    for (const id of accountsOf.get(r.id) ?? []) group.accounts.add(id);
    byRelease.set(r.target_release, group);
  }
  const releases: RoadmapRelease[] = [...byRelease.entries()]
    .sort(([a], [b]) => compareReleases(a, b))
    .map(([release, group]) => ({
      release,
      requests: group.requests.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.id.localeCompare(b.id)),
      arr: [...group.accounts].reduce((sum, id) => sum + (arrOf.get(id) ?? 0), 0),
      customerCount: group.accounts.size,
    }));
  return { releases };
}
