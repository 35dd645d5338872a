import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import type { OpportunityStageChangesTable } from './tables.js';

export type StageChangeRow = Selectable<OpportunityStageChangesTable>;

/** Appends one move of a deal's stage or technical win to its history (inside the write's transaction). */
export async function recordStageChange(
  db: Kysely<Database>,
  ctx: ChangeContext,
  opportunityId: string,
  field: StageChangeRow['field'],
  from: string | null,
  to: string,
  reason: string | null,
  at: string,
): Promise<void> {
  await db
    .insertInto('opportunity_stage_changes')
    .values({
      id: newId(),
      opportunity_id: opportunityId,
      field,
      from_value: from,
      to_value: to,
      reason,
      changed_by: ctx.memberId,
      changed_at: at,
    })
    .execute();
}

/** A deal's history, oldest first. */
export async function stageChangesOf(db: Kysely<Database>, opportunityId: string): Promise<StageChangeRow[]> {
  return db
    .selectFrom('opportunity_stage_changes')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}
