import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { accountRefs } from '../../accounts/index.js';
import { pocsOfOpportunities } from '../../delivery/index.js';
import type { WinLoss, WinLossDeal, WinLossQuery } from '../contract/pocs.js';
import { pocOutcomeOf, winLossTable } from './win-loss-figures.js';

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const nextDay = (day: string) => dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + DAY));

/** The window asked for: `to` defaults to today, `from` to a year before `to`. */
export function winLossWindow(q: WinLossQuery, now = new Date()): { from: string; to: string } {
  const to = q.to ?? dayOf(now);
  const from = q.from ?? dayOf(new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY));
  if (from > to) throw errors.winLossWindowInvalid({ field: 'from' });
  return { from, to };
}

/**
 * The deals closed in a window (by close date, or by the day the stage closed when no close date was
 * entered), won or lost, grouped by how their proofs of concept ended. One read of the deals, one
 * batch read of their PoCs (delivery) and one of their accounts, however many deals closed.
 */
export async function winLossByPoc(db: Kysely<Database>, q: WinLossQuery, now = new Date()): Promise<WinLoss> {
  const { from, to } = winLossWindow(q, now);
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'name', 'account_id', 'stage', 'arr', 'close_date', 'closed_at', 'technical_win'])
    .where('stage', 'in', ['closed_won', 'closed_lost'])
    .where((eb) =>
      eb.or([
        eb.and([eb('close_date', '>=', from), eb('close_date', '<=', to)]),
        eb.and([
          eb('close_date', 'is', null),
          eb('closed_at', '>=', `${from}T00:00:00.000Z`),
          eb('closed_at', '<', `${nextDay(to)}T00:00:00.000Z`),
        ]),
      ]),
    )
    .execute();
  const [pocs, accounts] = await Promise.all([
    pocsOfOpportunities(
      db,
      rows.map((r) => r.id),
    ),
    accountRefs(
      db,
      rows.map((r) => r.account_id),
    ),
  ]);
  const pocsOf = new Map<string, typeof pocs>();
  for (const p of pocs) pocsOf.set(p.opportunityId, [...(pocsOf.get(p.opportunityId) ?? []), p]);
  const deals: WinLossDeal[] = rows.map((r) => {
    const own = pocsOf.get(r.id) ?? [];
    return {
      id: r.id,
      name: r.name,
      account: { id: r.account_id, name: accounts.get(r.account_id)?.name ?? 'Unknown account' },
      outcome: r.stage === 'closed_won' ? 'won' : 'lost',
      arr: Number(r.arr),
      closedOn: r.close_date ?? r.closed_at!.slice(0, 10),
      pocOutcome: pocOutcomeOf(own.map((p) => p.verdict)),
      technicalWin: r.technical_win,
      pocs: own.map((p) => ({ id: p.id, name: p.name, verdict: p.verdict })),
    };
  });
  deals.sort((a, b) => b.closedOn.localeCompare(a.closedOn) || a.name.localeCompare(b.name));
  return { from, to, ...winLossTable(deals), deals };
}
