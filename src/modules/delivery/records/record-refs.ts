import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';

/** Where a delivery record sits, for records elsewhere that point back at it (feedback captured from it). */
export interface DeliveryRecordRef {
  id: string;
  accountId: string;
  engagementId: string;
  engagementName: string;
  title: string;
}

/** A POC success criterion with its engagement and account, or null. */
export async function pocCriterionRef(db: Kysely<Database>, id: string): Promise<DeliveryRecordRef | null> {
  const row = await db
    .selectFrom('poc_criteria')
    .innerJoin('engagements', 'engagements.id', 'poc_criteria.engagement_id')
    .select(['poc_criteria.id', 'poc_criteria.statement', 'engagements.id as engagement_id', 'engagements.name', 'engagements.account_id'])
    .where('poc_criteria.id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, accountId: row.account_id, engagementId: row.engagement_id, engagementName: row.name, title: row.statement }
    : null;
}

/** An engagement task with its engagement and account, or null. */
export async function engagementTaskRef(db: Kysely<Database>, id: string): Promise<DeliveryRecordRef | null> {
  const row = await db
    .selectFrom('engagement_tasks')
    .innerJoin('engagements', 'engagements.id', 'engagement_tasks.engagement_id')
    .select([
      'engagement_tasks.id',
      'engagement_tasks.title',
      'engagements.id as engagement_id',
      'engagements.name',
      'engagements.account_id',
    ])
    .where('engagement_tasks.id', '=', id)
    .executeTakeFirst();
  return row
    ? { id: row.id, accountId: row.account_id, engagementId: row.engagement_id, engagementName: row.name, title: row.title }
    : null;
}
