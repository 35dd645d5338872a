import { ROLE_LABELS, type Role } from '../../identity/index.js';
import type { TimeCategory } from '../contract/time-entries.js';
import { percent } from './role-profile.js';

/**
 * The nearest role in the catalogue (issue 17) from the mix of a member's work, pure. Each role is
 * scored by the evidence it is known by — the tickets' tiers, the kinds of engagements, the deals
 * worked as sales engineer or solutions architect, the seats on account teams — and by how the
 * time splits across the categories. The role with the most evidence wins; the why names it.
 */

/** What a member's work looked like over the period, summed by kind (see WorkMixSignal). */
export interface WorkMix {
  signals: ReadonlyMap<string, number>;
  minutesByCategory: Record<TimeCategory, number>;
  totalMinutes: number;
}

export interface NearestRole {
  role: Role;
  label: string;
  why: string;
}

interface Evidence {
  /** A signal kind, or `share:<category>` for a share of the logged time. */
  source: string;
  /** What one full unit of the source is worth to the role. */
  weight: number;
  /** Delivery work counts in full only when done hands-on: sitting on an engagement is not installing it. */
  handsOn?: boolean;
}

/** How many of a kind make full evidence: a handful of engagements says as much as a queue of tickets. */
const SATURATION: Record<string, number> = { ticket: 20, engagement: 2, opportunity: 3, account_team: 3 };

const ROLE_EVIDENCE: Partial<Record<Role, Evidence[]>> = {
  support_tier1: [
    { source: 'ticket_tier1', weight: 2 },
    { source: 'share:routine', weight: 1 },
  ],
  support_tier2: [
    { source: 'ticket_tier2', weight: 2 },
    { source: 'ticket_engineering', weight: 1 },
    { source: 'account_team_support_tier2', weight: 0.5 },
    { source: 'share:engineering', weight: 0.5 },
  ],
  implementation: [
    { source: 'engagement_implementation', weight: 2, handsOn: true },
    { source: 'engagement_onboarding', weight: 0.5 },
    { source: 'account_team_implementation', weight: 0.5 },
    { source: 'share:engineering', weight: 0.5 },
  ],
  professional_services: [
    { source: 'engagement_professional_services', weight: 2, handsOn: true },
    { source: 'account_team_professional_services', weight: 0.5 },
    { source: 'share:engineering', weight: 0.5 },
  ],
  field: [
    { source: 'engagement_field_visit', weight: 2, handsOn: true },
    { source: 'account_team_field', weight: 0.5 },
    { source: 'share:engineering', weight: 0.5 },
  ],
  forward_deployed: [
    { source: 'engagement_forward_deployment', weight: 2, handsOn: true },
    { source: 'account_team_forward_deployed', weight: 0.5 },
    { source: 'share:engineering', weight: 0.5 },
  ],
  solutions_architect: [
    { source: 'opportunity_solutions_architect', weight: 2 },
    { source: 'account_team_solutions_architect', weight: 0.5 },
    { source: 'share:engineering', weight: 0.25 },
    { source: 'share:customer', weight: 0.25 },
  ],
  sales_engineer: [
    { source: 'opportunity_sales_engineer', weight: 2 },
    { source: 'engagement_proof_of_concept', weight: 0.5 },
    { source: 'share:engineering', weight: 0.25 },
    { source: 'share:customer', weight: 0.25 },
  ],
  technical_account_manager: [
    { source: 'account_team_technical_account_manager', weight: 2 },
    { source: 'share:customer', weight: 0.5 },
  ],
  customer_success: [
    { source: 'account_team_customer_success', weight: 2 },
    { source: 'share:customer', weight: 0.5 },
  ],
  it_helpdesk: [
    { source: 'ticket_internal', weight: 2 },
    { source: 'share:routine', weight: 0.5 },
  ],
  // The internal roles below are known by their time alone: no customer record names them.
  software_engineer: [{ source: 'share:engineering', weight: 1.2 }],
  engineering_manager: [
    { source: 'share:management', weight: 1.5 },
    { source: 'share:engineering', weight: 0.2 },
  ],
  product_manager: [
    { source: 'share:customer', weight: 0.7 },
    { source: 'share:internal', weight: 0.7 },
  ],
};

const SOURCE_WORDS: Record<string, (n: number) => string> = {
  ticket_tier1: (n) => `${n} Tier 1 ${n === 1 ? 'ticket' : 'tickets'}`,
  ticket_tier2: (n) => `${n} Tier 2 ${n === 1 ? 'ticket' : 'tickets'}`,
  ticket_engineering: (n) => `${n} ${n === 1 ? 'ticket' : 'tickets'} escalated to engineering`,
  ticket_internal: (n) => `${n} ${n === 1 ? 'ticket' : 'tickets'} from the company’s own staff`,
  opportunity_sales_engineer: (n) => `sales engineer on ${n} ${n === 1 ? 'deal' : 'deals'}`,
  opportunity_solutions_architect: (n) => `solutions architect on ${n} ${n === 1 ? 'deal' : 'deals'}`,
};

const SHARE_WORDS: Record<TimeCategory, string> = {
  engineering: 'engineering',
  routine: 'routine',
  customer: 'customer time',
  management: 'management',
  internal: 'internal work',
};

function describe(source: string, n: number): string {
  const words = SOURCE_WORDS[source];
  if (words) return words(n);
  if (source.startsWith('engagement_'))
    return `${n} ${source.slice('engagement_'.length).replaceAll('_', ' ')} ${n === 1 ? 'engagement' : 'engagements'}`;
  if (source.startsWith('account_team_')) {
    const role = source.slice('account_team_'.length) as Role;
    return `on ${n} account ${n === 1 ? 'team' : 'teams'} as ${(ROLE_LABELS[role] ?? role).toLowerCase()}`;
  }
  return `${n} ${source}`;
}

function strength(source: string, mix: WorkMix): { value: number; words: string } | null {
  if (source.startsWith('share:')) {
    const category = source.slice('share:'.length) as TimeCategory;
    if (!mix.totalMinutes) return null;
    const share = mix.minutesByCategory[category] / mix.totalMinutes;
    return share > 0 ? { value: share, words: `${percent(share)} ${SHARE_WORDS[category]}` } : null;
  }
  const n = mix.signals.get(source) ?? 0;
  if (n <= 0) return null;
  const family = Object.keys(SATURATION).find((f) => source.startsWith(`${f}_`));
  return { value: Math.min(1, n / (family ? SATURATION[family]! : 1)), words: describe(source, n) };
}

/** The role whose evidence the mix carries most, with the two strongest pieces of it; null with no evidence at all. */
export function nearestRole(mix: WorkMix, ownRoles: readonly string[] = []): NearestRole | null {
  let best: { role: Role; score: number; parts: { contribution: number; words: string }[] } | null = null;
  for (const [role, evidence] of Object.entries(ROLE_EVIDENCE) as [Role, Evidence[]][]) {
    const parts = evidence.flatMap((e) => {
      const s = strength(e.source, mix);
      if (!s) return [];
      const engineering = mix.totalMinutes ? mix.minutesByCategory.engineering / mix.totalMinutes : 0;
      return [{ contribution: s.value * e.weight * (e.handsOn ? 0.5 + engineering : 1), words: s.words }];
    });
    const score = parts.reduce((sum, p) => sum + p.contribution, 0);
    if (score <= 0) continue;
    // A tie goes to a role the member holds: the catalogue's name for them stands unless the work says otherwise.
    const better = !best || score > best.score + 1e-9 || (Math.abs(score - best.score) <= 1e-9 && ownRoles.includes(role));
    if (better) best = { role, score, parts };
  }
  if (!best) return null;
  const strongest = [...best.parts].sort((a, b) => b.contribution - a.contribution).slice(0, 2);
  return {
    role: best.role,
    label: ROLE_LABELS[best.role],
    why: `${capitalise(strongest.map((p) => p.words).join(' and '))}.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
