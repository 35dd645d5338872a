import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { memberRefs } from '../../team/index.js';
import type { RunbookRunsTable, RunbooksTable } from './tables.js';
import type { Runbook, RunbookRun, RunbookStep } from '../contract/runbooks.js';

export type RunbookRow = Selectable<RunbooksTable>;
export type RunRow = Selectable<RunbookRunsTable>;

function runbookRows(db: Kysely<Database>) {
  return db.selectFrom('runbooks').selectAll('runbooks');
}

/** Rows as runbooks with their owners' names, in one read; a runbook whose owner is gone is left out. */
async function toRunbooks(db: Kysely<Database>, rows: RunbookRow[]): Promise<Runbook[]> {
  const owners = await memberRefs(
    db,
    rows.map((r) => r.owner_id),
  );
  return rows.flatMap((r) => {
    const owner = owners.get(r.owner_id);
    return owner ? [toRunbook(r, owner.name)] : [];
  });
}

function toRunbook(r: RunbookRow, ownerName: string): Runbook {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    keywords: JSON.parse(r.keywords) as string[],
    steps: JSON.parse(r.steps) as RunbookStep[],
    status: r.status,
    owner: { id: r.owner_id, name: ownerName },
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findRunbook(db: Kysely<Database>, id: string): Promise<Runbook | null> {
  const row = await runbookRows(db).where('runbooks.id', '=', id).executeTakeFirst();
  return row ? ((await toRunbooks(db, [row]))[0] ?? null) : null;
}

export async function listRunbooks(
  db: Kysely<Database>,
  filter: { status: 'active' | 'archived' | 'all'; q?: string | undefined },
): Promise<Runbook[]> {
  let query = runbookRows(db);
  if (filter.status !== 'all') query = query.where('runbooks.status', '=', filter.status);
  if (filter.q) query = query.where((eb) => eb(eb.fn('lower', ['runbooks.title']), 'like', `%${filter.q!.toLowerCase()}%`));
  const rows = await query.orderBy('runbooks.title').orderBy('runbooks.id').execute();
  return toRunbooks(db, rows);
}

export async function findRunRow(db: Kysely<Database>, id: string): Promise<RunRow | undefined> {
  return db.selectFrom('runbook_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Runs with their recorded steps and the names of who did what, in two queries. */
export async function toRuns(db: Kysely<Database>, rows: RunRow[]): Promise<RunbookRun[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const steps = await db.selectFrom('runbook_run_steps').selectAll().where('run_id', 'in', ids).execute();
  const names = await memberRefs(db, [...rows.flatMap((r) => [r.started_by, r.finished_by]), ...steps.map((s) => s.member_id)]);
  const person = (id: string | null) => (id ? { id, name: names.get(id)?.name ?? '' } : null);
  return rows.map((r) => {
    const recorded = new Map(steps.filter((s) => s.run_id === r.id).map((s) => [Number(s.step_index), s]));
    const script = JSON.parse(r.steps) as RunbookStep[];
    const view = script.map((step) => {
      const s = recorded.get(step.index);
      return {
        ...step,
        outcome: s?.outcome ?? null,
        input: s?.input ?? null,
        note: s?.note ?? null,
        by: person(s?.member_id ?? null),
        at: s?.at ?? null,
      };
    });
    return {
      id: r.id,
      ticketId: r.ticket_id,
      runbookId: r.runbook_id,
      title: r.runbook_title,
      status: r.status,
      startedBy: person(r.started_by),
      startedAt: r.started_at,
      finishedBy: person(r.finished_by),
      finishedAt: r.finished_at,
      steps: view,
      nextStepIndex: r.status === 'in_progress' && recorded.size < script.length ? recorded.size : null,
    };
  });
}

export async function runsOfTicket(db: Kysely<Database>, ticketId: string): Promise<RunbookRun[]> {
  const rows = await db
    .selectFrom('runbook_runs')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('started_at')
    .orderBy('id')
    .execute();
  return toRuns(db, rows);
}
