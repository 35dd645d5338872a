import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { externalIdsOfKind } from './external-id-repository.js';
import type { ImportContext, ImportProgress } from './import-context.js';
import { importGroups, importOrganizations, importUsers, readGroups, readMemberships } from './import-people.js';
import { countSkips, finishRun, runSkips, startRun, unfinishedRun, type ImportSkip, type RunCounts } from './import-run-repository.js';
import { importMacros, importTicketFields } from './import-settings.js';
import { importSatisfactionRatings, importTicketRecords, reportRatingsWithoutTicket } from './import-tickets-step.js';
import type { ZendeskSource } from './zendesk-source.js';

export interface ImportOptions {
  /** Records per transaction: large enough to amortise a commit, small enough that a kill loses little. */
  batchSize?: number;
  onProgress?: ImportProgress;
}

export interface ImportReport {
  runId: string;
  /** true when this start picked up a run a kill had left unfinished. */
  resumed: boolean;
  counts: RunCounts;
  skipCount: number;
  /** The first skipped rows with their reasons (all of them are kept in import_skips). */
  skips: ImportSkip[];
  seconds: number;
  ticketsPerSecond: number;
}

const ID_KINDS = ['organization', 'group', 'user', 'user_contact', 'ticket_field', 'macro'];

/**
 * Imports a Zendesk account from a source (an export folder or a live API): organisations,
 * groups, people, ticket fields, macros, then tickets with their conversations, attachments and
 * ratings. Idempotent by the source's ids, and resumable: a run a kill left unfinished is picked
 * up from its checkpoint with its counts.
 */
export async function importZendesk(db: Kysely<Database>, source: ZendeskSource, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const unfinished = await unfinishedRun(db, source.name);
  const run = unfinished ?? (await startRun(db, source.name));
  const ids = new Map<string, Map<string, string>>();
  for (const kind of ID_KINDS) ids.set(kind, await externalIdsOfKind(db, source.name, kind));
  const ctx: ImportContext = { db, source, run, batchSize: options.batchSize ?? 250, onProgress: options.onProgress ?? (() => {}), ids };
  const ticketsBefore = run.counts.ticket?.imported ?? 0;
  try {
    await importOrganizations(ctx);
    await importGroups(ctx);
    const groups = await readGroups(ctx);
    const memberships = await readMemberships(ctx);
    await importUsers(ctx, groups, memberships);
    await importTicketFields(ctx);
    await importMacros(ctx);
    const ratings = await importSatisfactionRatings(ctx);
    const seen = new Set<string>();
    await importTicketRecords(ctx, ratings, seen);
    await reportRatingsWithoutTicket(ctx, ratings, seen);
    await finishRun(db, run.id, 'finished');
  } catch (err) {
    await finishRun(db, run.id, 'failed');
    throw err;
  } finally {
    await source.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const tickets = (run.counts.ticket?.imported ?? 0) - ticketsBefore;
  return {
    runId: run.id,
    resumed: !!unfinished,
    counts: run.counts,
    skipCount: await countSkips(db, run.id),
    skips: await runSkips(db, run.id, 50),
    seconds,
    ticketsPerSecond: seconds > 0 ? Math.round(tickets / seconds) : 0,
  };
}
