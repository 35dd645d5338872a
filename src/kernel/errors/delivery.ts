import { AppError, make } from './make.js';

/**
 * Errors of the delivery module: engagements and templates, tasks, releases, environments, upgrade
 * campaigns, status reports, PoC criteria, training and field visits. Spread into the one
 * catalogue in ../errors.ts.
 */
export const deliveryErrors = {
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
  fieldVisitNotFound: make('field_visits.not_found', 404, 'No field visit with this id.'),
  fieldVisitCompleted: make(
    'field_visits.completed',
    409,
    'This visit is completed and on the account’s timeline; it cannot be planned again or deleted.',
  ),
};
