import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * What the team module's role profile (issue 17) reads from accounts, wired through its ports in
 * src/app/wire-team-profile.ts: the interactions members attended, the accounts' facts, and the
 * seats members hold on account teams. Each is one query for a whole batch of members.
 */

function dayBounds(from: string, to: string): [string, string] {
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
  return [new Date(`${from}T00:00:00Z`).toISOString(), end];
}

/** Interactions the members attended between two dates (inclusive), with the account and time. */
export async function interactionsAttendedBy(
  db: Kysely<Database>,
  memberIds: readonly string[],
  from: string,
  to: string,
): Promise<{ memberId: string; accountId: string; occurredAt: string }[]> {
  if (!memberIds.length) return [];
  const [start, end] = dayBounds(from, to);
  const rows = await db
    .selectFrom('interaction_attendees')
    .innerJoin('interactions', 'interactions.id', 'interaction_attendees.interaction_id')
    .select([
      'interaction_attendees.attendee_id as memberId',
      'interactions.account_id as accountId',
      'interactions.occurred_at as occurredAt',
    ])
    .where('interaction_attendees.attendee_type', '=', 'member')
    .where('interaction_attendees.attendee_id', 'in', [...memberIds])
    .where('interactions.occurred_at', '>=', start)
    .where('interactions.occurred_at', '<', end)
    .execute();
  return rows.map((r) => ({ ...r, occurredAt: String(r.occurredAt) }));
}

/** Name, relationship depth and whether it is the company's own account, by id. */
export async function accountProfileFacts(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<Map<string, { id: string; name: string; relationship: 'engaged' | 'transactional'; internal: boolean }>> {
  if (!accountIds.length) return new Map();
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'relationship', 'internal'])
    .where('id', 'in', [...new Set(accountIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, name: r.name, relationship: r.relationship, internal: Number(r.internal) === 1 }]));
}

/** The members' seats on account teams, as `account_team_<role>` counts (a seat is held now, not in a period). */
export async function accountTeamWorkMix(
  db: Kysely<Database>,
  memberIds: readonly string[],
): Promise<{ memberId: string; kind: string; count: number }[]> {
  if (!memberIds.length) return [];
  const rows = await db
    .selectFrom('account_team')
    .select(['member_id', 'role'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', 'in', [...memberIds])
    .groupBy(['member_id', 'role'])
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, kind: `account_team_${r.role}`, count: Number(r.n) }));
}
