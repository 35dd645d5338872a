import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { nowIso } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { accountExists, accountOwners, renewalFigures } from '../../accounts/index.js';
import { openBlockerFeedback } from '../../feedback/index.js';
import { memberRefs } from '../../team/index.js';
import type { HealthGrade } from '../contract/kinds.js';
import {
  setRenewalBody,
  type AccountRenewal,
  type RenewalBoard,
  type RenewalForecast,
  type RenewalItem,
  type RenewalQuarter,
  type SetRenewalInput,
} from '../contract/renewals.js';
import { assessRenewalRisk } from './risk.js';

/**
 * Renewals (issue 15): the date and ARR are the account's, read through accounts' batch read; the
 * forecast is ours; the risk combines health, forecast and open blocker feedback.
 */

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The calendar quarter holding a date: its label ("Q1 2027") and first and last days. */
export function quarterOf(date: string): { label: string; from: string; to: string } {
  const year = Number(date.slice(0, 4));
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3);
  return {
    label: `Q${q + 1} ${year}`,
    from: iso(new Date(Date.UTC(year, q * 3, 1))),
    to: iso(new Date(Date.UTC(year, q * 3 + 3, 0))),
  };
}

/** The next day after a quarter's end: the first day of the following quarter. */
const nextQuarterStart = (to: string) => iso(new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000));

async function factsOf(db: Kysely<Database>, accountIds: string[]) {
  if (!accountIds.length)
    return { forecasts: new Map(), grades: new Map<string, HealthGrade | null>(), blockers: new Map<string, number>() };
  const [forecasts, health, blockers] = await Promise.all([
    db.selectFrom('renewal_forecasts').selectAll().where('account_id', 'in', accountIds).execute(),
    db.selectFrom('account_health').select(['account_id', 'grade']).where('account_id', 'in', accountIds).execute(),
    openBlockerFeedback(db, accountIds),
  ]);
  return {
    forecasts: new Map(forecasts.map((f) => [f.account_id, f])),
    grades: new Map(health.map((h) => [h.account_id, h.grade])),
    blockers,
  };
}

export async function getAccountRenewal(db: Kysely<Database>, accountId: string, now = new Date()): Promise<AccountRenewal> {
  const [account] = await renewalFigures(db, { ids: [accountId] });
  if (!account) throw errors.accountNotFound();
  const { forecasts, grades, blockers } = await factsOf(db, [accountId]);
  const f = forecasts.get(accountId) as
    { forecast: RenewalForecast; note: string | null; updated_by: string | null; updated_at: string } | undefined;
  const updater = f?.updated_by ? (await memberRefs(db, [f.updated_by])).get(f.updated_by) : undefined;
  const { risk, reasons } = assessRenewalRisk({
    grade: grades.get(accountId) ?? null,
    forecast: f?.forecast ?? null,
    blockers: blockers.get(accountId) ?? 0,
    renewalDate: account.renewalDate,
    now,
  });
  return {
    accountId,
    renewalDate: account.renewalDate,
    arr: account.arr,
    forecast: f?.forecast ?? null,
    note: f?.note ?? null,
    updatedBy: f?.updated_by ? { id: f.updated_by, name: updater?.name ?? 'Former member' } : null,
    updatedAt: f?.updated_at ?? null,
    risk,
    reasons,
  };
}

export async function setAccountRenewal(
  db: Kysely<Database>,
  ctx: ChangeContext,
  accountId: string,
  input: SetRenewalInput,
  now = new Date(),
): Promise<AccountRenewal> {
  const b = setRenewalBody.parse(input);
  await inTransaction(db, async (trx) => {
    if (!(await accountExists(trx, accountId))) throw errors.accountNotFound();
    const before = await trx
      .selectFrom('renewal_forecasts')
      .select(['forecast', 'note'])
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    const values = { forecast: b.forecast, note: b.note || null, updated_by: ctx.memberId, updated_at: nowIso() };
    if (before) await trx.updateTable('renewal_forecasts').set(values).where('account_id', '=', accountId).execute();
    else
      await trx
        .insertInto('renewal_forecasts')
        .values({ account_id: accountId, ...values })
        .execute();
    const changes = diff(before ?? null, { forecast: values.forecast, note: values.note });
    if (Object.keys(changes).length)
      await recordAudit(trx, ctx, { action: 'renewal.forecast_set', recordType: 'account', recordId: accountId, changes });
  });
  return getAccountRenewal(db, accountId, now);
}

/**
 * Renewals in a window (default: this quarter and the three after it), grouped by calendar
 * quarter, each quarter with its ARR totals per forecast; every quarter of the window is listed,
 * empty ones too.
 */
export async function renewalBoard(
  db: Kysely<Database>,
  q: { from?: string; to?: string; segment?: string; ownerId?: string; forecast?: RenewalForecast | 'none' },
  now = new Date(),
): Promise<RenewalBoard> {
  const from = q.from ?? quarterOf(iso(now)).from;
  let to = q.to;
  if (!to) {
    let quarter = quarterOf(from);
    for (let i = 0; i < 3; i++) quarter = quarterOf(nextQuarterStart(quarter.to));
    to = quarter.to;
  }
  let accounts = await renewalFigures(db, { from, to, segment: q.segment });
  const owners = await accountOwners(
    db,
    accounts.map((a) => a.id),
  );
  if (q.ownerId) accounts = accounts.filter((a) => owners.get(a.id) === q.ownerId);
  const ids = accounts.map((a) => a.id);
  const [{ forecasts, grades, blockers }, members] = await Promise.all([
    factsOf(db, ids),
    memberRefs(
      db,
      ids.map((id) => owners.get(id)),
    ),
  ]);
  const items: RenewalItem[] = [];
  for (const a of accounts) {
    if (!a.renewalDate) continue;
    const f = forecasts.get(a.id) as { forecast: RenewalForecast; note: string | null } | undefined;
    const forecast = f?.forecast ?? null;
    if (q.forecast && (forecast ?? 'none') !== q.forecast) continue;
    const ownerId = owners.get(a.id);
    items.push({
      account: { id: a.id, name: a.name, segment: a.segment },
      renewalDate: a.renewalDate,
      arr: a.arr,
      forecast,
      note: f?.note ?? null,
      owner: ownerId ? { id: ownerId, name: members.get(ownerId)?.name ?? 'Former member' } : null,
      ...assessRenewalRisk({
        grade: grades.get(a.id) ?? null,
        forecast,
        blockers: blockers.get(a.id) ?? 0,
        renewalDate: a.renewalDate,
        now,
      }),
    });
  }
  const quarters: RenewalQuarter[] = [];
  for (let quarter = quarterOf(from); quarter.from <= to; quarter = quarterOf(nextQuarterStart(quarter.to))) {
    const inQuarter = items.filter((i) => i.renewalDate >= quarter.from && i.renewalDate <= quarter.to);
    const sum = (pick: (i: RenewalItem) => boolean) => inQuarter.filter(pick).reduce((s, i) => s + i.arr, 0);
    quarters.push({
      ...quarter,
      totals: {
        all: sum(() => true),
        commit: sum((i) => i.forecast === 'commit'),
        likely: sum((i) => i.forecast === 'likely'),
        at_risk: sum((i) => i.forecast === 'at_risk'),
        none: sum((i) => i.forecast === null),
      },
      items: inQuarter,
    });
    if (quarters.length >= 12) break;
  }
  return { from, to, quarters };
}
