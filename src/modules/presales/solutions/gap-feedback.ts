import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { createFeedbackItem } from '../../feedback/index.js';
import type { RequirementPriority } from '../contract/solutions.js';

/** How much a gap matters to the customer, from the priority they gave the requirement. */
export const GAP_IMPACT = { must: 'blocker', should: 'important', could: 'nice_to_have' } as const satisfies Record<
  RequirementPriority,
  string
>;

export const GAP_CAPTURED_NOTICE =
  'The gap is in the feedback insights inbox, with the deal’s ARR as pipeline once it is triaged into a feature request.';
export const GAP_KEPT_NOTICE =
  'The feedback item captured for this gap stays in the insights inbox (it is the customer’s need on record): delete it there if it no longer applies.';

const TITLE_MAX = 200;

/** The item's title: the customer's reference, then the requirement's first line, cut at 200 characters. */
export function gapTitle(reference: string | null, text: string): string {
  const firstLine =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? text.trim();
  const title = `${reference ? `${reference}: ` : ''}${firstLine}`;
  return title.length <= TITLE_MAX ? title : `${title.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

/**
 * Captures a requirement marked `gap` as a feedback item in the insights inbox (source: the deal,
 * so the item takes the deal's account, and its ARR counts as pipeline), and remembers the item on
 * the requirement so it is captured once. Runs in the caller's transaction.
 */
export async function captureGap(
  trx: Kysely<Database>,
  ctx: ChangeContext,
  requirement: { id: string; opportunity_id: string; reference: string | null; text: string; priority: RequirementPriority },
): Promise<string> {
  const item = await createFeedbackItem(trx, ctx, {
    sourceType: 'opportunity',
    sourceId: requirement.opportunity_id,
    title: gapTitle(requirement.reference, requirement.text),
    quote: requirement.text,
    impact: GAP_IMPACT[requirement.priority],
    tags: ['requirement-gap'],
  });
  await trx.updateTable('requirements').set({ feedback_item_id: item.id }).where('id', '=', requirement.id).execute();
  return item.id;
}
