import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { renewalFigures } from '../../accounts/index.js';
import { openBlockerFeedback } from '../../feedback/index.js';
import { assessRenewalRisk } from './risk.js';

/** One account's renewal: date and ARR (the account's), the forecast, and the risk with its reasons. */
export async function renewalOf(
  db: Kysely<Database>,
  accountId: string,
  now: Date,
): Promise<{
  renewalDate: string | null;
  arr: number;
  forecast: 'commit' | 'likely' | 'at_risk' | null;
  risk: 'low' | 'medium' | 'high';
  reasons: string[];
}> {
  const [[account], forecast, health, blockers] = await Promise.all([
    renewalFigures(db, { ids: [accountId] }),
    db.selectFrom('renewal_forecasts').select('forecast').where('account_id', '=', accountId).executeTakeFirst(),
    db.selectFrom('account_health').select('grade').where('account_id', '=', accountId).executeTakeFirst(),
    openBlockerFeedback(db, [accountId]),
  ]);
  const renewalDate = account?.renewalDate ?? null;
  const f = forecast?.forecast ?? null;
  const { risk, reasons } = assessRenewalRisk({
    grade: health?.grade ?? null,
    forecast: f,
    blockers: blockers.get(accountId) ?? 0,
    renewalDate,
    now,
  });
  return { renewalDate, arr: account?.arr ?? 0, forecast: f, risk, reasons };
}
