import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { EngineeringIssuesTable } from '../tables.js';

/** Reads and small writes of engineering issues and their ticket links; no business rules here. */

export type IssueRow = Selectable<EngineeringIssuesTable>;

export function findIssueRow(db: Kysely<Database>, id: string): Promise<IssueRow | undefined> {
  return db.selectFrom('engineering_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findIssueByKey(db: Kysely<Database>, tracker: string, key: string): Promise<IssueRow | undefined> {
  return db
    .selectFrom('engineering_issues')
    .selectAll()
    .where('tracker', '=', tracker as IssueRow['tracker'])
    .where('key', '=', key)
    .executeTakeFirst();
}

/**
 * The next Outpost key number: one more than the highest ENG-n so far. The unique key constraint
 * catches two writers that read the same highest number; the caller retries.
 */
export async function nextOutpostKeyNumber(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('engineering_issues')
    .select(sql<number | null>`max(cast(substr(key, 5) as integer))`.as('n'))
    .where('tracker', '=', 'outpost')
    .where('key', 'like', 'ENG-%')
    .executeTakeFirst();
  return Number(row?.n ?? 0) + 1;
}

export function ticketLinksOf(db: Kysely<Database>, issueIds: readonly string[]) {
  if (issueIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('engineering_issue_tickets')
    .selectAll()
    .where('issue_id', 'in', [...issueIds])
    .orderBy('linked_at')
    .execute();
}

export function findTicketLink(db: Kysely<Database>, issueId: string, ticketId: string) {
  return db
    .selectFrom('engineering_issue_tickets')
    .selectAll()
    .where('issue_id', '=', issueId)
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst();
}

export async function insertTicketLink(db: Kysely<Database>, issueId: string, ticketId: string, memberId: string | null, at: string) {
  await db
    .insertInto('engineering_issue_tickets')
    .values({ issue_id: issueId, ticket_id: ticketId, linked_by: memberId, linked_at: at, drafted_reply: null, reply_sent_at: null })
    .execute();
}

export async function featureRequestTitles(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('feature_requests').select(['id', 'title']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

export async function ticketCounts(db: Kysely<Database>, issueIds: readonly string[]): Promise<Map<string, number>> {
  if (issueIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('engineering_issue_tickets')
    .select(['issue_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('issue_id', 'in', [...issueIds])
    .groupBy('issue_id')
    .execute();
  return new Map(rows.map((r) => [r.issue_id, Number(r.n)]));
}
