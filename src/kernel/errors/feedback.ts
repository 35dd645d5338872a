import { AppError, make } from './make.js';

/**
 * Errors of the feedback module: feedback items, feature requests, engineering issues and
 * trackers, UAT rounds, notices and internal meetings. Spread into the one catalogue in
 * ../errors.ts.
 */
export const feedbackErrors = {
  // feedback: items and requests
  feedbackItemNotFound: make('feedback.not_found', 404, 'No feedback item with this id.'),
  feedbackAccountRequired: make(
    'feedback.account_required',
    422,
    'Name the account ("accountId"): this source does not tell which customer said it.',
  ),
  feedbackAccountMismatch: make(
    'feedback.account_mismatch',
    422,
    'The account named in "accountId" is not the account of the source record; leave it out or pick the source’s account.',
  ),
  feedbackContactNotOnAccount: make('feedback.contact_not_on_account', 422, 'The contact must be a contact of the item’s account.'),
  featureRequestNotFound: make('feature_requests.not_found', 404, 'No feature request with this id.'),
  featureRequestMerged: make(
    'feature_requests.merged',
    409,
    'This request was merged into another one; change that one instead (see details.mergedIntoId).',
  ),
  featureRequestMergeSelf: make('feature_requests.merge_self', 422, 'A request cannot be merged into itself.'),
  // feedback: engineering issues
  engineeringIssueNotFound: make('engineering_issues.not_found', 404, 'No engineering issue with this id.'),
  engineeringIssueNotLinked: make('engineering_issues.ticket_not_linked', 404, 'This ticket is not linked to this engineering issue.'),
  engineeringIssueNoDraft: make(
    'engineering_issues.no_drafted_reply',
    409,
    'There is no drafted reply on this ticket for this issue (it was sent or discarded, or the fix has not shipped).',
  ),
  engineeringIssueNoFixRelease: make(
    'engineering_issues.no_fix_release',
    409,
    'Set the fix release first: the campaign upgrades environments to it.',
  ),
  trackerNotConfigured: (tracker: string) =>
    new AppError(
      'trackers.not_configured',
      422,
      `The ${tracker} tracker is not set up; an admin configures it under Admin › Trackers, or create the issue in Outpost.`,
      { field: 'tracker', tracker },
    ),
  trackerFailed: (tracker: string, detail: string) =>
    new AppError(
      'trackers.request_failed',
      502,
      `${tracker} did not create the issue (${detail}); nothing was saved. Check the tracker settings and try again.`,
      { tracker, detail },
    ),
  trackerSignatureInvalid: make(
    'trackers.signature_invalid',
    401,
    'The webhook signature (or shared secret) does not match the one configured for this tracker; nothing was changed.',
  ),
  trackerPayloadInvalid: make('trackers.payload_invalid', 400, 'The webhook body is not the JSON this tracker sends.'),
  // feedback: UAT
  uatRoundNotFound: make('uat.round_not_found', 404, 'No UAT round with this id.'),
  uatCaseNotFound: make('uat.case_not_found', 404, 'No UAT test case with this id.'),
  uatResultNotFound: make('uat.result_not_found', 404, 'No UAT result with this id.'),
  uatRequestNotInProgress: (status: string) =>
    new AppError(
      'uat.request_not_in_progress',
      409,
      `Acceptance testing is for a request being built: this one is "${status.replace('_', ' ')}". Move it to in progress first.`,
      { status },
    ),
  uatRoundNotOpen: (status: string) =>
    new AppError(
      'uat.round_not_open',
      409,
      `This round is ${status.replace('_', ' ')}: its cases, invitees and results are kept as they were. Start a new round to test again.`,
      { status },
    ),
  uatContactNotOnAccount: make(
    'uat.contact_not_on_account',
    422,
    'Only contacts of the round’s account can test it; pick the invitees from that account’s contacts.',
  ),
  uatContactNoPortal: make(
    'uat.contact_portal_disabled',
    422,
    'These contacts cannot sign in to the portal (their access is turned off); turn it on first, or invite someone else.',
  ),
  uatCaseOrderMismatch: make(
    'uat.case_order_mismatch',
    422,
    'List every case of the round exactly once in "caseIds"; the list sent leaves some out, repeats one or names another round’s case.',
  ),
  uatCaseHasResults: make(
    'uat.case_has_results',
    409,
    'Testers have recorded results on this case, so it stays; edit it instead, or close the round and start a new one.',
  ),
  uatSignOffNotReady: (reason: string, details: Record<string, unknown>) =>
    new AppError('uat.sign_off_not_ready', 409, `The round cannot be signed off yet: ${reason}`, details),
  uatResultNotAFailure: make(
    'uat.result_not_a_failure',
    409,
    'Only a failed result becomes an engineering issue; this one is a pass (the tester may have re-tested).',
  ),
  uatIssueExists: (issueId: string) =>
    new AppError('uat.issue_exists', 409, 'This failure already has an engineering issue; open that one (details.issueId).', {
      issueId,
    }),
  feedbackNoticeNotFound: make('feedback_notices.not_found', 404, 'No product update of yours with this id.'),
  meetingNotFound: make('internal_meetings.not_found', 404, 'No internal meeting with this id.'),
  meetingAttendeeUnknown: make(
    'internal_meetings.attendee_unknown',
    422,
    'An attendee in "attendeeIds" is not a member of the team; pick attendees from the team directory.',
  ),
  meetingLinkUnknown: (field: string) =>
    new AppError('internal_meetings.link_unknown', 422, `A record in "${field}" does not exist; link only existing records.`, { field }),
};
