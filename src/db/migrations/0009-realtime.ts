import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * Live events across nodes: on PostgreSQL each insert into the `events` outbox notifies the
 * `outpost_events` channel with `schema:firstId:lastId`. NOTIFY is delivered at commit, so a
 * listener hears of an event exactly when its change is visible. One notification per statement,
 * not per row, so a bulk load does not queue millions of them. SQLite needs nothing: its feed
 * polls the outbox (src/modules/platform/realtime/polling-event-feed.ts).
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect !== 'postgres') return;
  await sql`
    create or replace function outpost_notify_events() returns trigger language plpgsql as $$
    declare
      first_id bigint;
      last_id bigint;
    begin
      select min(id), max(id) into first_id, last_id from inserted;
      if first_id is not null then
        perform pg_notify('outpost_events', TG_TABLE_SCHEMA || ':' || first_id || ':' || last_id);
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`
    create trigger events_notify after insert on events
    referencing new table as inserted
    for each statement execute function outpost_notify_events()`.execute(db);
}
