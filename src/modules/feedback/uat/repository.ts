import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { UatCasesTable, UatInviteesTable, UatResultsTable, UatRoundsTable } from '../tables.js';

/**
 * The UAT tables' reads, in batches: a round page and a request's round list are each a handful of
 * queries whatever the number of cases, invitees and results.
 */

export type RoundRow = Selectable<UatRoundsTable>;
export type CaseRow = Selectable<UatCasesTable>;
export type InviteeRow = Selectable<UatInviteesTable>;
export type ResultRow = Selectable<UatResultsTable> & {
  round_id: string;
  issue_key: string | null;
  issue_status: string | null;
};

/** The feature request a round hangs off (same module: feedback owns feature_requests). */
export async function findRequest(db: Kysely<Database>, id: string) {
  return db.selectFrom('feature_requests').select(['id', 'title', 'status', 'merged_into_id']).where('id', '=', id).executeTakeFirst();
}

export async function findRound(db: Kysely<Database>, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('uat_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function roundsOfRequest(db: Kysely<Database>, requestId: string): Promise<RoundRow[]> {
  return db
    .selectFrom('uat_rounds')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export async function casesOf(db: Kysely<Database>, roundIds: readonly string[]): Promise<CaseRow[]> {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('uat_cases')
    .selectAll()
    .where('round_id', 'in', [...roundIds])
    .orderBy('round_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function findCase(db: Kysely<Database>, id: string): Promise<CaseRow | undefined> {
  return db.selectFrom('uat_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function inviteesOf(db: Kysely<Database>, roundIds: readonly string[]): Promise<InviteeRow[]> {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('uat_invitees')
    .selectAll()
    .where('round_id', 'in', [...roundIds])
    .orderBy('invited_at')
    .orderBy('contact_id')
    .execute();
}

/** Results of the rounds' cases, with the engineering issue a failure became (same module). */
export async function resultsOf(db: Kysely<Database>, roundIds: readonly string[]): Promise<ResultRow[]> {
  if (roundIds.length === 0) return [];
  return db
    .selectFrom('uat_results')
    .innerJoin('uat_cases', 'uat_cases.id', 'uat_results.case_id')
    .leftJoin('engineering_issues', 'engineering_issues.id', 'uat_results.engineering_issue_id')
    .selectAll('uat_results')
    .select(['uat_cases.round_id as round_id', 'engineering_issues.key as issue_key', 'engineering_issues.status as issue_status'])
    .where('uat_cases.round_id', 'in', [...roundIds])
    .orderBy('uat_results.recorded_at')
    .orderBy('uat_results.id')
    .execute();
}

export async function findResult(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('uat_results')
    .innerJoin('uat_cases', 'uat_cases.id', 'uat_results.case_id')
    .selectAll('uat_results')
    .select(['uat_cases.round_id as round_id', 'uat_cases.title as case_title', 'uat_cases.steps', 'uat_cases.expected'])
    .where('uat_results.id', '=', id)
    .executeTakeFirst();
}

/** The rounds a contact is invited to, on their own account only: the portal's isolation rule. */
export async function roundsOfInvitee(
  db: Kysely<Database>,
  contact: { contactId: string; accountId: string },
  roundId?: string,
): Promise<(RoundRow & { invited_at: string })[]> {
  let query = db
    .selectFrom('uat_rounds')
    .innerJoin('uat_invitees', 'uat_invitees.round_id', 'uat_rounds.id')
    .selectAll('uat_rounds')
    .select('uat_invitees.invited_at')
    .where('uat_invitees.contact_id', '=', contact.contactId)
    .where('uat_rounds.account_id', '=', contact.accountId);
  if (roundId) query = query.where('uat_rounds.id', '=', roundId);
  return query.orderBy('uat_rounds.created_at', 'desc').orderBy('uat_rounds.id', 'desc').limit(100).execute();
}

export async function touchRound(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('uat_rounds').set({ updated_at: at }).where('id', '=', id).execute();
}
