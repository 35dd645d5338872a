import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { accountFigures, listAccounts } from '../../accounts/index.js';
import { liveEngagementSlip } from '../../delivery/index.js';
import type { HealthGrade } from '../contract/kinds.js';
import type { AccountFacts } from './conditions.js';

/** `in` lists are cut to this many ids, well inside both databases' bound-parameter limits. */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function parseMetrics(json: string): AccountFacts['metrics'] {
  try {
    const parsed: unknown = JSON.parse(json);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as AccountFacts['metrics']) : {};
  } catch {
    return {};
  }
}

/**
 * The facts the playbook conditions test, for every account with a health row or a renewal within
 * `renewalHorizonDays` (or only `accountIds`): the success module's own health rows, then the
 * accounts module's batch reads — the accounts renewing soon (one filtered list, paged) and the
 * segment and lifecycle stage of all of them (one read per thousand accounts); with `onboarding`,
 * the delivery module's slip of their live engagements (one grouped read per thousand accounts).
 * Never a read per account.
 */
export async function loadRuleFacts(
  db: Kysely<Database>,
  today: string,
  renewalHorizonDays: number | null,
  accountIds?: readonly string[],
  options: { onboarding?: boolean } = {},
): Promise<AccountFacts[]> {
  const wanted = accountIds ? [...new Set(accountIds)] : null;
  const health =
    wanted === null
      ? await db.selectFrom('account_health').select(['account_id', 'score', 'grade', 'change_30_days', 'metric_values']).execute()
      : (
          await Promise.all(
            chunks(wanted).map((ids) =>
              db
                .selectFrom('account_health')
                .select(['account_id', 'score', 'grade', 'change_30_days', 'metric_values'])
                .where('account_id', 'in', ids)
                .execute(),
            ),
          )
        ).flat();

  const renewals = new Map<string, string>();
  if (renewalHorizonDays !== null) {
    const to = new Date(Date.parse(`${today}T00:00:00Z`) + renewalHorizonDays * 86_400_000).toISOString().slice(0, 10);
    let cursor: string | undefined;
    do {
      const page = await listAccounts(db, { renewalFrom: today, renewalTo: to, sort: 'name', order: 'asc', limit: 200, cursor });
      for (const a of page.items) if (a.renewalDate) renewals.set(a.id, a.renewalDate);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  const ids = wanted ?? [...new Set([...health.map((h) => h.account_id), ...renewals.keys()])];
  const figures = new Map<string, { segment: string; lifecycleStage: string }>();
  for (const part of chunks(ids)) for (const [id, f] of await accountFigures(db, part)) figures.set(id, f);
  const healthOf = new Map(health.map((h) => [h.account_id, h]));
  const onboardingSlip = options.onboarding ? await onboardingSlipDays(db, ids, figures, today) : new Map<string, number>();

  return ids.flatMap((id) => {
    const account = figures.get(id);
    if (!account) return [];
    const h = healthOf.get(id);
    return [
      {
        accountId: id,
        segment: account.segment,
        lifecycleStage: account.lifecycleStage,
        renewalDate: renewals.get(id) ?? null,
        grade: (h?.grade ?? null) as HealthGrade | null,
        score: h?.score ?? null,
        change30Days: h?.change_30_days ?? null,
        metrics: h ? parseMetrics(h.metric_values) : {},
        onboardingSlipDays: onboardingSlip.get(id) ?? null,
      },
    ];
  });
}

/**
 * The worst slip, in days, of each account's live onboarding engagements: those of kind
 * `onboarding`, and the implementation engagements of an account still in its onboarding stage
 * (teams that run onboarding as an implementation). Accounts with none are left out.
 */
async function onboardingSlipDays(
  db: Kysely<Database>,
  ids: readonly string[],
  figures: ReadonlyMap<string, { lifecycleStage: string }>,
  today: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  for (const part of chunks(ids)) {
    for (const [accountId, engagements] of await liveEngagementSlip(db, part, new Date(todayMs))) {
      const inOnboarding = figures.get(accountId)?.lifecycleStage === 'onboarding';
      const onboarding = engagements.filter((e) => e.kind === 'onboarding' || (inOnboarding && e.kind === 'implementation'));
      if (!onboarding.length) continue;
      const slips = onboarding.map((e) =>
        e.oldestLateDue ? Math.round((todayMs - Date.parse(`${e.oldestLateDue}T00:00:00Z`)) / 86_400_000) : 0,
      );
      out.set(accountId, Math.max(...slips));
    }
  }
  return out;
}
