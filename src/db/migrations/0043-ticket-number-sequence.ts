import { sql, type Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';

/**
 * PostgreSQL ticket numbers from a native sequence instead of the `sequences` counter row.
 *
 * A create took its number with an upsert on the row `sequences('ticket')`, whose lock is held
 * until COMMIT, and a COMMIT waits for the WAL flush: creates queued behind each other's flushes,
 * 280–450 creates/s whatever the number of clients. `nextval` locks nothing past its own call.
 *
 * The sequence continues after the larger of the counter and the largest ticket number (an import
 * can have left tickets above the counter only if something went wrong, but a duplicate number
 * would fail every later create until the sequence passed it). The counter row is then deleted:
 * nothing reads it on PostgreSQL any more, and a stale value left in it would only mislead.
 * SQLite keeps the counter row: it has one writer, so the row's lock costs nothing there.
 */
export async function up(db: Kysely<unknown>, t: DialectTypes): Promise<void> {
  if (t.dialect !== 'postgres') return;
  // Owned by no column: the tickets table's number column keeps its plain type, and dropping
  // a column never drops the numbering with it.
  await sql`create sequence ticket_numbers as bigint minvalue 1 start with 1`.execute(db);
  // setval(n, true) makes the next nextval return n + 1; an empty workspace keeps the sequence
  // untouched, so its first ticket is #1 (setval cannot take 0, below minvalue).
  await sql`
    select setval('ticket_numbers', greatest(last, 1), last > 0)
    from (
      select greatest(
        (select max(value) from sequences where name = 'ticket'),
        (select max(number) from tickets),
        0
      ) as last
    ) as counter
  `.execute(db);
  await sql`delete from sequences where name = 'ticket'`.execute(db);
}
