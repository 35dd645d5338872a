import type { Kysely } from 'kysely';

/**
 * Analytics for the support manager and the delivery lead (issue 15). No rollup tables: every chart
 * is a grouped query over a date range, and these indexes make the ranges (and the counts of the
 * backlog) index-only scans. `(solved_at, created_at)` answers both "solved per day" and "still open
 * at the period's start" (solved_at null or later, created before) without reading ticket rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('tickets_created').on('tickets').columns(['created_at']).execute();
  await db.schema.createIndex('tickets_solved_created').on('tickets').columns(['solved_at', 'created_at']).execute();
  await db.schema.createIndex('csat_surveys_rated').on('csat_surveys').columns(['rated_at']).execute();
  await db.schema.createIndex('escalations_at').on('escalations').columns(['at']).execute();
}
