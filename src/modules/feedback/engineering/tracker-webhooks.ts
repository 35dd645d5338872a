import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { SYSTEM_CONTEXT } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { IssueStatus } from '../contract/kinds.js';
import { applyIssueChange, statusPatch } from './issue-service.js';
import { findIssueByKey, type IssueRow } from './issue-repository.js';

/**
 * The inbound half of tracker sync: a verified GitHub or Jira event updates the issue it names
 * (status, fix release, title). Each delivery is applied once: its id is recorded in
 * tracker_deliveries in the same transaction, so a replay answers "duplicate" and changes nothing.
 */

export interface TrackerChange {
  tracker: 'github' | 'jira';
  deliveryId: string;
  issueKey: string | null;
  status?: IssueStatus;
  fixRelease?: string | null;
  title?: string;
}

export type WebhookOutcome = { outcome: 'updated' | 'duplicate' | 'ignored'; issueKey: string | null };

const GITHUB_ACTIONS = new Set(['closed', 'reopened', 'edited', 'milestoned', 'demilestoned']);

/** GitHub `issues` event → the change it means; the issue object carries its current state and milestone. */
export function githubChange(event: string | undefined, deliveryId: string, payload: unknown): TrackerChange | null {
  const p = payload as {
    action?: string;
    issue?: { number?: number; title?: string; state?: string; state_reason?: string | null; milestone?: { title?: string } | null };
    repository?: { full_name?: string };
  };
  if (event !== 'issues' || !p.action || !GITHUB_ACTIONS.has(p.action)) return null;
  if (typeof p.issue?.number !== 'number' || typeof p.repository?.full_name !== 'string') return null;
  const closed = p.issue.state === 'closed';
  return {
    tracker: 'github',
    deliveryId,
    issueKey: `${p.repository.full_name}#${p.issue.number}`,
    // Closed as "not planned" is a won't-fix; any other close is a fix.
    status: closed ? (p.issue.state_reason === 'not_planned' ? 'wont_fix' : 'resolved') : 'open',
    fixRelease: p.issue.milestone?.title ?? null,
    ...(typeof p.issue.title === 'string' ? { title: p.issue.title } : {}),
  };
}

/** Jira `jira:issue_updated` → status (status category "done" is resolved) and the first fix version. */
export function jiraChange(deliveryId: string, payload: unknown): TrackerChange | null {
  const p = payload as {
    webhookEvent?: string;
    issue?: {
      key?: string;
      fields?: {
        summary?: string;
        status?: { name?: string; statusCategory?: { key?: string } };
        fixVersions?: { name?: string }[];
        resolution?: { name?: string } | null;
      };
    };
  };
  if (p.webhookEvent !== 'jira:issue_updated' || typeof p.issue?.key !== 'string') return null;
  const f = p.issue.fields ?? {};
  const category = f.status?.statusCategory?.key;
  const status: IssueStatus | undefined =
    category === 'done'
      ? /won.?t|not.?planned|declined/i.test(f.resolution?.name ?? '')
        ? 'wont_fix'
        : 'resolved'
      : category === 'indeterminate'
        ? 'in_progress'
        : category === 'new'
          ? 'open'
          : undefined;
  return {
    tracker: 'jira',
    deliveryId,
    issueKey: p.issue.key,
    ...(status ? { status } : {}),
    ...(Array.isArray(f.fixVersions) ? { fixRelease: f.fixVersions[0]?.name ?? null } : {}),
    ...(typeof f.summary === 'string' ? { title: f.summary } : {}),
  };
}

/** Applies a change once per delivery id; an unknown issue or event is recorded as ignored. */
export async function applyTrackerChange(
  db: Kysely<Database>,
  tracker: 'github' | 'jira',
  deliveryId: string,
  change: TrackerChange | null,
): Promise<WebhookOutcome> {
  try {
    return await inTransaction(db, async (trx) => {
      const seen = await trx
        .selectFrom('tracker_deliveries')
        .select('outcome')
        .where('tracker', '=', tracker)
        .where('delivery_id', '=', deliveryId)
        .executeTakeFirst();
      if (seen) return { outcome: 'duplicate' as const, issueKey: change?.issueKey ?? null };
      const row = change?.issueKey ? await findIssueByKey(trx, tracker, change.issueKey) : undefined;
      const at = new Date().toISOString();
      let outcome: 'updated' | 'ignored' = 'ignored';
      if (row && change) {
        await applyIssueChange(trx, { ...SYSTEM_CONTEXT, actorId: `${tracker}-webhook` }, row, patchOf(row, change, at), at);
        outcome = 'updated';
      }
      await trx
        .insertInto('tracker_deliveries')
        .values({ id: newId(), tracker, delivery_id: deliveryId, issue_key: change?.issueKey ?? null, outcome, received_at: at })
        .execute();
      return { outcome, issueKey: change?.issueKey ?? null };
    });
  } catch (err) {
    // Two copies of one delivery at the same moment: the unique index refuses the second.
    if (err instanceof Error && /UNIQUE|duplicate key/i.test(err.message))
      return { outcome: 'duplicate', issueKey: change?.issueKey ?? null };
    throw err;
  }
}

function patchOf(row: IssueRow, change: TrackerChange, at: string): Partial<IssueRow> {
  return {
    ...(change.status && change.status !== row.status ? statusPatch(row, change.status, at) : {}),
    ...(change.fixRelease !== undefined ? { fix_release: change.fixRelease } : {}),
    ...(change.title ? { title: change.title } : {}),
  };
}
