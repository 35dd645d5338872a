import type { Kysely } from 'kysely';
import type { DialectTypes } from '../dialect.js';
import { v7 as uuidv7 } from 'uuid';

/**
 * Escalations to engineering used to carry a bare URL (`escalations.engineering_link`). Each
 * distinct URL becomes an engineering issue linked to the tickets escalated with it: a GitHub issue
 * URL keeps its `owner/repo#n` key, a Jira browse URL its `PROJ-n` key, anything else becomes an
 * Outpost issue (ENG-n) that keeps the URL as its tracker link. The escalation rows keep their URL,
 * so the support API's `engineeringLink` still answers old clients. Running it twice adds nothing.
 */

export type ParsedLink = { tracker: 'github' | 'jira'; key: string } | { tracker: 'outpost'; key: null };

export function parseEngineeringLink(url: string): ParsedLink {
  const github = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/issues\/(\d+)(?:[/?#].*)?$/i.exec(url.trim());
  if (github) return { tracker: 'github', key: `${github[1]}/${github[2]}#${github[3]}` };
  const jira = /^https?:\/\/[^/]+(?:\/[^?#]*)?\/browse\/([A-Z][A-Z0-9_]*-\d+)(?:[/?#].*)?$/.exec(url.trim());
  if (jira) return { tracker: 'jira', key: jira[1]! };
  return { tracker: 'outpost', key: null };
}

const SEVERITY_OF_PRIORITY: Record<string, string> = { urgent: 'critical', high: 'high', normal: 'medium', low: 'low' };

interface Tables {
  escalations: { id: string; ticket_id: string; actor_id: string | null; summary: string; engineering_link: string | null; at: string };
  tickets: { id: string; subject: string; priority: string; deployment_id: string | null };
  deployments: { id: string; version: string; configuration: string };
  engineering_issues: Record<string, unknown> & { id: string; key: string; tracker: string; tracker_url: string | null };
  engineering_issue_tickets: {
    issue_id: string;
    ticket_id: string;
    linked_by: string | null;
    linked_at: string;
    drafted_reply: null;
    reply_sent_at: null;
  };
}

export async function up(untyped: Kysely<unknown>, _t: DialectTypes): Promise<void> {
  const db = untyped as unknown as Kysely<Tables>;
  const escalations = await db
    .selectFrom('escalations')
    .innerJoin('tickets', 'tickets.id', 'escalations.ticket_id')
    .leftJoin('deployments', 'deployments.id', 'tickets.deployment_id')
    .select([
      'escalations.ticket_id',
      'escalations.actor_id',
      'escalations.summary',
      'escalations.engineering_link',
      'escalations.at',
      'tickets.subject',
      'tickets.priority',
      'tickets.deployment_id',
      'deployments.version',
      'deployments.configuration',
    ])
    .where('escalations.engineering_link', 'is not', null)
    .orderBy('escalations.at')
    .execute();
  if (escalations.length === 0) return;

  const existing = await db.selectFrom('engineering_issues').select(['id', 'key', 'tracker', 'tracker_url']).execute();
  const byKey = new Map(existing.map((r) => [r.key, r.id]));
  const byUrl = new Map(existing.filter((r) => r.tracker_url).map((r) => [r.tracker_url!, r.id]));
  let nextNumber = existing.reduce((max, r) => Math.max(max, /^ENG-(\d+)$/.exec(r.key) ? Number(r.key.slice(4)) : 0), 0) + 1;
  const linked = new Set(
    (await db.selectFrom('engineering_issue_tickets').select(['issue_id', 'ticket_id']).execute()).map(
      (r) => `${r.issue_id} ${r.ticket_id}`,
    ),
  );

  for (const e of escalations) {
    const url = e.engineering_link!.trim();
    const parsed = parseEngineeringLink(url);
    let issueId = byUrl.get(url) ?? (parsed.key ? byKey.get(parsed.key) : undefined);
    if (!issueId) {
      issueId = uuidv7();
      const key = parsed.key ?? `ENG-${nextNumber++}`;
      await db
        .insertInto('engineering_issues')
        .values({
          id: issueId,
          key,
          title: e.subject,
          tracker: parsed.tracker,
          tracker_url: url,
          status: 'open',
          severity: SEVERITY_OF_PRIORITY[e.priority] ?? 'medium',
          fix_release: null,
          repro_steps: e.summary,
          repro_expected: '',
          repro_actual: '',
          environment_id: e.version ? e.deployment_id : null,
          product_version: e.version ?? null,
          configuration: e.configuration ?? '{}',
          feature_request_id: null,
          created_by: e.actor_id,
          created_at: e.at,
          updated_at: e.at,
          resolved_at: null,
          fix_announced_at: null,
        })
        .execute();
      byKey.set(key, issueId);
      byUrl.set(url, issueId);
    }
    if (linked.has(`${issueId} ${e.ticket_id}`)) continue;
    await db
      .insertInto('engineering_issue_tickets')
      .values({
        issue_id: issueId,
        ticket_id: e.ticket_id,
        linked_by: e.actor_id,
        linked_at: e.at,
        drafted_reply: null,
        reply_sent_at: null,
      })
      .execute();
    linked.add(`${issueId} ${e.ticket_id}`);
  }
}
