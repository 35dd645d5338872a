import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.js';

interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * PostgreSQL only, for a bulk load: drops the secondary indexes of `tables` and gives back a
 * `restore` that builds them again from their own definitions (`pg_get_indexdef`), then checks
 * that the tables have exactly the indexes they had before.
 *
 * Why: tickets carry 17 secondary indexes and search_documents seven GIN indexes with a 256 kB
 * pending list; kept up row by row they cost the load more than the rows themselves, where one
 * sorted build per index at the end (in parallel workers) costs a fraction of that.
 * Indexes behind a constraint (primary keys, unique keys that foreign keys and ON CONFLICT
 * need) and unique indexes stay: dropping them would drop the checks the load relies on.
 */
export async function deferSecondaryIndexes(db: Kysely<Database>, tables: readonly string[]): Promise<{ restore(): Promise<void> }> {
  const before = await indexesOf(db, tables);
  const deferred = (
    await sql<IndexDefinition>`
      select ic.relname as name, pg_get_indexdef(ix.indexrelid) as definition
      from pg_index ix
      join pg_class ic on ic.oid = ix.indexrelid
      join pg_class t on t.oid = ix.indrelid
      where t.relnamespace = current_schema()::regnamespace and t.relname in (${sql.join(tables)})
        and not ix.indisunique and not ix.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = ix.indexrelid)
      order by t.relname, ic.relname`.execute(db)
  ).rows;
  for (const index of deferred) await sql`drop index ${sql.id(index.name)}`.execute(db);

  return {
    async restore() {
      // One pinned session, so its settings hold for every build; the server is not reconfigured.
      await db.connection().execute(async (session) => {
        await sql`set maintenance_work_mem = '1GB'`.execute(session);
        for (const index of deferred) await sql.raw(index.definition).execute(session);
        await sql`reset maintenance_work_mem`.execute(session);
      });
      const after = await indexesOf(db, tables);
      if (JSON.stringify(after) !== JSON.stringify(before)) {
        throw new Error('The rebuilt indexes differ from the ones the load dropped; regenerate the dataset.');
      }
    },
  };
}

/** Every index of `tables` with its definition, as pg_indexes lists them. */
async function indexesOf(db: Kysely<Database>, tables: readonly string[]): Promise<IndexDefinition[]> {
  return (
    await sql<IndexDefinition>`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = current_schema() and tablename in (${sql.join(tables)})
      order by tablename, indexname`.execute(db)
  ).rows;
}
