import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { keysetAfter, likeText } from '../../../kernel/pagination.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { indexContact } from '../account-search-documents.js';

/**
 * Batch reads (and the one write the accounts API lacks) for the Zendesk-compatible API (issue 18),
 * where contacts are Zendesk's end-users. Pages run in (created_at, id) order so offset and cursor
 * paging agree.
 */

export interface ApiContact {
  id: string;
  accountId: string;
  name: string;
  email: string;
  phone: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiContactFilter {
  accountId?: string;
  /** Name or e-mail contains this text (case-insensitive). */
  text?: string;
  /** This exact e-mail (case-insensitive). */
  email?: string;
}

/** Contacts by id in one read. */
export async function apiContacts(db: Kysely<Database>, ids: Iterable<string>): Promise<Map<string, ApiContact>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'account_id', 'name', 'email', 'phone', 'created_at', 'updated_at'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, accountId: r.account_id, name: r.name, email: r.email, phone: r.phone, createdAt: r.created_at, updatedAt: r.updated_at },
    ]),
  );
}

function filtered(db: Kysely<Database>, filter: ApiContactFilter): SelectQueryBuilder<Database, 'contacts', object> {
  let query = db.selectFrom('contacts');
  if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
  if (filter.email) query = query.where('email', '=', filter.email.toLowerCase());
  if (filter.text) {
    const needle = filter.text.toLowerCase();
    query = query.where((eb) =>
      eb.or([likeText(sql<string>`lower(contacts.name)`, needle, 'contains'), likeText('contacts.email', needle, 'contains')]),
    );
  }
  return query;
}

/** One page of contact ids in (created_at, id) order, after a keyset or from an offset. */
export async function apiContactPage(
  db: Kysely<Database>,
  filter: ApiContactFilter,
  page: { after?: { createdAt: string; id: string }; offset?: number; limit: number },
): Promise<{ id: string; createdAt: string }[]> {
  let query = filtered(db, filter).select(['contacts.id', 'contacts.created_at']);
  if (page.after)
    query = query.where(keysetAfter('contacts.created_at', 'contacts.id', { sortValue: page.after.createdAt, id: page.after.id }, 'asc'));
  const rows = await query
    .orderBy('contacts.created_at')
    .orderBy('contacts.id')
    .limit(page.limit)
    .offset(page.offset ?? 0)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
}

export async function apiContactCount(db: Kysely<Database>, filter: ApiContactFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Moves a contact to another account (a Zendesk user's organization_id changed). */
export async function moveContact(db: Kysely<Database>, ctx: ChangeContext, id: string, accountId: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('contacts').select(['account_id']).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.contactNotFound();
    if (before.account_id === accountId) return;
    if (!(await trx.selectFrom('accounts').select('id').where('id', '=', accountId).executeTakeFirst())) throw errors.accountNotFound();
    await trx.updateTable('contacts').set({ account_id: accountId, updated_at: nowIso() }).where('id', '=', id).execute();
    await indexContact(trx, id);
    await recordAudit(trx, ctx, {
      action: 'contact.updated',
      recordType: 'contact',
      recordId: id,
      changes: diff({ accountId: before.account_id }, { accountId }),
    });
  });
}

export { updateContact } from '../service.js';
