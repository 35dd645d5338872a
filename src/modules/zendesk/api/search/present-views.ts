import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import { viewCreationTimes, type TicketCriteria, type TicketView } from '../../../support/index.js';
import type { ZendeskView } from '../../contract/search.js';
import { apiUrl, zendeskTime } from '../http/urls.js';
import { numericIds } from '../numeric-ids.js';

/**
 * Outpost's ticket views as Zendesk's views (Support API reference → Views → "JSON format"). A
 * view's filters become Zendesk conditions (status, priority, assignee, group, organization, tag,
 * and Outpost's own tier and "due within"), and a member's personal view is restricted to that
 * member, as Zendesk restricts a personal view to its owner.
 */

type Condition = ZendeskView['conditions']['all'][number];

export const VIEW_COLUMNS = [
  { id: 'status', title: 'Status' },
  { id: 'subject', title: 'Subject' },
  { id: 'requester', title: 'Requester' },
  { id: 'created', title: 'Requested' },
  { id: 'priority', title: 'Priority' },
  { id: 'assignee', title: 'Assignee' },
];

const UNSOLVED = ['new', 'open', 'pending', 'on_hold'];
const zendeskStatus = (s: string) => (s === 'on_hold' ? 'hold' : s);

function conditionsOf(
  view: TicketView,
  numbers: { group: Map<string, number>; organization: Map<string, number>; user: Map<string, number> },
) {
  const all: Condition[] = [];
  const any: Condition[] = [];
  const f = view.filters;
  if (f.statuses) {
    if (f.statuses.length === 1) all.push({ field: 'status', operator: 'is', value: zendeskStatus(f.statuses[0]!) });
    else if (f.statuses.length === UNSOLVED.length && f.statuses.every((s) => UNSOLVED.includes(s)))
      all.push({ field: 'status', operator: 'less_than', value: 'solved' });
    else for (const s of f.statuses) any.push({ field: 'status', operator: 'is', value: zendeskStatus(s) });
  }
  for (const p of f.priorities ?? []) (f.priorities!.length === 1 ? all : any).push({ field: 'priority', operator: 'is', value: p });
  for (const t of f.tiers ?? []) (f.tiers!.length === 1 ? all : any).push({ field: 'tier', operator: 'is', value: t });
  if (f.assignee === 'me') all.push({ field: 'assignee_id', operator: 'is', value: 'current_user' });
  else if (f.assignee === 'none') all.push({ field: 'assignee_id', operator: 'is', value: null });
  else if (f.assignee) all.push({ field: 'assignee_id', operator: 'is', value: numbers.user.get(f.assignee) ?? null });
  if (f.groupId) all.push({ field: 'group_id', operator: 'is', value: numbers.group.get(f.groupId) ?? null });
  if (f.accountId) all.push({ field: 'organization_id', operator: 'is', value: numbers.organization.get(f.accountId) ?? null });
  if (f.tag) all.push({ field: 'current_tags', operator: 'includes', value: f.tag });
  if (f.dueWithinMinutes) all.push({ field: 'sla_next_breach_at', operator: 'less_than', value: `${f.dueWithinMinutes}minutes` });
  return { all, any };
}

/** Views in the given order, each with its numeric id. */
export async function presentViews(db: Kysely<Database>, request: FastifyRequest, views: TicketView[]): Promise<ZendeskView[]> {
  if (!views.length) return [];
  const ownerId = request.actor!.memberId;
  const [ids, created, groups, organizations, users] = await Promise.all([
    numericIds(
      db,
      'view',
      views.map((v) => v.id),
    ),
    viewCreationTimes(
      db,
      views.map((v) => v.id),
    ),
    numericIds(
      db,
      'group',
      views.flatMap((v) => (v.filters.groupId ? [v.filters.groupId] : [])),
    ),
    numericIds(
      db,
      'organization',
      views.flatMap((v) => (v.filters.accountId ? [v.filters.accountId] : [])),
    ),
    numericIds(db, 'user', [
      ownerId,
      ...views.flatMap((v) => (v.filters.assignee && !['me', 'none'].includes(v.filters.assignee) ? [v.filters.assignee] : [])),
    ]),
  ]);
  return views.map((view) => {
    const id = ids.get(view.id)!;
    const at = zendeskTime(created.get(view.id) ?? new Date(0).toISOString());
    return {
      url: apiUrl(request, `/api/v2/views/${id}`),
      id,
      title: view.name,
      raw_title: view.name,
      active: true,
      default: view.id.startsWith('view-'),
      position: view.position,
      description: null,
      execution: {
        group_by: null,
        group_order: 'asc',
        sort_by: 'sla_next_breach_at',
        sort_order: 'asc',
        columns: VIEW_COLUMNS,
        fields: VIEW_COLUMNS,
        custom_fields: [],
      },
      conditions: conditionsOf(view, { group: groups, organization: organizations, user: users }),
      // A personal view is only ever listed to its owner: the caller.
      restriction: view.shared ? null : { type: 'User', id: users.get(ownerId)! },
      created_at: at,
      updated_at: at,
    };
  });
}

/** The tickets a view shows, as support's ticket criteria (the same conditions its queue applies). */
export function viewCriteria(view: TicketView, memberId: string, now: Date): TicketCriteria {
  const f = view.filters;
  const criteria: TicketCriteria = {};
  if (f.statuses) criteria.statuses = f.statuses;
  if (f.tiers) criteria.tiers = f.tiers;
  if (f.priorities) criteria.priorities = f.priorities;
  if (f.assignee === 'none') criteria.assigneeIds = [null];
  else if (f.assignee === 'me') criteria.assigneeIds = [memberId];
  else if (f.assignee) criteria.assigneeIds = [f.assignee];
  if (f.groupId) criteria.groupIds = [f.groupId];
  if (f.accountId) criteria.accountIds = [f.accountId];
  if (f.tag) criteria.tagGroups = [[f.tag]];
  if (f.dueWithinMinutes) criteria.dueBefore = new Date(now.getTime() + f.dueWithinMinutes * 60_000).toISOString();
  return criteria;
}
