import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import type { TimeLinkField } from '../contract/time-entries.js';
import { teamPorts } from '../ports.js';
import type { TimeLinkPorts, TimeLinkTarget } from './time-link-ports.js';

export type TimeLinks = Record<TimeLinkField, string | null>;

const PORT_OF: Record<TimeLinkField, keyof TimeLinkPorts> = {
  accountId: 'account',
  engagementId: 'engagement',
  taskId: 'task',
  ticketId: 'ticket',
  opportunityId: 'opportunity',
  interactionId: 'interaction',
};

const UNKNOWN: Record<TimeLinkField, () => Error> = {
  accountId: () => errors.timeEntryAccountUnknown({ field: 'accountId' }),
  engagementId: () => errors.timeEntryEngagementUnknown({ field: 'engagementId' }),
  taskId: () => errors.timeEntryTaskUnknown({ field: 'taskId' }),
  ticketId: () => errors.timeEntryTicketUnknown({ field: 'ticketId' }),
  opportunityId: () => errors.timeEntryOpportunityUnknown({ field: 'opportunityId' }),
  interactionId: () => errors.timeEntryInteractionUnknown({ field: 'interactionId' }),
};

export const NO_LINKS: TimeLinks = {
  accountId: null,
  engagementId: null,
  taskId: null,
  ticketId: null,
  opportunityId: null,
  interactionId: null,
};

/**
 * Checks an entry's links with their owners and completes them: every linked record must exist, a
 * task brings its engagement, and all of them must belong to one account, which the entry takes
 * when `accountId` was not given. Throws the 422 naming the field that is wrong.
 */
export async function resolveLinks(db: Kysely<Database>, given: TimeLinks): Promise<TimeLinks> {
  const ports = teamPorts().timeLinks;
  const links = { ...given };
  const found: Partial<Record<TimeLinkField, TimeLinkTarget>> = {};
  for (const field of Object.keys(PORT_OF) as TimeLinkField[]) {
    const id = links[field];
    if (!id) continue;
    const target = (await ports[PORT_OF[field]](db, [id])).get(id);
    if (!target) throw UNKNOWN[field]();
    found[field] = target;
  }
  const taskEngagement = found.taskId?.engagementId ?? null;
  if (taskEngagement) {
    if (links.engagementId && links.engagementId !== taskEngagement) throw errors.timeEntryTaskEngagementMismatch({ field: 'taskId' });
    links.engagementId = taskEngagement;
  }
  let account = links.accountId;
  for (const field of ['engagementId', 'taskId', 'ticketId', 'opportunityId', 'interactionId'] as const) {
    const linked = found[field]?.accountId;
    if (!linked) continue;
    if (account && linked !== account) throw errors.timeEntryLinkAccountMismatch({ field });
    account = linked;
  }
  links.accountId = account;
  return links;
}

/**
 * What each linked record is called, for a set of entries' links: one read per kind of link. Records
 * that no longer exist have no label.
 */
export async function linkLabels(db: Kysely<Database>, rows: readonly TimeLinks[]): Promise<Map<string, string>> {
  const ports = teamPorts().timeLinks;
  const labels = new Map<string, string>();
  for (const field of Object.keys(PORT_OF) as TimeLinkField[]) {
    const ids = [...new Set(rows.map((r) => r[field]).filter((id): id is string => Boolean(id)))];
    if (!ids.length) continue;
    for (const [id, target] of await ports[PORT_OF[field]](db, ids)) labels.set(`${field}:${id}`, target.label);
  }
  return labels;
}
