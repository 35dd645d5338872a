import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Issue 18 (zendesk module): the Zendesk-compatible API and the importer.
 * - `zendesk_numeric_ids`: Zendesk clients expect numeric ids; Outpost's are UUIDs. Each record the
 *   API shows gets one number per kind (user, organization, group, comment, view, ticket_field,
 *   macro, attachment, satisfaction_rating; tickets use their own `number`). An imported record
 *   keeps its Zendesk id when that number is free, so scripts that name ids keep working.
 * - `import_external_ids`: what an import has already written, by source and the source's id, so a
 *   second run (or one resumed after a kill) changes nothing.
 * - `import_runs` and `import_skips`: each run's counts, its checkpoint and every row it did not
 *   write, with the reason (never a silent drop).
 * - `zendesk_job_statuses`: create_many / update_many answer with a job status, as Zendesk does.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  await db.schema
    .createTable('zendesk_numeric_ids')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('numeric_id', 'bigint', (c) => c.notNull())
    .addColumn('outpost_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('zendesk_numeric_ids_pk', ['kind', 'numeric_id'])
    .execute();
  await db.schema.createIndex('zendesk_numeric_ids_outpost').unique().on('zendesk_numeric_ids').columns(['kind', 'outpost_id']).execute();
  await db.schema
    .createTable('import_external_ids')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('outpost_id', 'text', (c) => c.notNull())
    .addColumn('imported_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_external_ids_pk', ['source', 'kind', 'external_id'])
    .execute();
  await db.schema
    .createTable('import_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('checkpoint', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('started_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema.createIndex('import_runs_source').on('import_runs').columns(['source', 'started_at']).execute();
  await db.schema
    .createTable('import_skips')
    .addColumn('id', 'integer', (c) => t.serialPrimaryKey(c))
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_skips_run').on('import_skips').columns(['run_id']).execute();
  await db.schema
    .createTable('zendesk_job_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('job_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('results', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('message', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}
