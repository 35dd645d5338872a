import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { getEnvironment } from '../../delivery/index.js';
import type { Environment } from '../../delivery/contract/environments.js';
import { ticketRefs } from '../../support/index.js';
import {
  createIssueBody,
  updateIssueBody,
  type CreateEngineeringIssueInput,
  type EngineeringIssue,
  type UpdateEngineeringIssueInput,
} from '../contract/engineering.js';
import type { IssueTracker } from '../contract/kinds.js';
import { announceFixIfShipped } from './fix-shipped.js';
import { findIssueRow, insertTicketLink, nextOutpostKeyNumber, type IssueRow } from './issue-repository.js';
import { getEngineeringIssue } from './issue-view.js';
import { createGithubIssue, createJiraIssue, type CreatedTrackerIssue } from './tracker-clients.js';
import { githubTarget, jiraTarget, readTrackers } from './tracker-settings.js';

export type { CreateEngineeringIssueInput, EngineeringIssue };

/** The environment a reproduction names, as it is now: product version and configuration. */
async function environmentSnapshot(db: Kysely<Database>, id: string, field: string): Promise<Environment> {
  try {
    return await getEnvironment(db, id);
  } catch {
    throw errors.referenceMissing('environment', field);
  }
}

async function assertFeatureRequest(db: Kysely<Database>, id: string): Promise<void> {
  const row = await db.selectFrom('feature_requests').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw errors.referenceMissing('feature request', 'featureRequestId');
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Error && (/UNIQUE constraint failed/i.test(err.message) || (err as { code?: string }).code === '23505');

/**
 * Creates an engineering issue: numbered ENG-n in Outpost, or created in the configured tracker
 * first (its key and page are kept). The environment's product version and configuration are
 * copied into the reproduction from `environmentId`, else from the linked ticket's environment.
 * A tracker that fails is a 502 and nothing is written.
 *
 * @example await createEngineeringIssue(db, ctx, { title: 'Export times out', ticketId })
 */
export async function createEngineeringIssue(
  db: Kysely<Database>,
  ctx: ChangeContext,
  raw: CreateEngineeringIssueInput,
): Promise<EngineeringIssue> {
  const input = createIssueBody.parse(raw);
  const ticket = input.ticketId ? (await ticketRefs(db, [input.ticketId])).get(input.ticketId) : undefined;
  if (input.ticketId && !ticket) throw errors.referenceMissing('ticket', 'ticketId');
  if (input.featureRequestId) await assertFeatureRequest(db, input.featureRequestId);
  const environmentId = input.environmentId ?? ticket?.deploymentId ?? null;
  const environment = environmentId
    ? await environmentSnapshot(db, environmentId, input.environmentId ? 'environmentId' : 'ticketId')
    : null;

  const trackers = await readTrackers(db);
  const tracker: IssueTracker = input.tracker ?? trackers.defaultTracker;
  let created: CreatedTrackerIssue | null = null;
  if (tracker !== 'outpost') {
    const text = {
      title: input.title,
      severity: input.severity,
      steps: input.reproSteps,
      expected: input.reproExpected,
      actual: input.reproActual,
      environment: environment ? { name: environment.name, product: environment.product, account: environment.account.name } : null,
      productVersion: environment?.version ?? null,
      link: null,
    };
    if (tracker === 'github') {
      const target = githubTarget(trackers);
      if (!target) throw errors.trackerNotConfigured('GitHub');
      created = await createGithubIssue(target, text);
    } else {
      const target = jiraTarget(trackers);
      if (!target) throw errors.trackerNotConfigured('Jira');
      created = await createJiraIssue(target, text);
    }
  }

  const id = newId();
  const write = () =>
    inTransaction(db, async (trx) => {
      const at = new Date().toISOString();
      const key = created?.key ?? `ENG-${await nextOutpostKeyNumber(trx)}`;
      const values = {
        id,
        key,
        title: input.title,
        tracker,
        tracker_url: created?.url ?? null,
        status: 'open' as const,
        severity: input.severity,
        fix_release: null,
        repro_steps: input.reproSteps,
        repro_expected: input.reproExpected,
        repro_actual: input.reproActual,
        environment_id: environment?.id ?? null,
        product_version: environment?.version ?? null,
        configuration: JSON.stringify(environment?.configuration ?? {}),
        feature_request_id: input.featureRequestId ?? null,
        created_by: ctx.memberId,
        created_at: at,
        updated_at: at,
        resolved_at: null,
        fix_announced_at: null,
      };
      await trx.insertInto('engineering_issues').values(values).execute();
      if (ticket) await insertTicketLink(trx, id, ticket.id, ctx.memberId, at);
      await recordAudit(trx, ctx, {
        action: 'engineering_issue.created',
        recordType: 'engineering_issue',
        recordId: id,
        changes: diff(null, { ...values, configuration: undefined, ticket_id: ticket?.id ?? null }),
      });
    });
  // Two writers may read the same highest ENG number; the unique key refuses the second, which
  // takes the next number. Inside a caller's transaction the error goes up (it cannot be retried).
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      break;
    } catch (err) {
      if (created || db.isTransaction || attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
  return getEngineeringIssue(db, id);
}

/**
 * Changes status, severity, fix release, title or reproduction. Resolving with a fix release (in
 * one change or two) announces the fix on the linked tickets, once.
 */
export async function updateEngineeringIssue(
  db: Kysely<Database>,
  ctx: ChangeContext,
  id: string,
  raw: UpdateEngineeringIssueInput,
): Promise<EngineeringIssue> {
  const input = updateIssueBody.parse(raw);
  await inTransaction(db, async (trx) => {
    const row = await findIssueRow(trx, id);
    if (!row) throw errors.engineeringIssueNotFound();
    const at = new Date().toISOString();
    const patch: Partial<IssueRow> = {};
    if (input.title !== undefined) patch.title = input.title;
    if (input.severity !== undefined) patch.severity = input.severity;
    if (input.fixRelease !== undefined) patch.fix_release = input.fixRelease ?? null;
    if (input.reproSteps !== undefined) patch.repro_steps = input.reproSteps;
    if (input.reproExpected !== undefined) patch.repro_expected = input.reproExpected;
    if (input.reproActual !== undefined) patch.repro_actual = input.reproActual;
    if (input.status !== undefined) Object.assign(patch, statusPatch(row, input.status, at));
    if (input.environmentId !== undefined) {
      const env = input.environmentId ? await environmentSnapshot(trx, input.environmentId, 'environmentId') : null;
      patch.environment_id = env?.id ?? null;
      patch.product_version = env?.version ?? null;
      patch.configuration = JSON.stringify(env?.configuration ?? {});
    }
    await applyIssueChange(trx, ctx, row, patch, at);
  });
  return getEngineeringIssue(db, id);
}

/** The columns a status change sets: resolving stamps resolved_at, reopening clears it. */
export function statusPatch(row: Pick<IssueRow, 'resolved_at'>, status: IssueRow['status'], at: string): Partial<IssueRow> {
  const done = status === 'resolved' || status === 'closed' || status === 'wont_fix';
  return { status, resolved_at: done ? (row.resolved_at ?? at) : null };
}

/** Writes a patch with its audit entry and announces the fix when this change shipped it. */
export async function applyIssueChange(
  trx: Kysely<Database>,
  ctx: ChangeContext,
  row: IssueRow,
  patch: Partial<IssueRow>,
  at: string,
): Promise<IssueRow> {
  const changes = diff(pick(row, Object.keys(patch)), patch);
  if (Object.keys(changes).length === 0) return row;
  await trx
    .updateTable('engineering_issues')
    .set({ ...patch, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(trx, ctx, { action: 'engineering_issue.updated', recordType: 'engineering_issue', recordId: row.id, changes });
  const next = { ...row, ...patch, updated_at: at };
  await announceFixIfShipped(trx, ctx, next, at);
  return next;
}

function pick(row: IssueRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (row as unknown as Record<string, unknown>)[k]]));
}
