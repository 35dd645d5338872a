import type { Kysely } from 'kysely';
import type { Database } from '../../../../db/schema.js';
import type { ChangeContext } from '../../../../kernel/actor.js';
import { AppError } from '../../../../kernel/errors.js';
import { ticketRecords } from '../../../support/index.js';
import type { ZendeskTicketCreate, ZendeskTicketUpdate } from '../../contract/tickets.js';
import { newJobId, saveJobStatus, type JobResult, type StoredJobStatus } from './job-status-repository.js';
import { createZendeskTicket, deleteZendeskTicket, updateZendeskTicket } from './ticket-writes.js';

/**
 * create_many, update_many and destroy_many (Zendesk answers these with a job status to poll).
 * Outpost runs the job inside the request, at most 100 items: the job status it answers is already
 * `completed`, with one result per item. Each item is its own transaction, so an item that fails
 * (a closed ticket, an unknown assignee) leaves nothing half-written and does not stop the others,
 * as Zendesk's jobs report per-item errors. The job is stored so GET /job_statuses/:id finds it.
 */

/** What a failed item reports: Zendesk's error name and Outpost's message. */
function failure(index: number, err: unknown, id?: number): JobResult {
  if (err instanceof AppError) {
    const error = err.statusCode === 404 ? 'TicketNotFound' : err.statusCode === 409 ? 'TicketUpdateFailed' : 'RecordInvalid';
    return { ...(id !== undefined ? { id } : {}), index, error, details: err.message };
  }
  throw err;
}

async function run(
  db: Kysely<Database>,
  ctx: ChangeContext,
  jobType: string,
  count: number,
  item: (index: number) => Promise<JobResult>,
  itemId: (index: number) => number | undefined = () => undefined,
): Promise<StoredJobStatus> {
  const results: JobResult[] = [];
  for (let index = 0; index < count; index++) {
    try {
      results.push(await item(index));
    } catch (err) {
      results.push(failure(index, err, itemId(index)));
    }
  }
  const job: StoredJobStatus = {
    id: newJobId(),
    jobType,
    status: 'completed',
    total: count,
    progress: count,
    results,
    message: `Completed at ${new Date().toISOString()}`,
  };
  await saveJobStatus(db, ctx.memberId ?? ctx.actorId ?? 'system', job);
  return job;
}

export async function createMany(db: Kysely<Database>, ctx: ChangeContext, tickets: ZendeskTicketCreate[]): Promise<StoredJobStatus> {
  return run(db, ctx, 'bulk_create_tickets', tickets.length, async (index) => {
    const id = await createZendeskTicket(db, ctx, tickets[index]!);
    const [record] = await ticketRecords(db, { ids: [id] });
    return { id: record!.number, index, action: 'create', success: true, status: 'Created' };
  });
}

/** The tickets behind these numbers (null where there is none). */
async function byNumber(db: Kysely<Database>, numbers: number[]): Promise<Map<number, string>> {
  return new Map((await ticketRecords(db, { numbers })).map((r) => [r.number, r.id]));
}

export async function updateMany(
  db: Kysely<Database>,
  ctx: ChangeContext,
  changes: { number: number; input: ZendeskTicketUpdate }[],
): Promise<StoredJobStatus> {
  const ids = await byNumber(
    db,
    changes.map((c) => c.number),
  );
  return run(
    db,
    ctx,
    'bulk_update_tickets',
    changes.length,
    async (index) => {
      const { number, input } = changes[index]!;
      const id = ids.get(number);
      if (!id) return { id: number, index, error: 'TicketNotFound', details: 'No ticket with this id.' };
      await updateZendeskTicket(db, ctx, id, input);
      return { id: number, index, action: 'update', success: true, status: 'Updated' };
    },
    (index) => changes[index]!.number,
  );
}

export async function destroyMany(db: Kysely<Database>, ctx: ChangeContext, numbers: number[]): Promise<StoredJobStatus> {
  const ids = await byNumber(db, numbers);
  return run(
    db,
    ctx,
    'bulk_delete_tickets',
    numbers.length,
    async (index) => {
      const number = numbers[index]!;
      const id = ids.get(number);
      if (!id) return { id: number, index, error: 'TicketNotFound', details: 'No ticket with this id.' };
      await deleteZendeskTicket(db, ctx, id);
      return { id: number, index, action: 'delete', success: true, status: 'Deleted' };
    },
    (index) => numbers[index],
  );
}
