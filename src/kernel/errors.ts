/**
 * The one error catalogue. Each entry has a stable code, an HTTP status and a message a person
 * can act on; routes and services throw by name (`throw errors.accountNotFound()`), and the
 * server's error handler turns every error into `{"error": {"code", "message", "details"}}`.
 */
import { AppError, make } from './errors/make.js';
import { presalesOpportunitiesErrors } from './errors/presales-opportunities.js';
import { presalesPocsErrors } from './errors/presales-pocs.js';
import { presalesSolutionsErrors } from './errors/presales-solutions.js';
import { presalesLibraryErrors } from './errors/presales-library.js';
import { presalesQuestionnairesErrors } from './errors/presales-questionnaires.js';
import { presalesCollateralErrors } from './errors/presales-collateral.js';
import { teamTimeErrors } from './errors/team-time.js';
import { teamProfileErrors } from './errors/team-profile.js';
import { teamViewErrors } from './errors/team-view.js';

export { AppError };

export const errors = {
  unauthenticated: make('auth.unauthenticated', 401, 'Sign in first: this request carries no valid session or API token.'),
  invalidCredentials: make('auth.invalid_credentials', 401, 'The e-mail or password is not right.'),
  signInLocked: make('auth.locked', 429, 'Too many failed sign-ins for this member: wait a moment, then try again.'),
  rateLimited: make('request.rate_limited', 429, 'Too many requests: wait a moment, then try again.'),
  portalLinkInvalid: make(
    'portal.link_invalid',
    401,
    'This sign-in link is not valid any more: links work once and expire after 30 minutes. Ask for a new one.',
  ),
  sessionNotFound: make('auth.session_not_found', 404, 'No session of yours with this id.'),
  webhookNotFound: make('webhooks.not_found', 404, 'No webhook subscription with this id.'),
  deliveryNotFound: make('webhooks.delivery_not_found', 404, 'No webhook delivery with this id.'),
  accountDisabled: make('auth.member_disabled', 403, 'This member is disabled; ask an admin to re-enable it.'),
  csrfMissing: make(
    'auth.csrf_failed',
    403,
    'This write needs the X-CSRF-Token header from GET /api/auth/session (cookie-authenticated requests only).',
  ),
  forbidden: (permission: string) =>
    new AppError('auth.forbidden', 403, `Your role does not allow this (needs the "${permission}" permission).`, { permission }),
  tokenScopeInvalid: make('tokens.scope_invalid', 422, 'A token can only carry scopes that your own roles grant.'),
  tokenNotFound: make('tokens.not_found', 404, 'No API token with this id.'),
  validation: (message: string, details: Record<string, unknown>) => new AppError('request.invalid', 400, message, details),
  malformedJson: make('request.malformed_json', 400, 'The request body is not valid JSON.'),
  invalidUtf8: make('request.invalid_utf8', 400, 'The request is not valid UTF-8: send text encoded as UTF-8.'),
  nulCharacter: make(
    'request.nul_character',
    400,
    'The request contains a NUL character (\\u0000), which no text field accepts: remove it and send again.',
  ),
  bodyTooLarge: (limitBytes: number) =>
    new AppError(
      'request.too_large',
      413,
      `The request body is larger than this endpoint accepts (${(limitBytes / 1024 / 1024).toFixed(limitBytes < 1024 * 1024 ? 2 : 0)} MiB).`,
      { limitBytes },
    ),
  unsupportedMediaType: make('request.unsupported_media_type', 415, 'Send the body as application/json.'),
  routeNotFound: make('route.not_found', 404, 'There is no such API route.'),
  idempotencyMismatch: make(
    'request.idempotency_key_reused',
    422,
    'This Idempotency-Key was already used with a different request; use a new key for a new request.',
  ),
  idempotencyInProgress: make(
    'request.idempotency_in_progress',
    409,
    'A request with this Idempotency-Key is still being processed; retry in a moment to get its result.',
  ),
  /** `field` is the request field a form shows the message under; `label` how a person reads it. */
  duplicate: (what: string, field: string, label: string = field) =>
    new AppError('conflict.duplicate', 409, `${what} with this ${label} already exists.`, { field }),
  referenceMissing: (what: string, field: string) =>
    new AppError('request.reference_not_found', 422, `The ${what} named in "${field}" does not exist.`, { field }),
  memberNotFound: make('members.not_found', 404, 'No member with this id.'),
  lastAdmin: make('members.last_admin', 409, 'This is the last active admin; make another member admin first.'),
  accountNotFound: make('accounts.not_found', 404, 'No account with this id.'),
  contactNotFound: make('contacts.not_found', 404, 'No contact with this id.'),
  interactionNotFound: make('interactions.not_found', 404, 'No interaction with this id.'),
  attendeeNotOnAccount: make(
    'interactions.attendee_not_on_account',
    422,
    'Contacts attending an interaction must belong to the interaction’s account.',
  ),
  ticketNotFound: make('tickets.not_found', 404, 'No ticket with this id.'),
  environmentNotOnAccount: make(
    'tickets.environment_not_on_account',
    422,
    'This environment belongs to another account: a ticket can name only an environment of its own customer.',
  ),
  ticketClosed: make('tickets.closed', 409, 'This ticket is closed; open a follow-up ticket instead.'),
  requesterAccountUnknown: make(
    'tickets.requester_account_unknown',
    422,
    'The requester’s e-mail domain matches no account; choose the account (accountId) for this new contact.',
  ),
  escalationSameTier: make('tickets.escalation_same_tier', 409, 'The ticket is already in that tier.'),
  calendarNotFound: make('calendars.not_found', 404, 'No business calendar with this id.'),
  policyNotFound: make('sla_policies.not_found', 404, 'No SLA policy with this id.'),
  ruleNotFound: make('escalation_rules.not_found', 404, 'No escalation rule with this id.'),
  viewNotFound: make('views.not_found', 404, 'No view with this id.'),
  invalidCursor: make('request.invalid_cursor', 400, 'The cursor is not one this list handed out; start again without it.'),
  articleNotFound: make('articles.not_found', 404, 'No knowledge-base article with this id.'),
  articleNotLinked: make('articles.not_linked', 404, 'This article is not linked to this ticket.'),
  attachmentNotFound: make('attachments.not_found', 404, 'No attachment with this id on this ticket.'),
  attachmentTooLarge: (limitBytes: number) =>
    new AppError(
      'attachments.too_large',
      413,
      `The file is larger than the ${Math.round(limitBytes / 1024 / 1024)} MiB an attachment may be; compress or split it.`,
      { limitBytes },
    ),
  attachmentTypeNotAllowed: (details: Record<string, unknown>) =>
    new AppError(
      'attachments.type_not_allowed',
      415,
      'This kind of file cannot be attached (or its content does not match its type); images, PDF, text, CSV, JSON, logs, zip and office documents can.',
      details,
    ),
  attachmentFileMissing: make('attachments.file_missing', 400, 'Send the file as multipart/form-data in a field named "file".'),
  attachmentFileGone: make(
    'attachments.file_missing_on_disk',
    410,
    'The stored file for this attachment is missing from the data folder; restore it from a backup.',
  ),
  inboundEmailMediaType: make(
    'email.unsupported_media_type',
    415,
    'Send the raw e-mail as the request body with Content-Type: message/rfc822.',
  ),
  inboundEmailUnreadable: make(
    'email.unreadable',
    400,
    'The body is not an e-mail message with a From address; send the raw MIME message as received.',
  ),
  inboundEmailHeaderTooLarge: (limitBytes: number) =>
    new AppError(
      'email.header_too_large',
      413,
      `A header block of this message is larger than the ${Math.round(limitBytes / 1024 / 1024)} MiB Outpost reads; it will not be accepted however often it is sent.`,
      { limitBytes },
    ),
  inboundEmailTooComplex: make(
    'email.too_many_parts',
    422,
    'The message has more MIME parts than Outpost reads (1,000); it will not be accepted however often it is sent.',
  ),
  quarantinedMailNotFound: make('email.quarantine_not_found', 404, 'No quarantined mail with this id.'),
  quarantinedMailReleased: make('email.quarantine_released', 409, 'This mail was already released as a ticket; open the ticket instead.'),
  quarantinedMailRawGone: make(
    'email.raw_missing',
    410,
    'The raw copy of this mail is missing from the data folder; restore it from a backup or delete the record.',
  ),
  runbookNotFound: make('runbooks.not_found', 404, 'No runbook with this id.'),
  runbookArchived: make('runbooks.archived', 409, 'This runbook is archived; pick an active runbook or set this one active again.'),
  runbookRunNotFound: make('runbook_runs.not_found', 404, 'No runbook run with this id.'),
  runbookRunInProgress: make(
    'runbook_runs.already_running',
    409,
    'This runbook is already running on this ticket; continue that run or finish it first.',
  ),
  runbookRunFinished: make(
    'runbook_runs.finished',
    409,
    'This runbook run is already finished; start a new run to go through the steps again.',
  ),
  runbookStepNotFound: make('runbook_runs.step_not_found', 404, 'This runbook has no step at that index (steps are numbered from 0).'),
  runbookStepOutOfOrder: (expectedIndex: number) =>
    new AppError('runbook_runs.step_out_of_order', 409, `Record the steps in order: the next step is index ${expectedIndex}.`, {
      expectedIndex,
    }),
  runbookStepInputRequired: (label: string) =>
    new AppError(
      'runbook_runs.input_required',
      422,
      `This step asks you to capture "${label}"; send it as "input", or mark the step skipped or failed.`,
      { field: 'input', label },
    ),
  macroNotFound: make('macros.not_found', 404, 'No macro with this id (or it is another member’s personal macro).'),
  timeEntryNotFound: make('time_entries.not_found', 404, 'No time entry with this id.'),
  timeEntryNotYours: make('time_entries.not_yours', 403, 'You can change only your own time entries; an admin can change anyone’s.'),
  csatNotFound: make('csat.not_found', 404, 'This rating link is unknown or has expired.'),
  eventStreamNotAcceptable: make(
    'events.not_acceptable',
    406,
    'This is a Server-Sent Events stream: send "Accept: text/event-stream" (a browser EventSource does).',
  ),

  // Delivery: engagements, templates, tasks and milestones.
  engagementNotFound: make('engagements.not_found', 404, 'No engagement with this id.'),
  templateNotFound: make('engagement_templates.not_found', 404, 'No engagement template with this id.'),
  templateArchived: make(
    'engagement_templates.archived',
    409,
    'This template is archived; pick an active template or un-archive it first.',
  ),
  taskNotFound: make('tasks.not_found', 404, 'No task with this id.'),
  taskBlocked: (blockedBy: { id: string; title: string; status: string }[]) =>
    new AppError(
      'tasks.blocked',
      409,
      `This task waits for ${blockedBy.map((b) => `"${b.title}"`).join(', ')}: finish ${blockedBy.length === 1 ? 'it' : 'them'} first, or remove the dependency.`,
      { field: 'status', blockedBy },
    ),
  /** `cycle` names the path that closes the circle (ids or template keys), `labels` the same tasks as people read them. */
  dependencyCycle: (field: string, cycle: string[], labels: string[] = cycle) =>
    new AppError(
      'tasks.dependency_cycle',
      422,
      `These dependencies go round in a circle (${labels.join(' → ')}); a task cannot wait for itself.`,
      { field, cycle, labels },
    ),
  dependencyUnknown: (field: string, key: string) =>
    new AppError(
      'tasks.dependency_unknown',
      422,
      `"${key}" in "${field}" is not a task of this ${field.startsWith('phases') ? 'template' : 'engagement'}.`,
      { field, key },
    ),
  templateTaskKeyDuplicate: (field: string, key: string) =>
    new AppError('engagement_templates.duplicate_key', 422, `Two tasks share the key "${key}"; give every task its own key.`, {
      field,
      key,
    }),
  datesOutOfOrder: (field: string, message: string) => new AppError('request.dates_out_of_order', 422, message, { field }),
  taskNotYours: make('tasks.not_found', 404, 'No task of yours with this id.'),

  // Delivery: customer environments, releases and upgrade campaigns.
  releaseNotFound: make('releases.not_found', 404, 'No release with this id.'),
  unknownVersion: (product: string, version: string, field: string) =>
    new AppError(
      'releases.unknown_version',
      422,
      `${product} ${version} is not in the release catalogue; add the release first (Admin › Releases) or pick a listed version.`,
      { field, product, version },
    ),
  environmentNotFound: make('environments.not_found', 404, 'No environment with this id.'),
  customisationNotFound: make('environments.customisation_not_found', 404, 'No customisation with this id on this environment.'),
  contactNotOnAccount: make(
    'environments.contact_not_on_account',
    422,
    'Contacts responsible for an environment must belong to the environment’s account.',
  ),
  campaignNotFound: make('campaigns.not_found', 404, 'No upgrade campaign with this id.'),
  campaignEntryNotFound: make('campaigns.environment_not_in_campaign', 404, 'This environment is not in this campaign.'),
  campaignClosed: make('campaigns.closed', 409, 'This campaign is completed or cancelled; reopen it (status active) before changing it.'),
  environmentWrongProduct: make(
    'campaigns.environment_wrong_product',
    422,
    'Only environments of the campaign’s product can be in its scope.',
  ),
  upgradeTransition: (from: string, to: string) =>
    new AppError(
      'campaigns.invalid_transition',
      409,
      `An upgrade cannot go from "${from.replace('_', ' ')}" to "${to.replace('_', ' ')}".`,
      { field: 'state', from, to },
    ),

  // Delivery: status reports, POC criteria, training sessions and field visits.
  statusReportNotFound: make('status_reports.not_found', 404, 'No status report with this id.'),
  statusReportSent: make(
    'status_reports.sent',
    409,
    'This report has been sent and is kept as it was sent; generate a new report to change it (you can still send this one to more contacts).',
  ),
  recipientNotOnAccount: make(
    'status_reports.contact_not_on_account',
    422,
    'A status report goes only to contacts of the engagement’s account; pick the recipients from that account’s contacts.',
  ),
  pocCriterionNotFound: make('poc.criterion_not_found', 404, 'No proof-of-concept success criterion with this id.'),
  notAProofOfConcept: make(
    'poc.not_a_poc',
    409,
    'Success criteria and a verdict belong to proof-of-concept engagements; this engagement is of another kind.',
  ),
  pocOwnerNotOnEngagement: make(
    'poc.owner_invalid',
    422,
    'The owner of a criterion is a member of the team or a contact of the engagement’s account.',
  ),
  engagementNotOnAccount: make(
    'delivery.engagement_not_on_account',
    422,
    'The engagement named in "engagementId" belongs to another account; pick one of this account’s engagements.',
  ),
  trainingSessionNotFound: make('training.not_found', 404, 'No training session with this id.'),
  trainingAttendeeNotOnAccount: make(
    'training.attendee_not_on_account',
    422,
    'Attendees of a training session are contacts of the session’s account.',
  ),
  trainingDelivered: make(
    'training.delivered',
    409,
    'This session has been delivered and is on the account’s timeline; its status cannot change any more.',
  ),
  trainingNotDelivered: make(
    'training.not_delivered',
    409,
    'Feedback is recorded once the session has been delivered; mark it delivered first.',
  ),
  trainingNotAnAttendee: make(
    'training.not_an_attendee',
    422,
    'Only an attendee of the session can give feedback on it; add the contact as an attendee first.',
  ),
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
  fieldVisitNotFound: make('field_visits.not_found', 404, 'No field visit with this id.'),
  fieldVisitCompleted: make(
    'field_visits.completed',
    409,
    'This visit is completed and on the account’s timeline; it cannot be planned again or deleted.',
  ),
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
  // feedback: loop
  notificationNotFound: make('notifications.not_found', 404, 'No notification of yours with this id.'),
  feedbackNoticeNotFound: make('feedback_notices.not_found', 404, 'No product update of yours with this id.'),
  meetingNotFound: make('internal_meetings.not_found', 404, 'No internal meeting with this id.'),
  meetingAttendeeUnknown: make(
    'internal_meetings.attendee_unknown',
    422,
    'An attendee in "attendeeIds" is not a member of the team; pick attendees from the team directory.',
  ),
  meetingLinkUnknown: (field: string) =>
    new AppError('internal_meetings.link_unknown', 422, `A record in "${field}" does not exist; link only existing records.`, { field }),
  // success: playbooks
  playbookRuleNotFound: make('playbook_rules.not_found', 404, 'No playbook rule with this id.'),
  successTaskNotFound: make('success_tasks.not_found', 404, 'No success task with this id.'),
  successTaskClosed: make('success_tasks.closed', 409, 'This task is closed and cannot be changed or reopened; create a new task instead.'),
  successTaskStepNotFound: (index: number, count: number) =>
    new AppError('success_tasks.step_not_found', 422, `This task has ${count} step(s), numbered from 0: there is no step ${index}.`, {
      field: 'steps',
    }),
  successTaskAssigneeUnknown: make('success_tasks.assignee_unknown', 422, 'The assignee is not an active member; pick another member.'),
  // success: plans
  successPlanNotFound: make('success_plans.not_found', 404, 'No success plan with this id.'),
  successPlanOwnerUnknown: make('success_plans.owner_unknown', 422, 'The owner is not an active member; pick another member.'),
  successPlanEngagementForeign: make(
    'success_plans.engagement_foreign',
    422,
    "A linked engagement does not exist or belongs to another account: link only this account's engagements.",
  ),
  successPlanObjectiveUnknown: make(
    'success_plans.objective_unknown',
    422,
    'An objective id is not one of this plan’s objectives: leave the id out to add a new objective.',
  ),
  // success: business reviews
  businessReviewNotFound: make('business_reviews.not_found', 404, 'No business review with this id.'),
  businessReviewSent: make(
    'business_reviews.sent',
    409,
    'This business review was sent to the customer and is read-only: generate a new review to change it.',
  ),
  businessReviewPeriodInvalid: (message: string, field: string) => new AppError('business_reviews.period_invalid', 422, message, { field }),
  businessReviewContactNotOfAccount: (contactIds: string[]) =>
    new AppError(
      'business_reviews.contact_not_of_account',
      422,
      'Every recipient must be a contact of this account: remove the others and send again.',
      { field: 'contactIds', contactIds },
    ),
  // presales (issue 16): one file per area, so areas built in parallel do not edit one map
  ...presalesOpportunitiesErrors,
  ...presalesPocsErrors,
  ...presalesSolutionsErrors,
  ...presalesLibraryErrors,
  ...presalesQuestionnairesErrors,
  ...presalesCollateralErrors,
  // team (issue 17): one file per area, like presales
  ...teamTimeErrors,
  ...teamProfileErrors,
  ...teamViewErrors,
};
