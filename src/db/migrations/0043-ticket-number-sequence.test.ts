import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, testDialects } from '../test-database.js';
import type { Db } from '../connect.js';
import { dialectTypes } from '../dialect.js';
import { SYSTEM_CONTEXT } from '../../kernel/actor.js';
import { createTicket } from '../../modules/support/index.js';
import { createAccountViaService, createContactViaService } from '../../../test/factories/index.js';
import { up } from './0043-ticket-number-sequence.js';

// The migration does something on PostgreSQL only; SQLite keeps its counter row.
describe.skipIf(!testDialects().includes('postgres'))('migration 0043 (ticket numbers from a sequence) on postgres', () => {
  let db: Db;
  beforeEach(async () => {
    db = await freshDatabase('postgres');
  });
  afterEach(async () => db.close());

  /** The schema as it was before 0043: no sequence, numbers in the counter row. */
  async function asBefore0043(counter: number | null): Promise<void> {
    await sql`drop sequence ticket_numbers`.execute(db.kysely);
    await db.kysely.deleteFrom('sequences').execute();
    if (counter !== null) await db.kysely.insertInto('sequences').values({ name: 'ticket', value: counter }).execute();
  }

  async function ticketsNumbered(numbers: number[]): Promise<void> {
    const account = await createAccountViaService(db);
    const contact = await createContactViaService(db, account.id);
    for (const number of numbers) {
      const ticket = await createTicket(db.kysely, SYSTEM_CONTEXT, {
        subject: `Ticket ${number}`,
        description: 'Printer on fire.',
        requesterId: contact.id,
        priority: 'normal',
        channel: 'web',
        tags: [],
      });
      await db.kysely.updateTable('tickets').set({ number }).where('id', '=', ticket.id).execute();
    }
  }

  // Migrations are written against an untyped Kysely: they see the schema of their day.
  const migrate = () => up(db.kysely as unknown as Kysely<unknown>, dialectTypes('postgres'));

  async function nextNumber(): Promise<number> {
    const { rows } = await sql<{ n: string }>`select nextval('ticket_numbers') as n`.execute(db.kysely);
    return Number(rows[0]!.n);
  }

  it('continues after the counter when it is ahead of the tickets', async () => {
    await ticketsNumbered([1, 2]);
    await asBefore0043(40);
    await migrate();
    expect(await nextNumber()).toBe(41);
  });

  it('continues after the largest ticket number when a ticket is ahead of the counter', async () => {
    await ticketsNumbered([3, 1200]);
    await asBefore0043(7);
    await migrate();
    expect(await nextNumber()).toBe(1201);
    // Nothing reads the counter row on PostgreSQL any more; none is left to mislead.
    expect(await db.kysely.selectFrom('sequences').selectAll().execute()).toEqual([]);
  });

  it('starts an empty workspace at 1', async () => {
    await asBefore0043(null);
    await migrate();
    expect(await nextNumber()).toBe(1);
  });
});
