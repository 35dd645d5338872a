import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { runsOfTicket } from '../runbooks/repository.js';
import type { RunbookRun } from '../contract/runbooks.js';

/**
 * The escalation summary's "what was already tried" (DESIGN §3): every runbook run on the ticket
 * with each step's outcome, captured value and note, so the next tier does not repeat them.
 */
export function runbookDraftLines(runs: RunbookRun[]): string[] {
  if (runs.length === 0) return [];
  const lines: string[] = ['Runbook steps done:'];
  for (const run of runs) {
    const state = run.status === 'in_progress' ? 'in progress' : run.status;
    lines.push(
      `Runbook "${run.title}" (${state}, started ${run.startedAt.slice(0, 16).replace('T', ' ')}${run.startedBy ? ` by ${run.startedBy.name}` : ''}):`,
    );
    for (const step of run.steps) {
      if (!step.outcome) {
        lines.push(`  ${step.index + 1}. [not reached] ${step.instruction}`);
        continue;
      }
      const input = step.input ? ` — ${step.inputLabel ?? 'input'}: ${step.input}` : '';
      const note = step.note ? ` — note: ${step.note.slice(0, 500)}` : '';
      lines.push(`  ${step.index + 1}. [${step.outcome}] ${step.instruction}${input}${note}`);
    }
  }
  lines.push('');
  return lines;
}

/** The escalation draft's runbook lines for one ticket. */
export async function runbookDraftSection(db: Kysely<Database>, ticket: { id: string }): Promise<string[]> {
  return runbookDraftLines(await runsOfTicket(db, ticket.id));
}
