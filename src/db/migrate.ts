import { Migrator, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.js';
import { dialectTypes, type DialectTypes } from './dialect.js';
import type { Kysely } from 'kysely';
import * as foundation from './migrations/0001-foundation.js';
import * as signInSecurity from './migrations/0006-sign-in-security.js';
import * as eventsAndWebhooks from './migrations/0007-events-and-webhooks.js';
import * as portal from './migrations/0008-portal.js';
import * as eventFanout from './migrations/0011-event-fanout.js';
import * as supportCore from './migrations/0002-support-core.js';
import * as emailAndAttachments from './migrations/0004-email-and-attachments.js';
import * as runbooksMacrosTimeCsat from './migrations/0003-runbooks-macros-time-csat.js';
import * as knowledgeAndSearch from './migrations/0005-knowledge-and-search.js';
import * as accountTicketIndexes from './migrations/0010-account-ticket-indexes.js';
import * as realtime from './migrations/0009-realtime.js';
import * as engagements from './migrations/0012-engagements.js';
import * as environments from './migrations/0013-environments.js';
import * as deliveryRecords from './migrations/0014-delivery-records.js';
import * as speed from './migrations/0015-speed.js';
import * as idempotencyExpiry from './migrations/0016-idempotency-expiry.js';
import * as rateLimitCounters from './migrations/0017-rate-limit-counters.js';
import * as rawMailAndQuarantine from './migrations/0018-raw-mail-and-quarantine.js';
import * as feedback from './migrations/0019-feedback.js';
import * as escalationEngineeringIssues from './migrations/0020-escalation-engineering-issues.js';
import * as success from './migrations/0021-success.js';
import * as successPlansRenewals from './migrations/0022-success-plans-renewals.js';
import * as businessReviews from './migrations/0023-business-reviews.js';
import * as analytics from './migrations/0024-analytics.js';
import * as presalesOpportunities from './migrations/0025-presales-opportunities.js';
import * as presalesPocLinks from './migrations/0026-presales-poc-links.js';
import * as presalesSolutions from './migrations/0027-presales-solutions.js';
import * as presalesAnswerLibrary from './migrations/0028-presales-answer-library.js';
import * as presalesQuestionnaires from './migrations/0029-presales-questionnaires.js';
import * as presalesCollateral from './migrations/0030-presales-collateral.js';
import * as analyticsSlaByMonth from './migrations/0031-analytics-sla-by-month.js';
import * as healthPassIndexes from './migrations/0032-health-pass-indexes.js';
import * as teamTime from './migrations/0033-team-time.js';
import * as teamProfile from './migrations/0034-team-profile.js';
import * as teamView from './migrations/0035-team-view.js';
import * as outboxAttachments from './migrations/0036-outbox-attachments.js';
import * as analyticsDailyFlow from './migrations/0037-analytics-daily-flow.js';
import * as ticketTypesAndFields from './migrations/0038-ticket-types-and-fields.js';
import * as accountTagsAndNotes from './migrations/0039-account-tags-and-notes.js';
import * as zendesk from './migrations/0040-zendesk.js';
import * as zendeskExportIndexes from './migrations/0041-zendesk-export-indexes.js';
import * as searchSpeed from './migrations/0042-search-speed.js';
import * as ticketNumberSequence from './migrations/0043-ticket-number-sequence.js';
import { ensureDefaultViews } from '../modules/support/index.js';
import { reindexAll } from '../modules/search/index.js';

interface OutpostMigration {
  up(db: Kysely<unknown>, types: DialectTypes): Promise<void>;
}

// Listed in code rather than read from a folder, so the built server needs no file globbing and
// the order is explicit.
const migrations: Record<string, OutpostMigration> = {
  '0001-foundation': foundation,
  '0002-support-core': supportCore,
  '0003-runbooks-macros-time-csat': runbooksMacrosTimeCsat,
  '0004-email-and-attachments': emailAndAttachments,
  '0005-knowledge-and-search': knowledgeAndSearch,
  '0006-sign-in-security': signInSecurity,
  '0007-events-and-webhooks': eventsAndWebhooks,
  '0008-portal': portal,
  '0009-realtime': realtime,
  '0010-account-ticket-indexes': accountTicketIndexes,
  '0011-event-fanout': eventFanout,
  '0012-engagements': engagements,
  '0013-environments': environments,
  '0014-delivery-records': deliveryRecords,
  '0015-speed': speed,
  '0016-idempotency-expiry': idempotencyExpiry,
  '0017-rate-limit-counters': rateLimitCounters,
  '0018-raw-mail-and-quarantine': rawMailAndQuarantine,
  '0019-feedback': feedback,
  '0020-escalation-engineering-issues': escalationEngineeringIssues,
  '0021-success': success,
  '0022-success-plans-renewals': successPlansRenewals,
  '0023-business-reviews': businessReviews,
  '0024-analytics': analytics,
  '0025-presales-opportunities': presalesOpportunities,
  '0026-presales-poc-links': presalesPocLinks,
  '0027-presales-solutions': presalesSolutions,
  '0028-presales-answer-library': presalesAnswerLibrary,
  '0029-presales-questionnaires': presalesQuestionnaires,
  '0030-presales-collateral': presalesCollateral,
  '0031-analytics-sla-by-month': analyticsSlaByMonth,
  '0032-health-pass-indexes': healthPassIndexes,
  '0033-team-time': teamTime,
  '0034-team-profile': teamProfile,
  '0035-team-view': teamView,
  '0036-outbox-attachments': outboxAttachments,
  '0037-analytics-daily-flow': analyticsDailyFlow,
  '0038-ticket-types-and-fields': ticketTypesAndFields,
  '0039-account-tags-and-notes': accountTagsAndNotes,
  '0040-zendesk': zendesk,
  '0041-zendesk-export-indexes': zendeskExportIndexes,
  '0042-search-speed': searchSpeed,
  '0043-ticket-number-sequence': ticketNumberSequence,
};

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const types = dialectTypes(db.dialect);
  const provided: Record<string, Migration> = {};
  for (const [name, m] of Object.entries(migrations)) {
    provided[name] = { up: (k) => m.up(k, types) };
  }
  // Kysely looks for its bookkeeping tables in every schema unless told which one, so another
  // schema's tables in the same PostgreSQL database would make it skip creating its own.
  const migrationTableSchema =
    db.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => provided },
    // Migrations are numbered by the engineer who wrote them and may land out of order.
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  // Rows every workspace needs (the shared queues) are kept present, not only created once.
  await ensureDefaultViews(db.kysely);
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // The search index starts empty; a workspace that already has records gets them indexed once.
  if (applied.includes('0005-knowledge-and-search')) {
    // The rebuild reads the records through the owners' document sources (wired at start-up).
    await reindexAll(db.kysely);
  }
  return applied;
}
