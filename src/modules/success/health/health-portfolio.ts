import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { Page } from '../../../kernel/pagination.js';
import { memberRefs } from '../../team/index.js';
import { accountOwners, accountsOwnedBy } from '../../accounts/index.js';
import type { MeasureResult, PortfolioRow } from '../contract/health.js';
import type { HealthGrade } from '../contract/kinds.js';
import { dayOf } from './health-refresh.js';
import { healthSettled } from './health-refresher.js';
import { portfolioPage, type PortfolioFilters, type PortfolioSort } from './portfolio.read-model.js';

const DAY_MS = 86_400_000;

/** A page of the portfolio, with each owner named (one batch read for the page). */
export async function listPortfolio(
  db: Kysely<Database>,
  q: Omit<PortfolioFilters, 'accountIds'> & {
    ownerId?: string | undefined;
    sort: PortfolioSort;
    direction: 'asc' | 'desc';
    cursor?: string | undefined;
    limit: number;
  },
  now = new Date(),
): Promise<Page<PortfolioRow>> {
  await healthSettled(db);
  const accountIds = q.ownerId ? await accountsOwnedBy(db, q.ownerId) : undefined;
  const page = await portfolioPage(db, { ...q, accountIds }, q.sort, q.direction, q.cursor, q.limit);
  const ownerOf = await accountOwners(
    db,
    page.items.map((r) => r.accountId),
  );
  const owners = await memberRefs(db, [...ownerOf.values()]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => {
      const top = (JSON.parse(r.measures) as MeasureResult[]).find((m) => m.score !== null && m.pointsLost > 0);
      const ownerId = ownerOf.get(r.accountId);
      const owner = ownerId ? owners.get(ownerId) : undefined;
      return {
        account: { id: r.accountId, name: r.name, segment: r.segment as PortfolioRow['account']['segment'], arr: r.arr },
        score: r.score,
        grade: r.grade,
        changeThirtyDays: r.changeThirtyDays,
        overridden: r.overrideExpiresAt !== null && Date.parse(r.overrideExpiresAt) > now.getTime(),
        owner: owner ? { id: owner.id, name: owner.name } : null,
        renewalDate: r.renewalDate,
        topDriver: top?.summary ?? null,
      };
    }),
  };
}

/** Accounts per grade on each day of the last `days` that has snapshots (oldest first), from one grouped read. */
export async function gradeDistribution(
  db: Kysely<Database>,
  q: { days: number; segment?: string | undefined },
  now = new Date(),
): Promise<{ days: { day: string; green: number; yellow: number; red: number; none: number }[] }> {
  let query = db
    .selectFrom('health_snapshots')
    .select(['day', 'grade', sql<number>`count(*)`.as('n')])
    .where('day', '>', dayOf(new Date(now.getTime() - q.days * DAY_MS)))
    .where('day', '<=', dayOf(now));
  if (q.segment) query = query.where('segment', '=', q.segment);
  const rows = await query.groupBy(['day', 'grade']).orderBy('day').execute();
  const byDay = new Map<string, { day: string; green: number; yellow: number; red: number; none: number }>();
  for (const r of rows) {
    const day = String(r.day).slice(0, 10);
    let entry = byDay.get(day);
    if (!entry) byDay.set(day, (entry = { day, green: 0, yellow: 0, red: 0, none: 0 }));
    entry[(r.grade as HealthGrade | null) ?? 'none'] += Number(r.n);
  }
  return { days: [...byDay.values()] };
}
