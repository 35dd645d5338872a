import type { Actor, ChangeContext } from '../../../kernel/actor.js';
import { changeContextOf } from '../../../kernel/actor.js';

/**
 * Who may do what on a questionnaire, beyond the route's `presales.write`. Approving an answer says
 * "this goes to the customer": the questionnaire's owner (the person answerable for the whole
 * submission) or a pre-sales lead (`presales.manage`: sales engineers, solutions architects,
 * admins) approves; every expert with `presales.write` drafts and reviews. Deleting a questionnaire
 * follows the same rule.
 */
export interface QuestionnaireActor {
  ctx: ChangeContext;
  memberId: string | null;
  /** Holds presales.manage. */
  leads: boolean;
}

export function questionnaireActor(actor: Actor, ip: string | null): QuestionnaireActor {
  return { ctx: changeContextOf(actor, ip), memberId: actor.memberId, leads: actor.permissions.has('presales.manage') };
}

/** Approve an answer, reopen an approved one, delete the questionnaire. */
export function mayApprove(actor: QuestionnaireActor, questionnaire: { owner_id: string | null }): boolean {
  return actor.leads || (actor.memberId !== null && questionnaire.owner_id === actor.memberId);
}

/** An actor for work done outside a request (the demo seed, tests): the member named, acting as a lead. */
export function memberQuestionnaireActor(memberId: string | null, leads = true): QuestionnaireActor {
  return {
    ctx: { actorType: memberId ? 'member' : 'system', actorId: memberId, memberId, ip: null },
    memberId,
    leads,
  };
}
