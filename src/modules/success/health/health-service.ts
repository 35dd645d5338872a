import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { healthSettled } from './health-refresher.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, SEGMENTS } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import type { AccountHealth, HealthModel, HealthModelBody, MeasureResult } from '../contract/health.js';
import type { HealthGrade, HealthMetric } from '../contract/kinds.js';
import { accountsToScore } from '../../accounts/index.js';
import { loadModels, toHealthModel } from './health-models.js';
import { dayOf, refreshHealth } from './health-refresh.js';

const DAY_MS = 86_400_000;
/** An override is a judgement for now, not a new truth: it lasts half a year at most. */
const MAX_OVERRIDE_DAYS = 180;
const TREND_DAYS = 90;

async function ensureAccount(db: Kysely<Database>, accountId: string): Promise<void> {
  if (!(await accountExists(db, accountId))) throw errors.accountNotFound({ accountId });
}

async function activeOverrideRow(db: Kysely<Database>, accountId: string, now: Date) {
  return db
    .selectFrom('health_overrides')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('ended_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * An account's health as last computed, with its trend and the override in force. An account never
 * scored yet is scored on the spot, and so is one whose stored grade still shows an override that
 * has expired since (the hourly pass would correct it later; this read never shows it stale).
 */
export async function getAccountHealth(db: Kysely<Database>, accountId: string, now = new Date()): Promise<AccountHealth> {
  await ensureAccount(db, accountId);
  // Usage just posted for this account is scored before it is shown.
  await healthSettled(db, accountId);
  const read = () => db.selectFrom('account_health').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  const [stored, override] = await Promise.all([read(), activeOverrideRow(db, accountId, now)]);
  let row = stored;
  // Stale: never scored, or the stored grade shows an override that has ended (or misses one in force).
  if (!row || (row.override_expires_at ?? null) !== (override?.expires_at ?? null)) {
    await refreshHealth(db, now, [accountId]);
    row = await read();
  }
  if (!row) throw errors.accountNotFound({ accountId });
  const [snapshots] = await Promise.all([
    db
      .selectFrom('health_snapshots')
      .select(['day', 'score', 'grade'])
      .where('account_id', '=', accountId)
      .where('day', '>', dayOf(new Date(now.getTime() - TREND_DAYS * DAY_MS)))
      .where('day', '<=', dayOf(now))
      .orderBy('day')
      .execute(),
  ]);
  const author = override?.created_by ? (await memberRefs(db, [override.created_by])).get(override.created_by) : undefined;
  const measures = JSON.parse(row.measures) as MeasureResult[];
  return {
    accountId,
    score: row.score === null ? null : Number(row.score),
    grade: row.grade,
    computedScore: row.computed_score === null ? null : Number(row.computed_score),
    computedGrade: row.computed_grade,
    scoreThirtyDaysAgo: row.score_30_days_ago === null ? null : Number(row.score_30_days_ago),
    changeThirtyDays: row.change_30_days === null ? null : Number(row.change_30_days),
    override: override
      ? {
          id: override.id,
          grade: override.grade,
          reason: override.reason,
          expiresAt: override.expires_at,
          createdBy: author ? { id: author.id, name: author.name } : null,
          createdAt: override.created_at,
        }
      : null,
    modelScope: row.model_scope as AccountHealth['modelScope'],
    drivers: measures.filter((m) => m.score !== null),
    missing: measures.filter((m) => m.score === null).map((m) => m.metric as HealthMetric),
    trend: snapshots.map((s) => ({ day: String(s.day).slice(0, 10), score: s.score === null ? null : Number(s.score), grade: s.grade })),
    computedAt: row.computed_at,
  };
}

/** Overrides the grade until `expiresAt` (in the future, at most 180 days ahead), replacing any override in force. */
export async function overrideHealth(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: { grade: HealthGrade; reason: string; expiresAt: string },
  now = new Date(),
): Promise<AccountHealth> {
  await ensureAccount(db, accountId);
  const expiresAt = Date.parse(input.expiresAt);
  if (expiresAt <= now.getTime())
    throw errors.validation('The override must expire in the future.', { field: 'expiresAt', expiresAt: input.expiresAt });
  if (expiresAt > now.getTime() + MAX_OVERRIDE_DAYS * DAY_MS)
    throw errors.validation(`An override can last ${MAX_OVERRIDE_DAYS} days at most: choose an earlier expiry.`, {
      field: 'expiresAt',
      expiresAt: input.expiresAt,
    });
  const id = newId();
  const row = {
    id,
    account_id: accountId,
    grade: input.grade,
    reason: input.reason,
    expires_at: new Date(expiresAt).toISOString(),
    created_by: ctx.memberId,
    created_at: now.toISOString(),
  };
  await inTransaction(db, async (trx) => {
    const replaced = await activeOverrideRow(trx, accountId, now);
    if (replaced)
      await trx
        .updateTable('health_overrides')
        .set({ ended_at: now.toISOString(), ended_by: ctx.memberId })
        .where('id', '=', replaced.id)
        .execute();
    await trx.insertInto('health_overrides').values(row).execute();
    await recordAudit(trx, ctx, {
      action: 'health.overridden',
      recordType: 'account',
      recordId: accountId,
      changes: diff(replaced ? { grade: replaced.grade, reason: replaced.reason, expires_at: replaced.expires_at } : null, {
        grade: row.grade,
        reason: row.reason,
        expires_at: row.expires_at,
      }),
    });
  });
  await refreshHealth(db, now, [accountId]);
  return getAccountHealth(db, accountId, now);
}

/** Lifts the override in force before it expires; the computed grade shows again. No override: nothing changes. */
export async function endHealthOverride(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  now = new Date(),
): Promise<AccountHealth> {
  await ensureAccount(db, accountId);
  await inTransaction(db, async (trx) => {
    const active = await activeOverrideRow(trx, accountId, now);
    if (!active) return;
    await trx
      .updateTable('health_overrides')
      .set({ ended_at: now.toISOString(), ended_by: ctx.memberId })
      .where('id', '=', active.id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'health.override_ended',
      recordType: 'account',
      recordId: accountId,
      changes: diff({ grade: active.grade, reason: active.reason, expires_at: active.expires_at }, null),
    });
  });
  await refreshHealth(db, now, [accountId]);
  return getAccountHealth(db, accountId, now);
}

const SCOPE_ORDER = ['default', ...SEGMENTS] as string[];

/** The default model (stored or built in) and every segment's, default first. */
export async function listHealthModels(db: Kysely<Database>): Promise<HealthModel[]> {
  const models = await loadModels(db);
  return [...models.values()].sort((a, b) => SCOPE_ORDER.indexOf(a.scope) - SCOPE_ORDER.indexOf(b.scope)).map(toHealthModel);
}

/** The accounts a model scores: its segment's, or — for the default — those without a model of their own. */
async function accountsScoredBy(db: Kysely<Database>, scope: string): Promise<string[]> {
  const models = await loadModels(db);
  const accounts = await accountsToScore(db);
  return accounts.filter((a) => (scope === 'default' ? !models.has(a.segment) : a.segment === scope)).map((a) => a.id);
}

/** Saves the model of a scope and rescores the accounts it applies to. */
export async function saveHealthModel(
  db: Kysely<Database>,
  ctx: ChangeContext,
  scope: string,
  input: HealthModelBody,
  now = new Date(),
): Promise<HealthModel> {
  const row = {
    scope,
    measures: JSON.stringify(input.measures),
    green_min: input.greenMin,
    yellow_min: input.yellowMin,
    updated_by: ctx.memberId,
    updated_at: now.toISOString(),
  };
  await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('health_models').selectAll().where('scope', '=', scope).executeTakeFirst();
    await trx
      .insertInto('health_models')
      .values(row)
      .onConflict((oc) =>
        oc.column('scope').doUpdateSet({
          measures: row.measures,
          green_min: row.green_min,
          yellow_min: row.yellow_min,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    const shape = (r: { measures: string; green_min: number; yellow_min: number }) => ({
      measures: JSON.parse(r.measures) as unknown,
      green_min: Number(r.green_min),
      yellow_min: Number(r.yellow_min),
    });
    await recordAudit(trx, ctx, {
      action: 'health_model.saved',
      recordType: 'health_model',
      recordId: scope,
      changes: diff(before ? shape(before) : null, shape(row)),
    });
  });
  await refreshHealth(db, now, await accountsScoredBy(db, scope));
  const saved = (await loadModels(db)).get(scope)!;
  return toHealthModel(saved);
}

/** Removes a segment's model: its accounts are scored by the default again. */
export async function deleteHealthModel(db: Kysely<Database>, ctx: ChangeContext, scope: string, now = new Date()): Promise<void> {
  if (scope === 'default')
    throw errors.validation('The default model cannot be removed: save a different one instead.', { field: 'scope', scope });
  const removed = await inTransaction(db, async (trx) => {
    const before = await trx.selectFrom('health_models').selectAll().where('scope', '=', scope).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom('health_models').where('scope', '=', scope).execute();
    await recordAudit(trx, ctx, {
      action: 'health_model.removed',
      recordType: 'health_model',
      recordId: scope,
      changes: diff({ measures: JSON.parse(before.measures) as unknown, green_min: before.green_min, yellow_min: before.yellow_min }, null),
    });
    return true;
  });
  if (removed) await refreshHealth(db, now, await accountsScoredBy(db, scope));
}
