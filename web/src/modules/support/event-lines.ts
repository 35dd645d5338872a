import { humanize } from '../../ui/format';
import type { TicketEvent } from './api';
import {
  CHANNEL_LABELS,
  PRIORITY_LABELS,
  SLA_METRIC_LABELS,
  STATUS_LABELS,
  TIER_LABELS,
  type Channel,
  type Priority,
  type Status,
  type Tier,
} from './labels';

/** Names the history needs to turn ids into words. */
export interface NameBook {
  member: (id: string) => string | undefined;
  group: (id: string) => string | undefined;
  role: (id: string) => string;
}

const FIELD_LABELS: Record<string, string> = {
  subject: 'subject',
  status: 'status',
  priority: 'priority',
  assigneeId: 'assignee',
  groupId: 'group',
  tags: 'tags',
  deploymentId: 'deployment',
  tier: 'tier',
};

/** Who did it, as a person reads it: a member's or contact's name, a rule, or Outpost itself. */
export function actorOf(event: TicketEvent): string {
  if (event.actorType === 'rule') return event.actorName ? `Rule “${event.actorName}”` : 'An escalation rule';
  if (event.actorName) return event.actorName;
  if (event.actorType === 'token') return 'An API token';
  return 'Outpost';
}

function valueOf(field: string, value: unknown, names: NameBook): string {
  if (value === null || value === undefined || value === '') return field === 'assigneeId' ? 'unassigned' : 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  const text = String(value);
  switch (field) {
    case 'status':
      return STATUS_LABELS[text as Status] ?? text;
    case 'priority':
      return (PRIORITY_LABELS[text as Priority] ?? text).toLowerCase();
    case 'assigneeId':
      return names.member(text) ?? 'a former member';
    case 'groupId':
      return names.group(text) ?? 'a removed group';
    case 'tier':
      return TIER_LABELS[text as Tier] ?? text;
    default:
      return text;
  }
}

/**
 * One event as the lines a person reads in the history: "Avery changed priority normal → high",
 * "SLA first reply breached", "Rule “Tier 1 off script” escalated to Tier 2".
 */
export function describeEvent(event: TicketEvent, names: NameBook): string[] {
  const who = actorOf(event);
  const d = event.data;
  const str = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  switch (event.type) {
    case 'ticket.created': {
      const channel = CHANNEL_LABELS[str('channel') as Channel];
      const via = channel ? ` via ${channel === 'E-mail' ? 'e-mail' : channel.toLowerCase()}` : '';
      const opener = event.actorType === 'system' ? 'Ticket received' : `${who} opened the ticket`;
      return [`${opener}${via}, ${valueOf('priority', d.priority, names)} priority`];
    }
    case 'ticket.updated': {
      const changes = (d.changes ?? {}) as Record<string, [unknown, unknown]>;
      const lines = Object.entries(changes).map(([field, pair]) => {
        const [before, after] = Array.isArray(pair) ? pair : [undefined, pair];
        if (field === 'assigneeId' && after && !before) return `${who} assigned the ticket to ${valueOf(field, after, names)}`;
        return `${who} changed ${FIELD_LABELS[field] ?? humanize(field).toLowerCase()} ${valueOf(field, before, names)} → ${valueOf(field, after, names)}`;
      });
      return lines.length ? lines : [`${who} updated the ticket`];
    }
    case 'message.replied':
      return [`${who} replied publicly${d.status ? ` · status ${valueOf('status', d.status, names)}` : ''}`];
    case 'message.noted':
      return [`${who} added an internal note`];
    case 'message.received':
      return [`${who} wrote${str('via') ? ` via ${str('via') === 'email' ? 'e-mail' : str('via')}` : ''}`];
    case 'sla.breached':
      return [`SLA ${(SLA_METRIC_LABELS[str('target')] ?? humanize(str('target'))).toLowerCase()} breached`];
    case 'ticket.escalated': {
      const to = valueOf('tier', d.to, names);
      const from = valueOf('tier', d.from, names);
      return [`${who} escalated ${from} → ${to}${str('reason') ? `: ${str('reason')}` : ''}`];
    }
    case 'rule.notified':
      return [`${who} notified ${names.role(str('role'))}`];
    case 'runbook.started':
      return [`${who} started runbook “${str('title')}”`];
    case 'runbook.step':
    case 'runbook.step_completed':
      return [`${who} completed a runbook step${str('step') ? ` “${str('step')}”` : ''}`];
    case 'runbook.finished':
      return [`${who} finished runbook “${str('title')}”${str('result') ? ` (${humanize(str('result')).toLowerCase()})` : ''}`];
    case 'macro.applied':
      return [`${who} applied macro “${str('title')}”`];
    case 'attachment.added':
      return [`${who} attached ${str('filename') || 'a file'}`];
    case 'csat.survey_created':
      return ['Satisfaction survey sent to the requester'];
    case 'email.thread_refused':
      // The mail named another ticket but its sender does not belong to it (issue 13): it opened this one.
      return [
        `Opened from an e-mail that named ticket #${String(d.ticketNumber ?? '?')}, whose conversation its sender does not belong to`,
      ];
    case 'csat.rated':
      return [`${who} rated the support ${str('rating') || String(d.rating ?? '')}${str('comment') ? `: “${str('comment')}”` : ''}`];
    default:
      return [`${who}: ${humanize(event.type)}`];
  }
}
