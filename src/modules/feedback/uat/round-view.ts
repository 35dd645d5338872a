import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { errors } from '../../../kernel/errors.js';
import { accountRefs, contactRefs } from '../../accounts/index.js';
import { memberRefs } from '../../team/index.js';
import type { UatCase, UatResult, UatRound, UatRoundSummary } from '../contract/uat.js';
import {
  casesOf,
  findRequest,
  findRound,
  inviteesOf,
  resultsOf,
  roundsOfRequest,
  type CaseRow,
  type ResultRow,
  type RoundRow,
} from './repository.js';
import { signOffReadiness, type CaseOutcomes } from './sign-off-readiness.js';

/**
 * The agent's view of UAT rounds: each round with its cases, invitees, results and sign-off state,
 * assembled from batch reads (the rounds' rows, then accounts, contacts and members by id once).
 */

interface Loaded {
  rounds: RoundRow[];
  cases: CaseRow[];
  invitees: Awaited<ReturnType<typeof inviteesOf>>;
  results: ResultRow[];
  accounts: Awaited<ReturnType<typeof accountRefs>>;
  contacts: Awaited<ReturnType<typeof contactRefs>>;
  members: Awaited<ReturnType<typeof memberRefs>>;
}

async function load(db: Kysely<Database>, rounds: RoundRow[]): Promise<Loaded> {
  const ids = rounds.map((r) => r.id);
  const [cases, invitees, results] = await Promise.all([casesOf(db, ids), inviteesOf(db, ids), resultsOf(db, ids)]);
  const contactIds = [
    ...invitees.map((i) => i.contact_id),
    ...results.map((r) => r.contact_id),
    ...rounds.map((r) => r.signed_off_contact_id),
  ];
  const [accounts, contacts, members] = await Promise.all([
    accountRefs(
      db,
      rounds.map((r) => r.account_id),
    ),
    contactRefs(db, contactIds),
    memberRefs(
      db,
      rounds.map((r) => r.created_by),
    ),
  ]);
  return { rounds, cases, invitees, results, accounts, contacts, members };
}

const contactRef = (l: Loaded, id: string) => ({ id, name: l.contacts.get(id)?.name ?? 'Former contact' });

/** The sign-off rule's input: each case with the current outcomes recorded on it. */
export function caseOutcomes(cases: CaseRow[], results: { case_id: string; outcome: ResultRow['outcome'] }[]): CaseOutcomes[] {
  return cases.map((c) => ({
    id: c.id,
    title: c.title,
    position: c.position,
    outcomes: results.filter((r) => r.case_id === c.id).map((r) => r.outcome),
  }));
}

function toResult(l: Loaded, r: ResultRow): UatResult {
  return {
    id: r.id,
    contact: contactRef(l, r.contact_id),
    outcome: r.outcome,
    comment: r.comment,
    recordedAt: r.recorded_at,
    engineeringIssue:
      r.engineering_issue_id && r.issue_key ? { id: r.engineering_issue_id, key: r.issue_key, status: r.issue_status ?? 'open' } : null,
  };
}

function toSummary(l: Loaded, round: RoundRow): UatRoundSummary {
  const cases = l.cases.filter((c) => c.round_id === round.id);
  const results = l.results.filter((r) => r.round_id === round.id);
  const outcomes = caseOutcomes(cases, results);
  return {
    id: round.id,
    requestId: round.request_id,
    title: round.title,
    status: round.status,
    account: { id: round.account_id, name: l.accounts.get(round.account_id)?.name ?? 'Unknown account' },
    createdBy: round.created_by ? { id: round.created_by, name: l.members.get(round.created_by)?.name ?? 'Former member' } : null,
    createdAt: round.created_at,
    updatedAt: round.updated_at,
    counts: {
      cases: cases.length,
      invitees: l.invitees.filter((i) => i.round_id === round.id).length,
      passedCases: outcomes.filter((c) => c.outcomes.length > 0 && c.outcomes.every((o) => o === 'pass')).length,
      failingCases: outcomes.filter((c) => c.outcomes.includes('fail')).length,
      untestedCases: outcomes.filter((c) => c.outcomes.length === 0).length,
    },
    signOff:
      round.signed_off_at && round.signed_off_name
        ? {
            contact: round.signed_off_contact_id ? contactRef(l, round.signed_off_contact_id) : null,
            name: round.signed_off_name,
            at: round.signed_off_at,
          }
        : null,
  };
}

function toDetail(l: Loaded, round: RoundRow, request: { id: string; title: string; status: string }): UatRound {
  const cases = l.cases.filter((c) => c.round_id === round.id);
  const invitees = l.invitees.filter((i) => i.round_id === round.id);
  const results = l.results.filter((r) => r.round_id === round.id);
  const caseViews: UatCase[] = cases.map((c) => {
    const mine = results.filter((r) => r.case_id === c.id);
    const pass = mine.filter((r) => r.outcome === 'pass').length;
    const fail = mine.length - pass;
    return {
      id: c.id,
      position: c.position,
      title: c.title,
      steps: c.steps,
      expected: c.expected,
      counts: { pass, fail, waiting: invitees.filter((i) => !mine.some((r) => r.contact_id === i.contact_id)).length },
      results: mine.map((r) => toResult(l, r)),
    };
  });
  const caseById = new Map(cases.map((c) => [c.id, c]));
  return {
    ...toSummary(l, round),
    request,
    cases: caseViews,
    invitees: invitees.map((i) => ({
      contact: { ...contactRef(l, i.contact_id), email: l.contacts.get(i.contact_id)?.email ?? '' },
      invitedAt: i.invited_at,
      resultCount: results.filter((r) => r.contact_id === i.contact_id).length,
    })),
    failures: results
      .filter((r) => r.outcome === 'fail')
      .sort((a, b) => caseById.get(a.case_id)!.position - caseById.get(b.case_id)!.position)
      .map((r) => {
        const c = caseById.get(r.case_id)!;
        const view = toResult(l, r);
        return {
          resultId: r.id,
          case: { id: c.id, name: c.title, position: c.position },
          contact: view.contact,
          comment: r.comment,
          recordedAt: r.recorded_at,
          engineeringIssue: view.engineeringIssue,
        };
      }),
    readiness: signOffReadiness(caseOutcomes(cases, results)),
  };
}

/** A round as the agent sees it; 404 when there is none. */
export async function getRound(db: Kysely<Database>, id: string): Promise<UatRound> {
  const round = await findRound(db, id);
  if (!round) throw errors.uatRoundNotFound();
  const request = await findRequest(db, round.request_id);
  const l = await load(db, [round]);
  return toDetail(l, round, { id: round.request_id, title: request?.title ?? '', status: request?.status ?? '' });
}

/** A request's rounds, newest first, with their counts and sign-off; 404 for an unknown request. */
export async function listRoundsOfRequest(db: Kysely<Database>, requestId: string): Promise<UatRoundSummary[]> {
  if (!(await findRequest(db, requestId))) throw errors.featureRequestNotFound();
  const rounds = await roundsOfRequest(db, requestId);
  const l = await load(db, rounds);
  return rounds.map((r) => toSummary(l, r));
}
