import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema.js';
import { diff, recordAudit } from '../../../kernel/audit.js';
import { errors } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { inTransaction } from '../../../kernel/transaction.js';
import { contactRefs } from '../../accounts/index.js';
import { contactContext, type PortalContact } from '../../identity/index.js';
import type { PortalUatRound, PortalUatRoundSummary, portalResultBody, signOffBody } from '../contract/uat.js';
import { openRound } from './open-round.js';
import { casesOf, resultsOf, roundsOfInvitee, touchRound, type RoundRow } from './repository.js';
import { caseOutcomes } from './round-view.js';
import { signOffReadiness } from './sign-off-readiness.js';

/**
 * Acceptance testing in the customer portal. A contact sees only the rounds they are invited to on
 * their own account: any other round — another account's, or one of theirs they were not invited
 * to — is 404, never 403, so its existence is not revealed. They see their colleagues' outcomes
 * (sign-off depends on them) but nothing internal: no request, no engineering issue.
 */

type Invited = RoundRow & { invited_at: string };

async function invitedRound(db: Kysely<Database>, contact: PortalContact, roundId: string): Promise<Invited> {
  const [round] = await roundsOfInvitee(db, contact, roundId);
  if (!round) throw errors.uatRoundNotFound();
  return round;
}

function summary(round: Invited, caseCount: number, yours: number): PortalUatRoundSummary {
  return {
    id: round.id,
    title: round.title,
    status: round.status,
    invitedAt: round.invited_at,
    caseCount,
    yourResultCount: yours,
    signOff: round.signed_off_at && round.signed_off_name ? { name: round.signed_off_name, at: round.signed_off_at } : null,
  };
}

/** The rounds the contact is invited to, open ones first, newest first within each. */
export async function listPortalRounds(db: Kysely<Database>, contact: PortalContact): Promise<PortalUatRoundSummary[]> {
  const rounds = await roundsOfInvitee(db, contact);
  const ids = rounds.map((r) => r.id);
  const [cases, results] = await Promise.all([casesOf(db, ids), resultsOf(db, ids)]);
  const rank = (r: Invited) => (r.status === 'open' ? 0 : 1);
  return [...rounds]
    .sort((a, b) => rank(a) - rank(b))
    .map((r) =>
      summary(
        r,
        cases.filter((c) => c.round_id === r.id).length,
        results.filter((x) => x.round_id === r.id && x.contact_id === contact.contactId).length,
      ),
    );
}

export async function getPortalRound(db: Kysely<Database>, contact: PortalContact, roundId: string): Promise<PortalUatRound> {
  const round = await invitedRound(db, contact, roundId);
  const [cases, results] = await Promise.all([casesOf(db, [roundId]), resultsOf(db, [roundId])]);
  const names = await contactRefs(
    db,
    results.map((r) => r.contact_id),
  );
  const yours = results.filter((r) => r.contact_id === contact.contactId);
  return {
    ...summary(round, cases.length, yours.length),
    cases: cases.map((c) => {
      const mine = yours.find((r) => r.case_id === c.id);
      return {
        id: c.id,
        position: c.position,
        title: c.title,
        steps: c.steps,
        expected: c.expected,
        yourResult: mine ? { outcome: mine.outcome, comment: mine.comment, recordedAt: mine.recorded_at } : null,
        colleagues: results
          .filter((r) => r.case_id === c.id && r.contact_id !== contact.contactId)
          .map((r) => ({ name: names.get(r.contact_id)?.name ?? 'A colleague', outcome: r.outcome, comment: r.comment })),
      };
    }),
    readiness: signOffReadiness(caseOutcomes(cases, results)),
  };
}

/**
 * Records (or replaces) the contact's own result on a case of an open round they are invited to.
 * A new result replaces the old one: re-testing after a fix is how a failure is cleared.
 */
export async function recordPortalResult(
  db: Kysely<Database>,
  contact: PortalContact,
  roundId: string,
  caseId: string,
  input: z.output<typeof portalResultBody>,
  ip: string | null,
  now = new Date(),
): Promise<PortalUatRound> {
  await invitedRound(db, contact, roundId);
  await inTransaction(db, async (trx) => {
    await openRound(trx, roundId);
    const found = await trx
      .selectFrom('uat_cases')
      .select('id')
      .where('id', '=', caseId)
      .where('round_id', '=', roundId)
      .executeTakeFirst();
    if (!found) throw errors.uatCaseNotFound();
    const before = await trx
      .selectFrom('uat_results')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('contact_id', '=', contact.contactId)
      .executeTakeFirst();
    const at = now.toISOString();
    const comment = input.comment ?? null;
    const id = before?.id ?? newId();
    await trx
      .insertInto('uat_results')
      .values({
        id,
        case_id: caseId,
        contact_id: contact.contactId,
        outcome: input.outcome,
        comment,
        recorded_at: at,
        engineering_issue_id: null,
      })
      // Two tabs saving at once: the unique (case, contact) index keeps one result, the later one.
      .onConflict((oc) => oc.columns(['case_id', 'contact_id']).doUpdateSet({ outcome: input.outcome, comment, recorded_at: at }))
      .execute();
    await touchRound(trx, roundId, at);
    await recordAudit(trx, contactContext(contact, ip), {
      action: 'uat_result.recorded',
      recordType: 'uat_result',
      recordId: id,
      changes: diff(before ? { outcome: before.outcome, comment: before.comment } : null, {
        roundId,
        caseId,
        outcome: input.outcome,
        comment,
      }),
    });
  });
  return getPortalRound(db, contact, roundId);
}

/** The customer's sign-off: their typed name and the time, once every case passes (contract/uat.ts). */
export async function signOffRound(
  db: Kysely<Database>,
  contact: PortalContact,
  roundId: string,
  input: z.output<typeof signOffBody>,
  ip: string | null,
  now = new Date(),
): Promise<PortalUatRound> {
  await invitedRound(db, contact, roundId);
  await inTransaction(db, async (trx) => {
    await openRound(trx, roundId);
    const [cases, results] = await Promise.all([casesOf(trx, [roundId]), resultsOf(trx, [roundId])]);
    const readiness = signOffReadiness(caseOutcomes(cases, results));
    if (!readiness.ready) {
      throw errors.uatSignOffNotReady(readiness.reason ?? '', {
        untestedCases: readiness.untestedCases.map((c) => c.id),
        failingCases: readiness.failingCases.map((c) => c.id),
      });
    }
    const at = now.toISOString();
    await trx
      .updateTable('uat_rounds')
      .set({
        status: 'signed_off',
        signed_off_contact_id: contact.contactId,
        signed_off_name: input.name,
        signed_off_at: at,
        updated_at: at,
      })
      .where('id', '=', roundId)
      .where('status', '=', 'open')
      .execute();
    await recordAudit(trx, contactContext(contact, ip), {
      action: 'uat_round.signed_off',
      recordType: 'uat_round',
      recordId: roundId,
      changes: diff({ status: 'open' }, { status: 'signed_off', signedOffName: input.name, signedOffAt: at }),
    });
  });
  return getPortalRound(db, contact, roundId);
}
