import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { errors } from '../../../kernel/errors.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { recordAudit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { escalationDraft } from '../escalation/escalation-service.js';
import { addAgentMessage } from '../tickets/message-service.js';
import * as tickets from '../tickets/ticket-repository.js';
import { actorOfContext } from '../tickets/ticket-service.js';
import * as repo from './repository.js';
import type { FinishRunInput, RecordStepInput, RunbookRun, RunbookStep } from '../contract/runbooks.js';
import { getRunbook } from './service.js';

export async function getRun(db: Kysely<Database>, id: string): Promise<RunbookRun> {
  const row = await repo.findRunRow(db, id);
  if (!row) throw errors.runbookRunNotFound();
  return (await repo.toRuns(db, [row]))[0]!;
}

export async function listRuns(db: Kysely<Database>, ticketId: string): Promise<RunbookRun[]> {
  if (!(await tickets.findTicketRow(db, ticketId))) throw errors.ticketNotFound();
  return repo.runsOfTicket(db, ticketId);
}

/** Starts a runbook on a ticket, keeping a copy of its steps as they are now. */
export async function startRun(
  db: Kysely<Database>,
  ctx: ChangeContext,
  ticketId: string,
  runbookId: string,
  now = new Date(),
): Promise<RunbookRun> {
  const ticket = await tickets.findTicketRow(db, ticketId);
  if (!ticket) throw errors.ticketNotFound();
  if (ticket.status === 'closed') throw errors.ticketClosed();
  const runbook = await getRunbook(db, runbookId).catch(() => {
    throw errors.referenceMissing('runbook', 'runbookId');
  });
  if (runbook.status === 'archived') throw errors.runbookArchived();
  const id = newId();
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const running = await trx
      .selectFrom('runbook_runs')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('runbook_id', '=', runbookId)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    if (running) throw errors.runbookRunInProgress({ runId: running.id });
    await trx
      .insertInto('runbook_runs')
      .values({
        id,
        runbook_id: runbookId,
        ticket_id: ticketId,
        runbook_title: runbook.title,
        steps: JSON.stringify(runbook.steps),
        status: 'in_progress',
        started_by: ctx.memberId,
        started_at: at,
        finished_by: null,
        finished_at: null,
      })
      .execute();
    await tickets.recordTicketEvent(
      trx,
      ticketId,
      actorOfContext(ctx),
      'runbook.started',
      { runId: id, runbookId, title: runbook.title },
      at,
    );
    await recordAudit(trx, ctx, {
      action: 'runbook_run.started',
      recordType: 'ticket',
      recordId: ticketId,
      changes: { runbookRun: [null, { id, runbookId }] },
    });
  });
  return getRun(db, id);
}

/**
 * Records one step's outcome. Steps go strictly in order, so the run reads as what was actually
 * done, one thing after another; a step asking for a value needs it when marked done.
 */
export async function recordStep(
  db: Kysely<Database>,
  ctx: ChangeContext,
  runId: string,
  index: number,
  input: RecordStepInput,
  now = new Date(),
): Promise<RunbookRun> {
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const run = await repo.findRunRow(trx, runId);
    if (!run) throw errors.runbookRunNotFound();
    if (run.status !== 'in_progress') throw errors.runbookRunFinished();
    const steps = JSON.parse(run.steps) as RunbookStep[];
    const step = steps[index];
    if (!step) throw errors.runbookStepNotFound({ index, steps: steps.length });
    const recorded = await trx.selectFrom('runbook_run_steps').select('step_index').where('run_id', '=', runId).execute();
    if (index !== recorded.length) throw errors.runbookStepOutOfOrder(recorded.length);
    if (step.inputLabel && input.outcome === 'done' && !input.input) throw errors.runbookStepInputRequired(step.inputLabel);
    await trx
      .insertInto('runbook_run_steps')
      .values({
        run_id: runId,
        step_index: index,
        outcome: input.outcome,
        input: input.input || null,
        note: input.note || null,
        member_id: ctx.memberId,
        at,
      })
      .execute();
    await tickets.recordTicketEvent(
      trx,
      run.ticket_id,
      actorOfContext(ctx),
      'runbook.step_recorded',
      { runId, index, instruction: step.instruction, outcome: input.outcome, input: input.input ?? null, note: input.note ?? null },
      at,
    );
    await recordAudit(trx, ctx, {
      action: 'runbook_run.step_recorded',
      recordType: 'ticket',
      recordId: run.ticket_id,
      changes: { [`runbookRun.${runId}.step.${index}`]: [null, input.outcome] },
    });
  });
  return getRun(db, runId);
}

export type FinishResult = { run: RunbookRun; draft?: { summary: string } };

/**
 * Ends a run. Resolved: the reply goes to the customer and the ticket is solved, all in the same
 * transaction as the run's end. Escalate: the run ends and the escalation dialog's draft comes
 * back, listing the steps done (the draft section registered in draft-section.ts).
 */
export async function finishRun(
  db: Kysely<Database>,
  ctx: ChangeContext,
  runId: string,
  input: FinishRunInput,
  now = new Date(),
): Promise<FinishResult> {
  const at = now.toISOString();
  const ticketId = await inTransaction(db, async (trx) => {
    const run = await repo.findRunRow(trx, runId);
    if (!run) throw errors.runbookRunNotFound();
    if (run.status !== 'in_progress') throw errors.runbookRunFinished();
    const status = input.result === 'resolved' ? 'resolved' : 'escalated';
    await trx.updateTable('runbook_runs').set({ status, finished_by: ctx.memberId, finished_at: at }).where('id', '=', runId).execute();
    await tickets.recordTicketEvent(
      trx,
      run.ticket_id,
      actorOfContext(ctx),
      'runbook.finished',
      { runId, title: run.runbook_title, result: status },
      at,
    );
    await recordAudit(trx, ctx, {
      action: `runbook_run.${status}`,
      recordType: 'ticket',
      recordId: run.ticket_id,
      changes: { [`runbookRun.${runId}.status`]: ['in_progress', status] },
    });
    if (input.result === 'resolved')
      await addAgentMessage(trx, ctx, run.ticket_id, { body: input.reply, visibility: 'public', status: 'solved' }, 'web', now);
    return run.ticket_id;
  });
  const run = await getRun(db, runId);
  return input.result === 'escalate' ? { run, draft: await escalationDraft(db, ticketId) } : { run };
}
