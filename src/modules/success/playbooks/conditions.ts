import type { PlaybookParams } from '../contract/playbooks.js';
import type { HealthGrade, HealthMetric, PlaybookTrigger } from '../contract/kinds.js';

/**
 * The playbook rule conditions (issue 15): pure functions of one account's facts, no I/O. A
 * condition met answers the reason a task shows, with the figures that met it; a condition not
 * met, or whose figure is missing (no health computed yet, no renewal date, no usage reported),
 * answers null — missing data never fires a rule.
 */

/** What the rules test about one account: its health row and the account's own fields. */
export interface AccountFacts {
  accountId: string;
  segment: string | null;
  lifecycleStage: string | null;
  /** YYYY-MM-DD, or null when none is recorded. */
  renewalDate: string | null;
  /** The grade the portfolio shows (an override's while it lasts). */
  grade: HealthGrade | null;
  score: number | null;
  /** Score now minus score 30 days ago: negative when health fell. */
  change30Days: number | null;
  metrics: Partial<Record<HealthMetric, unknown>>;
  /**
   * Days the most late open milestone of the account's live onboarding engagements is past its
   * date (0 when all are on time); null when it has none or the figure was not loaded.
   */
  onboardingSlipDays: number | null;
}

export interface RuleCondition {
  trigger: PlaybookTrigger;
  params: PlaybookParams;
}

const DAY_MS = 86_400_000;

function figure(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Whole days from `today` to `date` (both YYYY-MM-DD); null for a date that does not parse. */
export function daysUntil(today: string, date: string): number | null {
  const a = Date.parse(`${today}T00:00:00Z`);
  const b = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / DAY_MS);
}

/**
 * Whether `rule` fires for the account, and why.
 *
 * @example conditionMet({ trigger: 'renewal_within', params: { days: 60 } }, facts, '2026-12-02') // 'Renewal on 2027-01-15, in 44 days'
 */
export function conditionMet(rule: RuleCondition, facts: AccountFacts, today: string): string | null {
  const { params } = rule;
  switch (rule.trigger) {
    case 'health_red': {
      if (facts.grade !== 'red') return null;
      const score = figure(facts.score);
      return score === null ? 'Health fell to red' : `Health fell to red (${score})`;
    }
    case 'health_drop': {
      const change = figure(facts.change30Days);
      if (change === null || params.points === undefined || -change < params.points) return null;
      const score = figure(facts.score);
      return `Health score fell ${plural(-change, 'point')} in 30 days${score === null ? '' : ` (to ${score})`}`;
    }
    case 'renewal_within': {
      if (!facts.renewalDate || params.days === undefined) return null;
      const days = daysUntil(today, facts.renewalDate);
      // A renewal already past is not "within" anything: that account needs a new renewal date.
      if (days === null || days < 0 || days > params.days) return null;
      const date = facts.renewalDate.slice(0, 10);
      return days === 0 ? `Renewal on ${date}, today` : `Renewal on ${date}, in ${plural(days, 'day')}`;
    }
    case 'no_interaction': {
      const silent = figure(facts.metrics.days_since_interaction);
      if (silent === null || params.days === undefined || silent < params.days) return null;
      return `No interaction for ${plural(silent, 'day')}`;
    }
    case 'usage_drop': {
      const trend = figure(facts.metrics.active_user_trend);
      if (trend === null || params.percent === undefined || -trend < params.percent) return null;
      return `Active users down ${Math.round(-trend)} % (last 30 days against the 30 before)`;
    }
    case 'sla_breach_strategic': {
      const breaches = figure(facts.metrics.sla_breaches_30d);
      if (facts.segment !== 'strategic' || breaches === null || breaches <= 0) return null;
      return `${plural(breaches, 'SLA breach', 'SLA breaches')} in 30 days on a strategic account`;
    }
    case 'onboarding_late': {
      // The worst slip of the account's live onboarding engagements (see rule-facts.ts for which
      // engagements are its onboarding). A slip of 0 is on time, never late.
      const slip = facts.onboardingSlipDays;
      if (slip === null || slip <= 0 || params.days === undefined || slip < params.days) return null;
      return `Onboarding ${plural(slip, 'day')} late`;
    }
  }
}
