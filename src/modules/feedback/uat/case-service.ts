import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import type { ChangeContext } from '../../../kernel/actor.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import type { UatRound, updateCaseBody, uatCaseInput } from '../contract/uat.js';
import { openRound } from './open-round.js';
import { casesOf, findCase, touchRound } from './repository.js';
import { getRound } from './round-view.js';

/** A round's test cases, changed only while the round is open. Positions run 1…n without gaps. */

const MAX_CASES = 100;

export async function addCase(
  db: Kysely<Database>,
  ctx: ChangeContext,
  roundId: string,
  input: z.output<typeof uatCaseInput>,
  now = new Date(),
): Promise<UatRound> {
  await inTransaction(db, async (trx) => {
    await openRound(trx, roundId);
    const cases = await casesOf(trx, [roundId]);
    if (cases.length >= MAX_CASES) throw errors.validation(`A round holds at most ${MAX_CASES} cases.`, { field: 'title' });
    const id = newId();
    const position = cases.reduce((max, c) => Math.max(max, c.position), 0) + 1;
    await trx
      .insertInto('uat_cases')
      .values({ id, round_id: roundId, position, ...input })
      .execute();
    await touchRound(trx, roundId, now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'uat_case.created',
      recordType: 'uat_case',
      recordId: id,
      changes: diff(null, { roundId, position, ...input }),
    });
  });
  return getRound(db, roundId);
}

/** Edits a case's wording; results already recorded stay (the tester re-tests if it matters). */
export async function updateCase(
  db: Kysely<Database>,
  ctx: ChangeContext,
  caseId: string,
  input: z.output<typeof updateCaseBody>,
  now = new Date(),
): Promise<UatRound> {
  const found = await findCase(db, caseId);
  if (!found) throw errors.uatCaseNotFound();
  await inTransaction(db, async (trx) => {
    await openRound(trx, found.round_id);
    const before = (await findCase(trx, caseId))!;
    await trx.updateTable('uat_cases').set(input).where('id', '=', caseId).execute();
    await touchRound(trx, found.round_id, now.toISOString());
    const changed = { title: before.title, steps: before.steps, expected: before.expected };
    await recordAudit(trx, ctx, {
      action: 'uat_case.updated',
      recordType: 'uat_case',
      recordId: caseId,
      changes: diff(changed, { ...changed, ...input }),
    });
  });
  return getRound(db, found.round_id);
}

/** Puts the round's cases in the order given: every case exactly once, or 422 and nothing moves. */
export async function reorderCases(
  db: Kysely<Database>,
  ctx: ChangeContext,
  roundId: string,
  caseIds: readonly string[],
  now = new Date(),
): Promise<UatRound> {
  await inTransaction(db, async (trx) => {
    await openRound(trx, roundId);
    const cases = await casesOf(trx, [roundId]);
    const known = new Set(cases.map((c) => c.id));
    if (new Set(caseIds).size !== caseIds.length || caseIds.length !== cases.length || caseIds.some((id) => !known.has(id))) {
      throw errors.uatCaseOrderMismatch({ field: 'caseIds' });
    }
    for (const [i, id] of caseIds.entries()) {
      await trx
        .updateTable('uat_cases')
        .set({ position: i + 1 })
        .where('id', '=', id)
        .execute();
    }
    await touchRound(trx, roundId, now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'uat_round.cases_reordered',
      recordType: 'uat_round',
      recordId: roundId,
      changes: { caseIds: [cases.map((c) => c.id), [...caseIds]] },
    });
  });
  return getRound(db, roundId);
}

/** Removes a case nobody has tested yet; the others close the gap. */
export async function deleteCase(db: Kysely<Database>, ctx: ChangeContext, caseId: string, now = new Date()): Promise<UatRound> {
  const found = await findCase(db, caseId);
  if (!found) throw errors.uatCaseNotFound();
  await inTransaction(db, async (trx) => {
    await openRound(trx, found.round_id);
    const results = await trx.selectFrom('uat_results').select('id').where('case_id', '=', caseId).limit(1).execute();
    if (results.length) throw errors.uatCaseHasResults();
    await trx.deleteFrom('uat_cases').where('id', '=', caseId).execute();
    const rest = await casesOf(trx, [found.round_id]);
    for (const [i, c] of rest.entries()) {
      if (c.position !== i + 1)
        await trx
          .updateTable('uat_cases')
          .set({ position: i + 1 })
          .where('id', '=', c.id)
          .execute();
    }
    await touchRound(trx, found.round_id, now.toISOString());
    await recordAudit(trx, ctx, {
      action: 'uat_case.deleted',
      recordType: 'uat_case',
      recordId: caseId,
      changes: diff({ roundId: found.round_id, title: found.title, steps: found.steps, expected: found.expected }, null),
    });
  });
  return getRound(db, found.round_id);
}
