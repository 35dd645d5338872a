import type { InteractionKind } from './contract/kinds.js';
import type { RelationshipRules } from './contract/relationship-rules.js';

/**
 * Relationship depth (DESIGN §1): a relationship is *engaged* (ongoing, interactive, deep:
 * repeated interactions over months, engagements, business reviews) or *transactional* (few,
 * short touches). The rules are data, stored in settings, so a team can tune them.
 */
export type { RelationshipRules };

export const DEFAULT_RELATIONSHIP_RULES: RelationshipRules = {
  windowDays: 180,
  minInteractions: 6,
  minActiveMonths: 3,
  deepKinds: ['meeting', 'site_visit', 'training', 'demo', 'workshop', 'business_review'],
  minDeepInteractions: 3,
  engagementCountsAsEngaged: true,
};

export interface DepthCriterion {
  label: string;
  actual: number;
  required: number;
  met: boolean;
}

export interface RelationshipEvidence {
  verdict: 'engaged' | 'transactional';
  windowDays: number;
  interactionCount: number;
  deepInteractionCount: number;
  activeMonths: number;
  firstAt: string | null;
  lastAt: string | null;
  spanDays: number;
  kinds: Partial<Record<InteractionKind, number>>;
  activeEngagements: number;
  criteria: DepthCriterion[];
  computedAt: string;
}

/** Pure: the verdict and its evidence from the interactions' kinds and times. */
export function assessRelationship(
  interactions: readonly { kind: InteractionKind; occurredAt: string }[],
  activeEngagements: number,
  rules: RelationshipRules,
  now: Date,
): RelationshipEvidence {
  const from = now.getTime() - rules.windowDays * 86_400_000;
  const inWindow = interactions
    .filter((i) => {
      const t = Date.parse(i.occurredAt);
      return t >= from && t <= now.getTime();
    })
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
  const kinds: Partial<Record<InteractionKind, number>> = {};
  for (const i of inWindow) kinds[i.kind] = (kinds[i.kind] ?? 0) + 1;
  const deep = inWindow.filter((i) => rules.deepKinds.includes(i.kind)).length;
  const months = new Set(inWindow.map((i) => i.occurredAt.slice(0, 7))).size;
  const firstAt = inWindow[0]?.occurredAt ?? null;
  const lastAt = inWindow[inWindow.length - 1]?.occurredAt ?? null;
  const spanDays = firstAt && lastAt ? Math.round((Date.parse(lastAt) - Date.parse(firstAt)) / 86_400_000) : 0;

  const criteria: DepthCriterion[] = [
    { label: `Interactions in the last ${rules.windowDays} days`, actual: inWindow.length, required: rules.minInteractions },
    { label: 'Months with contact', actual: months, required: rules.minActiveMonths },
    { label: 'Deep interactions (meetings, visits, workshops…)', actual: deep, required: rules.minDeepInteractions },
  ].map((c) => ({ ...c, met: c.actual >= c.required }));

  const byInteractions = criteria.every((c) => c.met);
  const byEngagement = rules.engagementCountsAsEngaged && activeEngagements > 0 && inWindow.length > 0;
  return {
    verdict: byInteractions || byEngagement ? 'engaged' : 'transactional',
    windowDays: rules.windowDays,
    interactionCount: inWindow.length,
    deepInteractionCount: deep,
    activeMonths: months,
    firstAt,
    lastAt,
    spanDays,
    kinds,
    activeEngagements,
    criteria,
    computedAt: now.toISOString(),
  };
}
