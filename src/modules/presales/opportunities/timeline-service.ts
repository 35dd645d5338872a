import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { memberRefs } from '../../team/index.js';
import {
  DEAL_SUPPORT_KIND_LABELS,
  DEAL_SUPPORT_STATUS_LABELS,
  DEMO_OUTCOME_LABELS,
  STAGE_LABELS,
  TECHNICAL_WIN_LABELS,
  type TimelineEntry,
} from '../contract/opportunities.js';
import type { OpportunityStage, TechnicalWinStatus } from '../contract/kinds.js';
import { linkedInteractions } from './interaction-links.js';
import { findOpportunity } from './opportunity-service.js';
import { stageChangesOf } from './stage-history.js';

const INTERACTION_LABELS: Record<string, string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'E-mail',
  site_visit: 'Site visit',
  training: 'Training',
  demo: 'Demo',
  workshop: 'Workshop',
  business_review: 'Business review',
};

/**
 * A deal's activity, newest first: the meetings, calls and demos linked to it, its deal-support
 * requests, and every move of its stage and technical win. A demo's own interaction is shown once,
 * as the demo.
 */
export async function opportunityTimeline(db: Kysely<Database>, opportunityId: string): Promise<TimelineEntry[]> {
  const deal = await findOpportunity(db, opportunityId);
  const [changes, interactions, demos, requests] = await Promise.all([
    stageChangesOf(db, opportunityId),
    linkedInteractions(db, opportunityId),
    db
      .selectFrom('demos')
      .select(['id', 'title', 'occurred_at', 'outcome', 'interaction_id', 'created_by', 'notes'])
      .where('opportunity_id', '=', opportunityId)
      .execute(),
    db
      .selectFrom('deal_support_requests')
      .select(['id', 'kind', 'title', 'status', 'requested_by', 'assignee_id', 'created_at', 'decline_reason'])
      .where('opportunity_id', '=', opportunityId)
      .execute(),
  ]);
  const members = await memberRefs(db, [
    deal.created_by,
    ...changes.map((c) => c.changed_by),
    ...interactions.map((i) => i.linkedBy),
    ...demos.map((d) => d.created_by),
    ...requests.flatMap((r) => [r.requested_by, r.assignee_id]),
  ]);
  const who = (id: string | null) => (id ? { id, name: members.get(id)?.name ?? 'Former member' } : null);
  const demoInteractions = new Set(demos.map((d) => d.interaction_id).filter(Boolean));
  const entries: TimelineEntry[] = [];

  for (const c of changes) {
    if (c.from_value === null) {
      if (c.field === 'stage') {
        entries.push({
          key: `change:${c.id}`,
          type: 'created',
          at: c.changed_at,
          title: `Opportunity created in ${STAGE_LABELS[c.to_value as OpportunityStage]}`,
          detail: null,
          actor: who(c.changed_by),
          recordId: null,
          tag: c.to_value,
        });
      }
      continue;
    }
    const isStage = c.field === 'stage';
    entries.push({
      key: `change:${c.id}`,
      type: isStage ? 'stage_change' : 'technical_win_change',
      at: c.changed_at,
      title: isStage
        ? `Stage: ${STAGE_LABELS[c.from_value as OpportunityStage]} → ${STAGE_LABELS[c.to_value as OpportunityStage]}`
        : `Technical win: ${TECHNICAL_WIN_LABELS[c.from_value as TechnicalWinStatus]} → ${TECHNICAL_WIN_LABELS[c.to_value as TechnicalWinStatus]}`,
      detail: c.reason,
      actor: who(c.changed_by),
      recordId: null,
      tag: c.to_value,
    });
  }
  for (const i of interactions) {
    if (demoInteractions.has(i.id)) continue;
    entries.push({
      key: `interaction:${i.id}`,
      type: 'interaction',
      at: i.occurredAt,
      title: `${INTERACTION_LABELS[i.kind] ?? i.kind}: ${i.subject}`,
      detail: null,
      actor: who(i.linkedBy),
      recordId: i.id,
      tag: i.kind,
    });
  }
  for (const d of demos) {
    entries.push({
      key: `demo:${d.id}`,
      type: 'demo',
      at: d.occurred_at,
      title: `Demo: ${d.title}`,
      detail: d.outcome ? `Outcome: ${DEMO_OUTCOME_LABELS[d.outcome]}` : null,
      actor: who(d.created_by),
      recordId: d.id,
      tag: d.outcome,
    });
  }
  for (const r of requests) {
    const assignee = who(r.assignee_id);
    entries.push({
      key: `request:${r.id}`,
      type: 'deal_support',
      at: r.created_at,
      title: `${DEAL_SUPPORT_KIND_LABELS[r.kind]} requested: ${r.title}`,
      detail: [
        assignee ? `Assigned to ${assignee.name}` : 'Not assigned',
        DEAL_SUPPORT_STATUS_LABELS[r.status],
        r.decline_reason ? `Declined: ${r.decline_reason}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
      actor: who(r.requested_by),
      recordId: r.id,
      tag: r.status,
    });
  }
  return entries.sort((a, b) => (a.at === b.at ? b.key.localeCompare(a.key) : b.at.localeCompare(a.at)));
}
