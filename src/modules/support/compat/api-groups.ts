import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { Tier } from '../tables.js';

/** Ticket groups as the Zendesk-compatible API shows and edits them (issue 18). Groups are few: read whole. */
export interface ApiGroup {
  id: string;
  name: string;
  tier: Tier;
  createdAt: string;
}

/** Every ticket group, oldest first (the first stands for Zendesk's default group). */
export async function apiGroups(db: Kysely<Database>): Promise<ApiGroup[]> {
  const rows = await db
    .selectFrom('ticket_groups')
    .select(['id', 'name', 'tier', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, tier: r.tier, createdAt: r.created_at }));
}

/** Renames a group (names are unique); its tier stays. */
export async function renameGroup(db: Kysely<Database>, ctx: ChangeContext, id: string, name: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('ticket_groups').select(['name']).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.referenceMissing('group', 'id');
    if (before.name === name) return;
    const other = await trx.selectFrom('ticket_groups').select('id').where('name', '=', name).executeTakeFirst();
    if (other) throw errors.duplicate('A group', 'name');
    await trx.updateTable('ticket_groups').set({ name }).where('id', '=', id).execute();
    await recordAudit(trx, ctx, { action: 'group.updated', recordType: 'ticket_group', recordId: id, changes: diff(before, { name }) });
  });
}
