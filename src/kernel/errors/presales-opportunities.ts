import { make } from './make.js';

/**
 * Errors of the presales module's opportunities area (issue 16): opportunities, deal-support
 * requests and demos. Spread into the one catalogue in ../errors.ts. Details name the request
 * `field` a form shows the message under.
 */
export const presalesOpportunitiesErrors = {
  opportunityNotFound: make('opportunities.not_found', 404, 'No opportunity with this id.'),
  opportunityAccountUnknown: make('opportunities.account_unknown', 422, 'The account named in "accountId" does not exist.'),
  opportunityMemberInactive: make(
    'opportunities.member_inactive',
    422,
    'Only active members can be on a deal’s team: pick another member, or ask an admin to re-activate this one.',
  ),
  technicalWinReasonRequired: make(
    'opportunities.technical_win_reason_required',
    422,
    'Say why the technical win was lost: the reason is required when the technical win is "lost".',
  ),
  opportunityInUse: make(
    'opportunities.in_use',
    409,
    'This opportunity has records hanging on it (demos, deal-support requests, linked interactions, PoCs, requirements or questionnaires); close it as lost instead of deleting it.',
  ),
  opportunityInteractionNotLinked: make('opportunities.interaction_not_linked', 404, 'This interaction is not linked to this opportunity.'),
  dealSupportNotFound: make('deal_support.not_found', 404, 'No deal-support request with this id.'),
  dealSupportAssigneeInactive: make('deal_support.assignee_inactive', 422, 'The assignee must be an active member: pick another engineer.'),
  dealSupportDeclineReasonRequired: make(
    'deal_support.decline_reason_required',
    422,
    'Say why the request is declined, so the account executive knows what to do next.',
  ),
  dealSupportTransitionInvalid: make(
    'deal_support.transition_invalid',
    409,
    'A request cannot move to this status from its current one (new → accepted → in progress → done; declined and done can be reopened).',
  ),
  dealSupportOpportunityClosed: make(
    'deal_support.opportunity_closed',
    409,
    'This opportunity is closed: reopen it (change its stage) before asking for deal support.',
  ),
  demoNotFound: make('demos.not_found', 404, 'No demo with this id.'),
  demoContactForeign: make('demos.contact_foreign', 422, "Demo attendees must be contacts of the opportunity's account."),
  demoPresenterInactive: make('demos.presenter_inactive', 422, 'Presenters must be active members.'),
  demoEnvironmentForeign: make(
    'demos.environment_foreign',
    422,
    "The environment must be a customer environment of the opportunity's account.",
  ),
  demoRequestForeign: make('demos.request_foreign', 422, 'The deal-support request must belong to this opportunity.'),
};
