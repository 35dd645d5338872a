import type { Evidence } from '../contract/health.js';
import type { HealthMetric } from '../contract/kinds.js';
import type { TicketEvidence } from '../../support/index.js';

/**
 * What a measure says in words and where its evidence is, for one account: the records behind
 * each figure (the breached tickets, the environment furthest behind, the late engagement, the
 * features never used, the account's timeline when it went silent), linked to the screens that
 * show them.
 */
export interface MeasureFacts {
  accountId: string;
  openTickets: { count: number; oldest: TicketEvidence[] };
  slaBreaches: { count: number; tickets: (TicketEvidence & { breaches: number })[] };
  csat: { answers: number; good: number; average: number; badTicketId: string | null } | undefined;
  lastInteractionAt: string | undefined;
  daysSinceInteraction: number;
  usage:
    | { featureAdoption: number | null; activeUserTrend: number | null; seatUtilisation: number | null; unusedFeatures: string[] }
    | undefined;
  worstEnvironment: { deploymentId: string; name: string; version: string; behind: number } | undefined;
  environments: number;
  lateEngagement: { engagementId: string; name: string; days: number } | undefined;
  liveEngagements: number;
  blockerFeedback: number;
  training: { invited: number; attended: number } | undefined;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ticketLink = (t: TicketEvidence): Evidence => ({ label: `#${t.number} ${t.subject}`, href: `/tickets/${t.id}` });
const MAX_LINKS = 5;

export function describeMeasure(metric: HealthMetric, f: MeasureFacts): { summary: string; evidence: Evidence[] } {
  const account = `/accounts/${f.accountId}`;
  switch (metric) {
    case 'open_tickets':
      return {
        summary: f.openTickets.count ? `${plural(f.openTickets.count, 'open ticket')}` : 'No open tickets',
        evidence: f.openTickets.oldest.map(ticketLink),
      };
    case 'sla_breaches_30d':
      return {
        summary: f.slaBreaches.count
          ? `${plural(f.slaBreaches.count, 'SLA breach', 'SLA breaches')} in 30 days on ${plural(f.slaBreaches.tickets.length, 'ticket')}`
          : 'No SLA breaches in 30 days',
        evidence: f.slaBreaches.tickets.slice(0, MAX_LINKS).map((t) => ({
          label: `#${t.number} ${t.subject} (${plural(t.breaches, 'breach', 'breaches')})`,
          href: `/tickets/${t.id}`,
        })),
      };
    case 'csat_average': {
      const c = f.csat;
      if (!c) return { summary: 'No CSAT answers in 90 days', evidence: [] };
      return {
        summary: `CSAT ${c.average.toFixed(1)} / 5: ${c.good} of ${plural(c.answers, 'answer')} good in 90 days`,
        evidence: c.badTicketId ? [{ label: 'Latest ticket rated bad', href: `/tickets/${c.badTicketId}` }] : [],
      };
    }
    case 'days_since_interaction': {
      const weeks = Math.floor(f.daysSinceInteraction / 7);
      const summary = f.lastInteractionAt
        ? `Last interaction ${plural(f.daysSinceInteraction, 'day')} ago`
        : `No interaction recorded in the ${plural(f.daysSinceInteraction, 'day')} since the account was created`;
      return {
        summary,
        evidence: weeks >= 2 ? [{ label: `Timeline: silent for ${plural(weeks, 'week')}`, href: account }] : [],
      };
    }
    case 'feature_adoption': {
      const u = f.usage;
      if (u?.featureAdoption == null) return { summary: 'No licensed features recorded', evidence: [] };
      return {
        summary: `${u.featureAdoption} % of licensed features used in 30 days${u.unusedFeatures.length ? ` (${plural(u.unusedFeatures.length, 'feature')} unused)` : ''}`,
        evidence: u.unusedFeatures
          .slice(0, MAX_LINKS)
          .map((feature) => ({ label: `Never used in 30 days: ${feature}`, href: `${account}#adoption` })),
      };
    }
    case 'active_user_trend': {
      const trend = f.usage?.activeUserTrend;
      if (trend == null) return { summary: 'No active users in the 30 days before', evidence: [] };
      const direction = trend < 0 ? `down ${Math.abs(trend)} %` : trend > 0 ? `up ${trend} %` : 'flat';
      return {
        summary: `Active users ${direction} (30 days against the 30 before)`,
        evidence: [{ label: 'Adoption', href: `${account}#adoption` }],
      };
    }
    case 'seat_utilisation': {
      const seats = f.usage?.seatUtilisation;
      if (seats == null) return { summary: 'No seat count recorded', evidence: [] };
      return { summary: `${seats} % of seats active in 30 days`, evidence: [{ label: 'Adoption', href: `${account}#adoption` }] };
    }
    case 'versions_behind': {
      const w = f.worstEnvironment;
      if (!w) return { summary: 'No active environments', evidence: [] };
      return {
        summary: w.behind
          ? `${w.name} runs ${w.version}, ${plural(w.behind, 'release')} behind`
          : `${plural(f.environments, 'environment')} on the latest release`,
        evidence: w.behind ? [{ label: `${w.name} (${w.version})`, href: `/environments/${w.deploymentId}` }] : [],
      };
    }
    case 'schedule_slip_days': {
      const late = f.lateEngagement;
      if (!f.liveEngagements) return { summary: 'No live engagements', evidence: [] };
      if (!late) return { summary: `${plural(f.liveEngagements, 'live engagement')} on schedule`, evidence: [] };
      return {
        summary: `A milestone of ${late.name} is ${plural(late.days, 'day')} late`,
        evidence: [{ label: late.name, href: `/engagements/${late.engagementId}` }],
      };
    }
    case 'open_blocker_feedback':
      return {
        summary: f.blockerFeedback ? `${plural(f.blockerFeedback, 'open blocker')} in their product feedback` : 'No open blocker feedback',
        evidence: f.blockerFeedback ? [{ label: 'Feature requests', href: '/feedback/requests' }] : [],
      };
    case 'training_attendance': {
      const t = f.training;
      if (!t) return { summary: 'No training invitations in 180 days', evidence: [] };
      return {
        summary: `${t.attended} of ${plural(t.invited, 'invited contact')} attended training in 180 days`,
        evidence: [{ label: 'Training sessions', href: account }],
      };
    }
  }
}
