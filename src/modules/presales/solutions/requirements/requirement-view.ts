import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { memberRefs } from '../../../team/index.js';
import type { Requirement } from '../../contract/solutions.js';
import type { RequirementRow } from './requirement-rows.js';

/** Requirements as the API shows them, with who last changed each (one member read) and the designs answering it. */
export async function toRequirementViews(
  db: Kysely<Database>,
  rows: readonly RequirementRow[],
  designIds: ReadonlyMap<string, string[]>,
): Promise<Requirement[]> {
  const members = await memberRefs(
    db,
    rows.map((r) => r.updated_by),
  );
  return rows.map((r) => {
    const member = r.updated_by ? members.get(r.updated_by) : undefined;
    return {
      id: r.id,
      opportunityId: r.opportunity_id,
      reference: r.reference,
      text: r.text,
      section: r.section,
      priority: r.priority,
      fit: r.fit,
      notes: r.notes,
      position: Number(r.position),
      feedbackItemId: r.feedback_item_id,
      designIds: designIds.get(r.id) ?? [],
      updatedBy: member ? { id: member.id, name: member.name } : null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  });
}
