import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { decodeCursor, encodeCursor, keysetAfter, toPage, type Page } from '../../../kernel/pagination.js';
import type { EngineeringIssueSummary } from '../contract/engineering.js';
import type { IssueSeverity, IssueStatus } from '../contract/kinds.js';
import { ticketCounts } from './issue-repository.js';

export interface IssueListQuery {
  status?: IssueStatus | undefined;
  severity?: IssueSeverity | undefined;
  q?: string | undefined;
  ticketId?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Engineering issues, most recently changed first, filtered by status, severity, words or ticket. */
export async function listEngineeringIssues(db: Kysely<Database>, q: IssueListQuery): Promise<Page<EngineeringIssueSummary>> {
  let query = db.selectFrom('engineering_issues').selectAll();
  if (q.status) query = query.where('status', '=', q.status);
  if (q.severity) query = query.where('severity', '=', q.severity);
  if (q.q) {
    // lower() on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not.
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([sql<boolean>`lower(title) like ${pattern} escape '\\'`, sql<boolean>`lower(key) like ${pattern} escape '\\'`]),
    );
  }
  if (q.ticketId) {
    const ticketId = q.ticketId;
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('engineering_issue_tickets').select('issue_id').where('ticket_id', '=', ticketId),
    );
  }
  if (q.cursor) query = query.where(keysetAfter('updated_at', 'id', decodeCursor(q.cursor, 'timestamp'), 'desc'));
  const rows = await query
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.updated_at, r.id));
  const counts = await ticketCounts(
    db,
    page.items.map((r) => r.id),
  );
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      key: r.key,
      title: r.title,
      tracker: r.tracker,
      trackerUrl: r.tracker_url,
      status: r.status,
      severity: r.severity,
      fixRelease: r.fix_release,
      ticketCount: counts.get(r.id) ?? 0,
      updatedAt: r.updated_at,
    })),
  };
}
