import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { getEnvironment } from '../../delivery/index.js';
import { ticketRefs } from '../../support/index.js';
import type { EngineeringIssue } from '../contract/engineering.js';
import { featureRequestTitles, findIssueRow, ticketLinksOf, type IssueRow } from './issue-repository.js';

/** An engineering issue as the API shows it: its row composed with its tickets, request and environment. */
export async function issueView(db: Kysely<Database>, row: IssueRow): Promise<EngineeringIssue> {
  const links = await ticketLinksOf(db, [row.id]);
  const [tickets, requests, environment] = await Promise.all([
    ticketRefs(
      db,
      links.map((l) => l.ticket_id),
    ),
    featureRequestTitles(db, [row.feature_request_id]),
    row.environment_id ? getEnvironment(db, row.environment_id).catch(() => null) : Promise.resolve(null),
  ]);
  return {
    id: row.id,
    key: row.key,
    title: row.title,
    tracker: row.tracker,
    trackerUrl: row.tracker_url,
    status: row.status,
    severity: row.severity,
    fixRelease: row.fix_release,
    reproduction: {
      steps: row.repro_steps,
      expected: row.repro_expected,
      actual: row.repro_actual,
      environment: environment
        ? { id: environment.id, name: environment.name, product: environment.product, account: environment.account }
        : null,
      productVersion: row.product_version,
      configuration: parseObject(row.configuration),
    },
    tickets: links.flatMap((l) => {
      const t = tickets.get(l.ticket_id);
      if (!t) return [];
      return [
        {
          id: t.id,
          number: t.number,
          subject: t.subject,
          status: t.status,
          account: t.account,
          linkedAt: l.linked_at,
          draftedReply: l.drafted_reply,
          replySentAt: l.reply_sent_at,
        },
      ];
    }),
    featureRequest: row.feature_request_id ? { id: row.feature_request_id, title: requests.get(row.feature_request_id) ?? '' } : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    fixAnnouncedAt: row.fix_announced_at,
  };
}

export async function getEngineeringIssue(db: Kysely<Database>, id: string): Promise<EngineeringIssue> {
  const row = await findIssueRow(db, id);
  if (!row) throw errors.engineeringIssueNotFound();
  return issueView(db, row);
}

function parseObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
