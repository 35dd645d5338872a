import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { objectiveProgress, planProgressOf } from './progress.js';

/**
 * An account's success plans with their progress (for the business review): every plan but the
 * abandoned ones, newest first, with objectives in order. Two reads.
 */
export async function planProgress(
  db: Kysely<Database>,
  accountId: string,
): Promise<{
  plans: {
    id: string;
    title: string;
    status: string;
    progress: number | null;
    objectives: { title: string; status: string; dueOn: string | null; progress: number | null }[];
  }[];
}> {
  const plans = await db
    .selectFrom('success_plans')
    .select(['id', 'title', 'status'])
    .where('account_id', '=', accountId)
    .where('status', '!=', 'abandoned')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  if (!plans.length) return { plans: [] };
  const objectives = await db
    .selectFrom('success_plan_objectives')
    .selectAll()
    .where(
      'plan_id',
      'in',
      plans.map((p) => p.id),
    )
    .orderBy('position')
    .orderBy('id')
    .execute();
  return {
    plans: plans.map((p) => {
      const own = objectives.filter((o) => o.plan_id === p.id);
      return {
        id: p.id,
        title: p.title,
        status: p.status,
        progress: planProgressOf(own),
        objectives: own.map((o) => ({ title: o.title, status: o.status, dueOn: o.due_on, progress: objectiveProgress(o) })),
      };
    }),
  };
}
