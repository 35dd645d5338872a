import { AppError, make } from './make.js';

/**
 * Errors of the support module: tickets, SLA calendars and policies, escalation rules, views,
 * knowledge, attachments, inbound e-mail, runbooks, macros and CSAT. Spread into the one catalogue
 * in ../errors.ts.
 */
export const supportErrors = {
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
  csatNotFound: make('csat.not_found', 404, 'This rating link is unknown or has expired.'),
};
