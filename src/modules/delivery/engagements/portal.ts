import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import { recordAudit } from '../../../kernel/audit.js';
import { contactRefs } from '../../accounts/index.js';
import { contactContext, type PortalContact } from '../../identity/index.js';
import { memberRefs } from '../../team/index.js';
import type { PortalEngagement } from '../contract/engagements.js';

/**
 * The customer's view of their projects (portal): the account's engagements that are not
 * cancelled, with only customer-visible tasks — no budget, time, comments or internal tasks.
 * Every query is scoped to the signed-in contact's account on the server.
 */
export async function listPortalEngagements(db: Kysely<Database>, contact: PortalContact): Promise<PortalEngagement[]> {
  const engagements = await db
    .selectFrom('engagements')
    .select([
      'engagements.id',
      'engagements.name',
      'engagements.kind',
      'engagements.status',
      'engagements.start_date',
      'engagements.target_go_live_date',
      'engagements.actual_go_live_date',
      'engagements.lead_id',
    ])
    .where('engagements.account_id', '=', contact.accountId)
    .where('engagements.status', '!=', 'cancelled')
    .orderBy('engagements.start_date', 'desc')
    .orderBy('engagements.id')
    .limit(100)
    .execute();
  const ids = engagements.map((e) => e.id);
  if (!ids.length) return [];
  const [phases, tasks, deps] = await Promise.all([
    db
      .selectFrom('engagement_phases')
      .select(['id', 'engagement_id', 'name', 'position'])
      .where('engagement_id', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('engagement_tasks as t')
      .select([
        't.id',
        't.engagement_id',
        't.phase_id',
        't.title',
        't.description',
        't.milestone',
        't.start_date',
        't.due_date',
        't.status',
        't.completed_at',
        't.owner_type',
        't.owner_id',
        't.position',
      ])
      .where('t.engagement_id', 'in', ids)
      .where('t.customer_visible', '=', 1)
      .orderBy('t.position')
      .execute(),
    db
      .selectFrom('task_dependencies')
      .innerJoin('engagement_tasks as d', 'd.id', 'task_dependencies.depends_on_id')
      .select(['task_dependencies.task_id'])
      .where('task_dependencies.engagement_id', 'in', ids)
      .where('d.status', '!=', 'done')
      .execute(),
  ]);
  const blocked = new Set(deps.map((d) => d.task_id));
  // Names of the leads and the tasks' owners: one read of each for the whole page.
  const ownersOf = (type: 'member' | 'contact') => tasks.filter((t) => t.owner_type === type).map((t) => t.owner_id);
  const [members, contacts] = await Promise.all([
    memberRefs(db, [...engagements.map((e) => e.lead_id), ...ownersOf('member')]),
    contactRefs(db, ownersOf('contact')),
  ]);
  const ownerName = (type: 'member' | 'contact', id: string | null) =>
    id === null ? undefined : (type === 'member' ? members.get(id) : contacts.get(id))?.name;
  return engagements.map((e) => {
    const leadName = e.lead_id ? members.get(e.lead_id)?.name : null;
    const own = tasks.filter((t) => t.engagement_id === e.id);
    const toTask = (t: (typeof tasks)[number]) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      milestone: Boolean(Number(t.milestone)),
      startDate: t.start_date,
      dueDate: t.due_date,
      status: t.status,
      completedAt: t.completed_at,
      owner: t.owner_type ? { type: t.owner_type, name: ownerName(t.owner_type, t.owner_id) ?? '' } : null,
      yours: t.owner_type === 'contact' && t.owner_id === contact.contactId,
      blocked: t.status !== 'done' && blocked.has(t.id),
    });
    const grouped = phases
      .filter((p) => p.engagement_id === e.id)
      .map((p) => ({ id: p.id as string | null, name: p.name, tasks: own.filter((t) => t.phase_id === p.id).map(toTask) }))
      .filter((p) => p.tasks.length > 0);
    const loose = own.filter((t) => !t.phase_id || !phases.some((p) => p.id === t.phase_id));
    if (loose.length) grouped.push({ id: null, name: 'Other tasks', tasks: loose.map(toTask) });
    return {
      id: e.id,
      name: e.name,
      kind: e.kind,
      status: e.status,
      startDate: e.start_date,
      targetGoLiveDate: e.target_go_live_date,
      actualGoLiveDate: e.actual_go_live_date,
      lead: leadName ? { name: leadName } : null,
      phases: grouped,
    };
  });
}

/**
 * Marks a customer-visible task the contact owns done. Anyone else's task — another contact's, an
 * internal one, another account's — answers 404, never the record. A task still waiting for its
 * dependencies answers 409 like it does for members.
 */
export async function completePortalTask(
  db: Kysely<Database>,
  contact: PortalContact,
  taskId: string,
  ip: string | null,
  now = new Date(),
): Promise<void> {
  const task = await db
    .selectFrom('engagement_tasks as t')
    .innerJoin('engagements as e', 'e.id', 't.engagement_id')
    .select(['t.id', 't.status', 't.engagement_id'])
    .where('t.id', '=', taskId)
    .where('e.account_id', '=', contact.accountId)
    .where('e.status', '!=', 'cancelled')
    .where('t.customer_visible', '=', 1)
    .where('t.owner_type', '=', 'contact')
    .where('t.owner_id', '=', contact.contactId)
    .executeTakeFirst();
  if (!task) throw errors.taskNotYours();
  if (task.status === 'done') return;
  const blockers = await db
    .selectFrom('task_dependencies')
    .innerJoin('engagement_tasks as d', 'd.id', 'task_dependencies.depends_on_id')
    .select(['d.id', 'd.title', 'd.status'])
    .where('task_dependencies.task_id', '=', taskId)
    .where('d.status', '!=', 'done')
    .execute();
  if (blockers.length) throw errors.taskBlocked(blockers);
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    await trx.updateTable('engagement_tasks').set({ status: 'done', completed_at: at, updated_at: at }).where('id', '=', taskId).execute();
    await trx.updateTable('engagements').set({ updated_at: at }).where('id', '=', task.engagement_id).execute();
    await recordAudit(trx, contactContext(contact, ip), {
      action: 'task.completed',
      recordType: 'engagement_task',
      recordId: taskId,
      changes: { status: [task.status, 'done'] },
    });
  });
}
